import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceId } from '../../../shared/model';
import { openFixture, type AnalysisFixture } from './testing';

// Articles written for this test (not from the evaluation data).
const BUDGET = `Finance Minister Anna Berg said on Tuesday that taxes would fall.

"We will cut the tax on bread," Berg said at a press conference in Oslo.

Opposition leader Karl Lund disagreed. "This plan is a fantasy," Lund told reporters.

"The budget must balance," said Lund, a former banker.`;
const TRADE = `Trade expert Per Olsen said on Wednesday the plan was weak.

"It will not work," Olsen said in Bergen.`;

describe('user decisions survive re-extraction', () => {
  let f: AnalysisFixture;
  let budget: SourceId;
  let trade: SourceId;
  beforeEach(() => {
    f = openFixture();
    budget = f.addSource(BUDGET, { published: '2025-04-10' });
    trade = f.addSource(TRADE, { published: '2025-04-11' });
    f.analysis.sourceStored(budget);
    f.analysis.sourceStored(trade);
  });
  afterEach(() => f.close());

  const find = async (query: string) => {
    const [row] = await f.analysis.listEntities({ kinds: ['person'], query });
    return row!;
  };
  const quoteOf = async (source: SourceId, words: string) => {
    const { quotes } = await f.analysis.getSourceAnalysis(source);
    const quote = quotes.find((q) => q.text.includes(words));
    expect(quote, words).toBeDefined();
    return quote!;
  };
  const live = (sql: string, ...params: unknown[]) => (f.db.prepare(sql).get(...params) as { n: number }).n;

  it('keeps a rejected quote, a reassigned speaker, a merge, a rename, a rejected mention and hand-made rows', async () => {
    const berg = await find('berg');
    const lund = await find('lund');
    const olsen = await find('olsen');

    await f.analysis.reviewQuote({ id: (await quoteOf(budget, 'fantasy')).id, status: 'rejected' });
    const reassigned = await f.analysis.reviewQuote({
      id: (await quoteOf(budget, 'budget must')).id,
      speakerId: berg.id,
    });
    expect(reassigned.speaker?.id).toBe(berg.id);
    expect(reassigned.status).toBe('confirmed');
    await f.analysis.mergeEntities({ into: lund.id, from: [olsen.id] });
    await f.analysis.renameEntity({ id: berg.id, name: 'Anna K. Berg' });
    const oslo = (await f.analysis.getSourceAnalysis(budget)).mentions.find((m) => m.text === 'Oslo')!;
    await f.analysis.reviewMention({ id: oslo.id, status: 'rejected' });
    const start = BUDGET.indexOf('taxes would fall');
    const handQuote = await f.analysis.addQuote({
      sourceId: budget,
      start,
      end: start + 16,
      speakerId: berg.id,
    });
    const handMention = await f.analysis.addMention({
      sourceId: budget,
      start: BUDGET.indexOf('press conference'),
      end: BUDGET.indexOf('press conference') + 16,
      newEntity: { kind: 'topic', name: 'Press conferences' },
    });

    await f.analysis.reextractSource(budget);
    await f.analysis.reextractSource(trade);

    expect((await quoteOf(budget, 'fantasy')).status).toBe('rejected');
    const again = await quoteOf(budget, 'budget must');
    expect(again.speaker).toEqual({ id: berg.id, name: 'Anna K. Berg' });
    expect(again.status).toBe('confirmed');
    // The merge holds: Olsen's quote and mentions land on Lund, and no new "Per Olsen" appears.
    expect((await quoteOf(trade, 'will not work')).speaker?.id).toBe(lund.id);
    expect(
      live(
        `SELECT count(*) AS n FROM entities WHERE kind = 'person' AND merged_into IS NULL AND name LIKE '%Olsen%'`,
      ),
    ).toBe(0);
    expect((await f.analysis.getEntityPage(olsen.id)).entity.id).toBe(lund.id);
    // The rename holds, and the extractor's name stays an alias.
    const renamed = await f.analysis.getEntityPage(berg.id);
    expect(renamed.entity.name).toBe('Anna K. Berg');
    expect(renamed.entity.aliases).toContain('Anna Berg');
    expect((await quoteOf(budget, 'cut the tax')).speaker?.name).toBe('Anna K. Berg');
    const mentions = (await f.analysis.getSourceAnalysis(budget)).mentions;
    expect(mentions.find((m) => m.text === 'Oslo')?.status).toBe('rejected');
    // Hand-made rows are never deleted by re-extraction.
    const quotes = (await f.analysis.getSourceAnalysis(budget)).quotes;
    expect(quotes.find((q) => q.id === handQuote.id)?.origin).toBe('user');
    expect(mentions.find((m) => m.id === handMention.id)?.entityName).toBe('Press conferences');
    // Counts follow the decisions: the rejected quote no longer counts for Lund.
    const lundNow = (await f.analysis.listEntities({ query: 'lund' }))[0]!;
    expect(lundNow.quoteCount).toBe(1); // "This plan" rejected, "budget" moved to Berg: only Olsen's merged in
  });

  it('a split sends the split-off name, its mentions and its quotes to the new entity, also after re-extraction', async () => {
    const lund = await find('lund');
    const olsen = await find('olsen');
    await f.analysis.mergeEntities({ into: lund.id, from: [olsen.id] });
    const split = await f.analysis.splitEntity({
      id: lund.id,
      aliases: ['Per Olsen', 'Olsen'],
      name: 'Per Olsen',
    });
    expect(split.id).not.toBe(lund.id);
    expect((await quoteOf(trade, 'will not work')).speaker?.id).toBe(split.id);
    await f.analysis.reextractSource(trade);
    expect((await quoteOf(trade, 'will not work')).speaker?.id).toBe(split.id);
    const page = await f.analysis.getEntityPage(lund.id);
    expect(page.entity.aliases).not.toContain('Olsen');
    expect(page.quotes.every((q) => q.source.id === budget)).toBe(true);
  });

  it('refuses a span outside the text and keeps what was stored', async () => {
    const before = (await f.analysis.getSourceAnalysis(budget)).quotes.length;
    await expect(
      f.analysis.addQuote({ sourceId: budget, start: BUDGET.length - 2, end: BUDGET.length + 5 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(f.analysis.addQuote({ sourceId: budget, start: 64, end: 66 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect((await f.analysis.getSourceAnalysis(budget)).quotes).toHaveLength(before);
  });

  it('merging entities of different kinds is refused without changes', async () => {
    const lund = await find('lund');
    const [oslo] = await f.analysis.listEntities({ kinds: ['place'], query: 'oslo' });
    await expect(f.analysis.mergeEntities({ into: lund.id, from: [oslo!.id] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect((await f.analysis.listEntities({ kinds: ['place'], query: 'oslo' }))[0]?.id).toBe(oslo!.id);
  });
});
