import { describe, expect, it } from 'vitest';
import { ANALYSIS_METHODS } from './analysis';
import { ANALYSIS_VALIDATORS } from './analysis.args';

const refuses = (method: keyof typeof ANALYSIS_VALIDATORS, args: unknown[]) =>
  expect(() => ANALYSIS_VALIDATORS[method](args), `${method} ${JSON.stringify(args)}`).toThrow(
    expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
  );

describe('analysis validators', () => {
  it('has one validator per method', () => {
    expect(Object.keys(ANALYSIS_VALIDATORS).sort()).toEqual([...ANALYSIS_METHODS].sort());
  });

  it('accepts good input and returns it typed', () => {
    expect(ANALYSIS_VALIDATORS.addQuote([{ sourceId: 's1', start: 3, end: 9 }])).toEqual([
      { sourceId: 's1', start: 3, end: 9 },
    ]);
    expect(ANALYSIS_VALIDATORS.reviewQuote([{ id: 'q1', speakerId: null }])).toEqual([
      { id: 'q1', speakerId: null },
    ]);
    expect(ANALYSIS_VALIDATORS.createEntity([{ kind: 'person', name: '  Vladimir   Putin ' }])).toEqual([
      { kind: 'person', name: 'Vladimir Putin' },
    ]);
    expect(ANALYSIS_VALIDATORS.listEntities([])).toEqual([]);
    expect(ANALYSIS_VALIDATORS.getTimeline([{ from: '2025-03-01', to: '2025-03-31' }])).toEqual([
      { from: '2025-03-01', to: '2025-03-31' },
    ]);
    expect(
      ANALYSIS_VALIDATORS.addMention([
        { sourceId: 's', start: 0, end: 2, newEntity: { kind: 'topic', name: 'ceasefire' } },
      ]),
    ).toEqual([{ sourceId: 's', start: 0, end: 2, newEntity: { kind: 'topic', name: 'ceasefire' } }]);
  });

  it('refuses bad input with INVALID_ARGUMENT', () => {
    refuses('getSourceAnalysis', []);
    refuses('getSourceAnalysis', ['not an id!']);
    refuses('reextractSource', ['a', 'b']);
    refuses('reviewQuote', [{ id: 'q1' }]);
    refuses('reviewQuote', [{ id: 'q1', status: 'maybe' }]);
    refuses('reviewQuote', [{ id: 'q1', status: 'confirmed', extra: 1 }]);
    refuses('reviewMention', [{ id: 'm1' }]);
    refuses('addQuote', [{ sourceId: 's1', start: 5, end: 5 }]);
    refuses('addQuote', [{ sourceId: 's1', start: -1, end: 5 }]);
    refuses('addQuote', [{ sourceId: 's1', start: 1.5, end: 5 }]);
    refuses('addQuote', [{ sourceId: 's1', start: 1 }]);
    refuses('addMention', [{ sourceId: 's1', start: 0, end: 3 }]);
    refuses('addMention', [
      { sourceId: 's1', start: 0, end: 3, entityId: 'e', newEntity: { kind: 'person', name: 'X' } },
    ]);
    refuses('addMention', [{ sourceId: 's1', start: 0, end: 3, newEntity: { kind: 'alien', name: 'X' } }]);
    refuses('listEntities', [{ kinds: 'person' }]);
    refuses('listEntities', [{ limit: 0 }]);
    refuses('listEntities', [{ limit: 100_000 }]);
    refuses('createEntity', [{ kind: 'person', name: '   ' }]);
    refuses('createEntity', [{ kind: 'person', name: '!!!' }]);
    refuses('createEntity', [{ kind: 'person', name: 'x'.repeat(501) }]);
    refuses('renameEntity', [{ id: 'e1' }]);
    refuses('mergeEntities', [{ into: 'e1', from: [] }]);
    refuses('mergeEntities', [{ into: 'e1', from: 'e2' }]);
    refuses('splitEntity', [{ id: 'e1', aliases: [], name: 'X' }]);
    refuses('getTimeline', [{ from: '2025-02-30' }]);
    refuses('getTimeline', [{ from: '2025-03-02', to: '2025-03-01' }]);
    refuses('getTimeline', [{ entityIds: ['ok', 'not ok'] }]);
    refuses('listQuotes', [{ includeRejected: 'yes' }]);
    refuses('listQuotes', [null]);
  });
});
