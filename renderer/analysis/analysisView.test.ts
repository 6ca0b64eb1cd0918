import { describe, expect, it } from 'vitest';
import type { MentionView, QuoteView, SourceAnalysis } from '../../shared/areas/analysis';
import type { EntityId, MentionId, QuoteId, SourceId } from '../../shared/model';
import {
  analysisHighlights,
  excerpt,
  foundEntities,
  groupQuotesBySpeaker,
  highlightId,
  panelQuoteOrder,
  parseHighlightId,
} from './analysisView';

const source = { id: 's1' as SourceId, title: 'T', siteName: null, url: null, publishedAt: null };
const putin = { id: 'e1' as EntityId, name: 'Vladimir Putin' };
const trump = { id: 'e2' as EntityId, name: 'Donald Trump' };

function quote(
  id: string,
  start: number,
  speaker: typeof putin | null,
  status: QuoteView['status'] = 'suggested',
): QuoteView {
  return {
    id: id as QuoteId,
    source,
    start,
    end: start + 5,
    text: 'words',
    kind: 'direct',
    speaker,
    speakerSpan: null,
    cue: 'said',
    confidence: 0.9,
    rule: 'r',
    evidence: [],
    status,
    origin: 'auto',
  };
}

function mention(
  id: string,
  entity: typeof putin,
  kind: MentionView['entityKind'],
  start: number,
  status: MentionView['status'] = 'suggested',
): MentionView {
  return {
    id: id as MentionId,
    entityId: entity.id,
    entityName: entity.name,
    entityKind: kind,
    start,
    end: start + 3,
    text: entity.name,
    status,
    origin: 'auto',
  };
}

function summary(entity: typeof putin, kind: MentionView['entityKind']) {
  return {
    id: entity.id,
    kind,
    name: entity.name,
    aliases: [],
    mentionCount: 1,
    quoteCount: 0,
    sourceCount: 1,
  };
}

describe('highlight ids', () => {
  it('round-trip quotes and mentions and ignore foreign ids', () => {
    expect(parseHighlightId(highlightId({ type: 'quote', id: 'abc' }))).toEqual({ type: 'quote', id: 'abc' });
    expect(parseHighlightId(highlightId({ type: 'mention', id: 'x:y' }))).toEqual({
      type: 'mention',
      id: 'x:y',
    });
    expect(parseHighlightId('focus')).toBeNull();
  });
});

describe('analysisHighlights', () => {
  const analysis: SourceAnalysis = {
    sourceId: source.id,
    extractedAt: null,
    entities: [],
    mentions: [
      mention('m1', putin, 'person', 0),
      mention('m2', { id: 'e9' as EntityId, name: 'ceasefire' }, 'topic', 10),
      mention('m3', trump, 'person', 20, 'rejected'),
    ],
    quotes: [quote('q1', 30, putin), quote('q2', 40, null, 'rejected')],
    events: [],
  };

  it('marks quotes and people/places/orgs, mutes rejected ones, skips topics', () => {
    const highlights = analysisHighlights(analysis);
    expect(highlights.map((h) => [h.id, h.kind, h.muted])).toEqual([
      ['q:q1', 'quote', false],
      ['q:q2', 'quote', true],
      ['m:m1', 'person', false],
      ['m:m3', 'person', true],
    ]);
    expect(highlights[1]!.title).toBe('Quote: speaker unknown');
  });

  it('hides rejected items when asked', () => {
    expect(analysisHighlights(analysis, true).map((h) => h.id)).toEqual(['q:q1', 'm:m1']);
  });
});

describe('groupQuotesBySpeaker', () => {
  it('puts the most quoted speaker first, unknown last, text order inside', () => {
    const groups = groupQuotesBySpeaker([
      quote('a', 50, trump),
      quote('b', 10, null),
      quote('c', 40, putin),
      quote('d', 20, putin),
      quote('e', 60, trump, 'rejected'),
    ]);
    expect(groups.map((g) => g.speaker?.name ?? null)).toEqual(['Vladimir Putin', 'Donald Trump', null]);
    expect(groups[0]!.quotes.map((q) => q.id)).toEqual(['d', 'c']);
    expect(panelQuoteOrder(groups).map((q) => q.id)).toEqual(['d', 'c', 'a', 'e', 'b']);
  });
});

describe('foundEntities', () => {
  it('counts live mentions and derives a review status per entity', () => {
    const analysis: SourceAnalysis = {
      sourceId: source.id,
      extractedAt: null,
      entities: [
        summary(putin, 'person'),
        summary(trump, 'person'),
        summary({ id: 'e3' as EntityId, name: 'Moscow' }, 'place'),
      ],
      mentions: [
        mention('m1', putin, 'person', 0, 'confirmed'),
        mention('m2', putin, 'person', 5, 'confirmed'),
        mention('m3', trump, 'person', 9, 'rejected'),
        mention('m4', { id: 'e3' as EntityId, name: 'Moscow' }, 'place', 12),
      ],
      quotes: [],
      events: [],
    };
    const people = foundEntities(analysis, 'person');
    expect(people.map((p) => [p.entity.name, p.liveCount, p.status])).toEqual([
      ['Vladimir Putin', 2, 'confirmed'],
      ['Donald Trump', 0, 'rejected'],
    ]);
    expect(foundEntities(analysis, 'place').map((p) => p.status)).toEqual(['suggested']);
  });
});

describe('excerpt', () => {
  it('keeps short text and cuts long text at a word', () => {
    expect(excerpt('  a   b ')).toBe('a b');
    const long = 'word '.repeat(50);
    const cut = excerpt(long, 40);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(41);
    expect(cut).not.toMatch(/wor…$/);
  });
});
