import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../shared/areas/library';
import type { SourceId } from '../../shared/model';
import { reextractAll, type ReextractApi, type ReextractProgress } from './reextractAll';

function summary(i: number): SourceSummary {
  return {
    id: `s${i}` as SourceId,
    title: `Source ${i}`,
    byline: null,
    siteName: null,
    url: null,
    canonicalUrl: null,
    publishedAt: null,
    publishedOrigin: null,
    clippedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    wordCount: 10,
    excerpt: '',
    deletedAt: null,
  };
}

/** A library of `n` sources that pages like the core, and records which sources were re-extracted. */
function fakeApi(n: number, failing = new Set<string>()): ReextractApi & { extracted: string[] } {
  const sources = Array.from({ length: n }, (_, i) => summary(i));
  const extracted: string[] = [];
  return {
    extracted,
    listSources: async (options) => {
      const offset = options?.offset ?? 0;
      const limit = options?.limit ?? 50;
      return { sources: sources.slice(offset, offset + limit), total: sources.length };
    },
    reextractSource: async (id) => {
      if (failing.has(id)) throw new Error(`cannot read ${id}`);
      extracted.push(id);
      return { sourceId: id, entities: 1, mentions: 2, quotes: 3, events: 0 };
    },
  };
}

describe('reextractAll', () => {
  it('visits every source across pages and reports n of N', async () => {
    const api = fakeApi(1203);
    const seen: ReextractProgress[] = [];
    const outcome = await reextractAll(api, (p) => seen.push(p));
    expect(api.extracted).toHaveLength(1203);
    expect(new Set(api.extracted).size).toBe(1203);
    expect(outcome).toMatchObject({ done: 1203, total: 1203, cancelled: false, current: null });
    expect(seen[0]).toMatchObject({ done: 0, total: 1203 });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('counts a failing source and goes on with the others', async () => {
    const api = fakeApi(4, new Set(['s1']));
    const outcome = await reextractAll(api, () => {});
    expect(api.extracted).toEqual(['s0', 's2', 's3']);
    expect(outcome.done).toBe(4);
    expect(outcome.failed).toEqual([{ id: 's1', title: 'Source 1', message: 'cannot read s1' }]);
  });

  it('stops before the next source once cancelled', async () => {
    const api = fakeApi(10);
    const controller = new AbortController();
    const outcome = await reextractAll(
      api,
      (p) => {
        if (p.done === 3) controller.abort();
      },
      controller.signal,
    );
    expect(outcome.cancelled).toBe(true);
    expect(api.extracted).toEqual(['s0', 's1', 's2', 's3'].slice(0, outcome.done));
    expect(outcome.done).toBe(3);
  });

  it('handles an empty library', async () => {
    const outcome = await reextractAll(fakeApi(0), () => {});
    expect(outcome).toMatchObject({ done: 0, total: 0, cancelled: false });
  });
});
