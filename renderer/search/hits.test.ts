import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/areas/search';
import { hitBadge, hitDate, routeOfHit, splitHighlights } from './hits';

const base: SearchHit = {
  type: 'source',
  id: 's1',
  title: 'T',
  titleHighlights: [],
  snippet: { text: '', highlights: [] },
  date: null,
  score: 1,
};

describe('search hits', () => {
  it('lead to the reader at the match, the note, the quote span, the entity page', () => {
    expect(routeOfHit({ ...base, match: { start: 5, end: 9 } })).toEqual({
      screen: 'reader',
      sourceId: 's1',
      highlight: { start: 5, end: 9 },
    });
    expect(routeOfHit({ ...base, type: 'note', id: 'n1' })).toEqual({ screen: 'notes', noteId: 'n1' });
    expect(
      routeOfHit({ ...base, type: 'quote', id: 'q1', sourceId: 's2' as never, match: { start: 1, end: 3 } }),
    ).toEqual({ screen: 'reader', sourceId: 's2', highlight: { start: 1, end: 3 } });
    expect(routeOfHit({ ...base, type: 'entity', id: 'e1' })).toEqual({ screen: 'entity', entityId: 'e1' });
    expect(hitBadge({ ...base, type: 'entity', entityKind: 'person' })).toBe('Person');
  });

  it('split text at highlights, clamping and merging bad ranges', () => {
    expect(splitHighlights('say cease now', [[4, 9]])).toEqual([
      { text: 'say ', marked: false },
      { text: 'cease', marked: true },
      { text: ' now', marked: false },
    ]);
    const odd = splitHighlights('abc', [
      [2, 10],
      [0, 2],
      [1, 2],
      [-5, 0],
    ]);
    expect(odd.map((p) => p.text).join('')).toBe('abc');
    expect(odd).toEqual([
      { text: 'ab', marked: true },
      { text: 'c', marked: true },
    ]);
  });

  it('formats dates', () => {
    expect(hitDate('2025-03-13T10:00:00Z')).toBe('13 Mar 2025');
    expect(hitDate(null)).toBe('');
  });
});
