import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTITY_PAGE_SIZE, type QuoteView } from '../../../shared/areas/analysis';
import { ANALYSIS_VALIDATORS } from '../../../shared/areas/analysis.args';
import type { EntityId, QuoteId, SourceId } from '../../../shared/model';
import { FindingsRepo } from './findings-repo';
import { openFixture, type AnalysisFixture } from './testing';

const TEXT = 'x'.repeat(400);

/** Every item of a list, page by page, as the entity page's "show more" asks for them. */
async function pageThrough<T>(
  first: T[],
  next: (after: string) => Promise<T[]>,
  idOf: (item: T) => string,
): Promise<T[]> {
  const all = [...first];
  for (let guard = 0; guard < 1_000; guard++) {
    const page = await next(idOf(all.at(-1)!));
    if (page.length === 0) return all;
    all.push(...page);
  }
  throw new Error('paging did not end');
}

describe('entity page lists', () => {
  let f: AnalysisFixture;
  let findings: FindingsRepo;
  let person: EntityId;
  let other: EntityId;
  /** Live quotes of `person`, as [when, source id, start] for checking the order. */
  let expected: Map<QuoteId, [string, string, number]>;
  let sources: SourceId[];
  let trashed: SourceId;

  beforeEach(async () => {
    f = openFixture();
    findings = new FindingsRepo(f.db);
    person = (await f.analysis.createEntity({ kind: 'person', name: 'Greta Holm' })).id;
    other = (await f.analysis.createEntity({ kind: 'person', name: 'José Álvarez' })).id;
    expected = new Map();
    sources = [];
    const quote = (
      source: SourceId,
      start: number,
      speaker: EntityId,
      status: 'suggested' | 'rejected' = 'suggested',
    ): QuoteId =>
      findings.insertQuote({
        sourceId: source,
        start,
        end: start + 5,
        text: TEXT.slice(start, start + 5),
        speakerId: speaker,
        speakerSpan: null,
        cue: 'said',
        confidence: 0.9,
        rule: 'test',
        kind: 'direct',
        origin: 'auto',
        status,
      });
    // 40 sources: some share a date, some are undated (ordered by when they were clipped), 1 trashed.
    for (let s = 0; s < 41; s++) {
      const published = s % 10 === 9 ? null : `2024-0${1 + (s % 3)}-1${s % 4}`;
      const id = f.addSource(TEXT, { published });
      sources.push(id);
      findings.insertMention({
        entityId: person,
        sourceId: id,
        start: 0,
        end: 4,
        text: 'Holm',
        origin: 'auto',
        status: 'suggested',
      });
      const when =
        published ??
        (f.db.prepare('SELECT clipped_at FROM sources WHERE id = ?').get(id) as { clipped_at: string })
          .clipped_at;
      // 1 to 5 quotes per source, out of text order, so the order has to come from the query.
      for (let q = (s % 5) + 1; q > 0; q--) {
        expected.set(quote(id, q * 20, person), [when, id, q * 20]);
      }
      quote(id, 300, other);
    }
    trashed = sources.at(-1)!;
    for (const [id, [, source]] of expected) if (source === trashed) expected.delete(id);
    f.db.prepare('UPDATE sources SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), trashed);
    quote(sources[0]!, 200, person, 'rejected');
  });

  afterEach(() => f.close());

  it('pages through every live quote of a speaker once, oldest source first', async () => {
    const page = await f.analysis.getEntityPage(person);
    expect(page.quoteCount).toBe(expected.size);
    expect(expected.size).toBeGreaterThan(ENTITY_PAGE_SIZE);
    expect(page.quotes).toHaveLength(ENTITY_PAGE_SIZE);

    const all = await pageThrough(
      page.quotes,
      (after) => f.analysis.listEntityQuotes({ id: person, after, limit: 7 }),
      (q: QuoteView) => q.id,
    );
    expect(all.map((q) => q.id).sort()).toEqual([...expected.keys()].sort());
    expect(all.every((q) => q.speaker?.id === person && q.status !== 'rejected')).toBe(true);
    const keys = all.map((q) => expected.get(q.id)!);
    const sorted = [...keys].sort(
      (a, b) =>
        (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2],
    );
    expect(keys).toEqual(sorted);
  });

  it('skips nothing when a quote already shown is rejected before the next page', async () => {
    const first = await f.analysis.listEntityQuotes({ id: person, limit: 10 });
    await f.analysis.reviewQuote({ id: first[9]!.id, status: 'rejected' });
    const rest = await pageThrough(
      first,
      (after) => f.analysis.listEntityQuotes({ id: person, after }),
      (q: QuoteView) => q.id,
    );
    expect(new Set(rest.map((q) => q.id)).size).toBe(rest.length);
    expect(rest).toHaveLength(expected.size);
  });

  it('pages through every live source that mentions the entity once, newest first, undated last', async () => {
    const page = await f.analysis.getEntityPage(person);
    expect(page.sourceCount).toBe(sources.length - 1);
    const all = await pageThrough(
      page.sources,
      (after) => f.analysis.listEntitySources({ id: person, after, limit: 6 }),
      (row) => row.source.id,
    );
    expect(all.map((r) => r.source.id).sort()).toEqual(sources.filter((s) => s !== trashed).sort());
    const dates = all.map((r) => r.source.publishedAt);
    const dated = dates.filter((d) => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
    expect(all.every((r) => r.mentionCount === 1 && r.firstMention?.start === 0)).toBe(true);
  });

  it('says the page must be reloaded when the item it continues after is gone', async () => {
    await expect(f.analysis.listEntityQuotes({ id: person, after: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/Reload the page/),
    });
    await expect(f.analysis.listEntitySources({ id: person, after: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(f.analysis.listEntityQuotes({ id: randomUUID() as EntityId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses malformed paging input with INVALID_ARGUMENT', () => {
    const id = randomUUID();
    for (const method of ['listEntityQuotes', 'listEntitySources'] as const) {
      const validate = ANALYSIS_VALIDATORS[method];
      expect(validate([{ id, after: id, limit: 10 }])).toEqual([{ id, after: id, limit: 10 }]);
      for (const bad of [
        [],
        [{}],
        [{ id, limit: 0 }],
        [{ id, limit: 5_000 }],
        [{ id, after: 7 }],
        [{ id, page: 2 }],
      ]) {
        expect(() => validate(bad)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
      }
    }
  });
});
