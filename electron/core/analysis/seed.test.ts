import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityId } from '../../../shared/model';
import { openFixture, seedArticle, type AnalysisFixture } from './testing';

const seed = seedArticle();

describe.skipIf(seed === null)('the seed article in the library', () => {
  let f: AnalysisFixture;
  beforeEach(() => {
    f = openFixture();
  });
  afterEach(() => f.close());

  const store = () => {
    const id = f.addSource(seed!.text, { published: seed!.published, title: 'Putin ceasefire' });
    f.analysis.sourceStored(id);
    return id;
  };
  const person = async (query: string) => {
    const [first] = await f.analysis.listEntities({ kinds: ['person'], query });
    expect(first).toBeDefined();
    return first!;
  };

  it("lists Putin's quotes on his page, the ceasefire quote among them", async () => {
    const sourceId = store();
    const putin = await person('putin');
    expect(putin.name).toBe('Vladimir Putin');
    expect(putin.aliases).toContain('Putin');
    const page = await f.analysis.getEntityPage(putin.id);
    const texts = page.quotes.map((q) => q.text);
    expect(texts.some((t) => t.includes('We agree with the proposals to cease hostilities'))).toBe(true);
    expect(page.quotes.every((q) => q.speaker?.id === putin.id && q.source.id === sourceId)).toBe(true);
    // Every quote is anchored to its words in the stored text.
    for (const q of page.quotes) expect(seed!.text.slice(q.start, q.end)).toBe(q.text);
    expect(page.sources).toHaveLength(1);
    expect(page.sources[0]!.mentionCount).toBeGreaterThan(5);
    expect(page.coMentioned.map((e) => e.name)).toContain('Donald Trump');
    expect(page.events.length).toBeGreaterThan(0);
    expect(putin.quoteCount).toBe(page.quotes.length);
  });

  it('puts the events of 13 March 2025 on the timeline, with their participants and report', async () => {
    store();
    const items = await f.analysis.getTimeline({ from: '2025-03-13', to: '2025-03-13' });
    const events = items.filter((i) => i.kind === 'event');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.start <= '2025-03-13' && e.end >= '2025-03-13').toBe(true);
    const kremlin = events.find((e) => e.entities.some((p) => p.name === 'Alexander Lukashenko'));
    expect(kremlin?.precision).toBe('day');
    const page = await f.analysis.getEntityPage(kremlin!.id as EntityId);
    // The quote said at the Kremlin after the talks is about them: "Quotes about it".
    expect(page.quotes[0]?.text).toContain('We agree with the proposals');
    expect(page.quotes[0]?.event?.id).toBe(kremlin!.id);
    // Quotes are dated by the publication day, outside this range.
    expect(items.some((i) => i.kind === 'quote')).toBe(false);
    const all = await f.analysis.getTimeline();
    expect(all.some((i) => i.kind === 'quote' && i.start === seed!.published)).toBe(true);
  });

  it('re-extracting does not duplicate entities, mentions or events', async () => {
    const sourceId = store();
    const before = await f.analysis.getSourceAnalysis(sourceId);
    const count = (sql: string) => (f.db.prepare(sql).get() as { n: number }).n;
    const entities = count(`SELECT count(*) AS n FROM entities`);
    await f.analysis.reextractSource(sourceId);
    const after = await f.analysis.getSourceAnalysis(sourceId);
    expect(after.mentions.length).toBe(before.mentions.length);
    expect(after.quotes.map((q) => q.text)).toEqual(before.quotes.map((q) => q.text));
    expect(after.events.map((e) => e.id).sort()).toEqual(before.events.map((e) => e.id).sort());
    expect(count(`SELECT count(*) AS n FROM entities`)).toBe(entities);
    expect(after.extractedAt).not.toBeNull();
  });

  it('a second article resolves to the same people, transliteration variants included', async () => {
    store();
    const zelenskyy = await person('zelenskyy');
    const other = f.addSource(
      'Ukrainian President Volodymyr Zelensky met Vladimir Putin in Istanbul on Monday.\n\n' +
        '"We want peace," Zelensky told reporters.',
      { published: '2025-05-20' },
    );
    f.analysis.sourceStored(other);
    const analysis = await f.analysis.getSourceAnalysis(other);
    const names = analysis.entities.filter((e) => e.kind === 'person').map((e) => e.id);
    expect(names).toContain(zelenskyy.id);
    expect(names).toContain((await person('putin')).id);
    expect((await f.analysis.getEntityPage(zelenskyy.id)).sources).toHaveLength(2);
  });
});
