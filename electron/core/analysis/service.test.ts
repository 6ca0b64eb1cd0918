import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as extract from '../extract';
import { forgetSpeakerModel, SPEAKER_MODEL_FILE } from '../extract/speaker-model';
import { modelsFolderWithout } from '../testing/models';
import { MAX_ANALYSED_CHARS } from '../../../shared/areas/analysis';
import { analysedText } from './service';
import { openFixture, type AnalysisFixture } from './testing';

// Written for this test, not taken from the evaluation data.
const ARTICLE = `Foreign Minister José Álvarez met Chancellor Greta Holm in Madrid on Monday.

"We agreed on a common plan for the ports," Álvarez said after the talks.

"The ports matter to both our countries," said Holm, who also visited Toledo.`;

describe('AnalysisService', () => {
  let f: AnalysisFixture;
  beforeEach(() => {
    f = openFixture();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    f.close();
  });

  it('finds entities by the start of any word of a name or alias, accents and case ignored, most mentioned first', async () => {
    const id = f.addSource(ARTICLE, { published: '2025-06-04' });
    f.analysis.sourceStored(id);
    const alvarez = await f.analysis.listEntities({ query: 'ALVA' });
    expect(alvarez.map((e) => e.name)).toContain('José Álvarez');
    expect((await f.analysis.listEntities({ query: 'jos alv' }))[0]?.name).toBe('José Álvarez');
    expect(await f.analysis.listEntities({ query: 'lvarez' })).toEqual([]);
    expect((await f.analysis.listEntities({ query: 'chancellor', kinds: ['person'] }))[0]?.name).toBe(
      'Greta Holm',
    );
    expect(await f.analysis.listEntities({ query: 'holm', kinds: ['place'] })).toEqual([]);
    const ranked = await f.analysis.listEntities({ kinds: ['person'] });
    const counts = ranked.map((e) => e.mentionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await f.analysis.listEntities({ query: '"*(' })).toEqual([]);
  });

  it('createEntity returns the existing entity of the same kind and name', async () => {
    const a = await f.analysis.createEntity({ kind: 'topic', name: 'Ceasefire' });
    const b = await f.analysis.createEntity({ kind: 'topic', name: 'ceasefire' });
    const c = await f.analysis.createEntity({ kind: 'event', name: 'Ceasefire' });
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect((await f.analysis.listEntities({ query: 'cease', kinds: ['topic'] })).map((e) => e.id)).toEqual([
      a.id,
    ]);
  });

  it('renaming keeps the old name as an alias, and the typeahead finds both', async () => {
    const e = await f.analysis.createEntity({ kind: 'person', name: 'Greta Holm' });
    const renamed = await f.analysis.renameEntity({ id: e.id, name: 'Greta Holm-Berg' });
    expect(renamed.name).toBe('Greta Holm-Berg');
    expect(renamed.aliases).toEqual(['Greta Holm']);
    expect((await f.analysis.listEntities({ query: 'berg' }))[0]?.id).toBe(e.id);
  });

  it('lists quotes by speaker, source and words', async () => {
    const id = f.addSource(ARTICLE, { published: '2025-06-04' });
    f.analysis.sourceStored(id);
    const [holm] = await f.analysis.listEntities({ query: 'holm', kinds: ['person'] });
    const byHolm = await f.analysis.listQuotes({ speakerId: holm!.id });
    expect(byHolm.map((q) => q.text)).toEqual(['The ports matter to both our countries,']);
    expect((await f.analysis.listQuotes({ query: 'common pla' })).map((q) => q.speaker?.name)).toEqual([
      'José Álvarez',
    ]);
    expect(await f.analysis.listQuotes({ query: 'bananas' })).toEqual([]);
    expect(await f.analysis.listQuotes({ query: 'NEAR( "' })).toEqual([]);
    await f.analysis.reviewQuote({ id: byHolm[0]!.id, status: 'rejected' });
    expect(await f.analysis.listQuotes({ sourceId: id })).toHaveLength(1);
    expect(await f.analysis.listQuotes({ sourceId: id, includeRejected: true })).toHaveLength(2);
  });

  it('stores people named in a script without capitals, finds them by name and gives them their quotes', async () => {
    // Written for this test. Before, these names were not found: their quotes had no speaker to link to.
    const text =
      'Leaders meet in Seoul\n\nPrime Minister 岸田文雄 met President 윤석열 in Seoul on Friday, officials said. ' +
      'Crown Prince محمد بن سلمان joined them later.\n\n' +
      '“We will rebuild trust in the region,” said 岸田文雄 during a visit to the memorial.\n\n' +
      '“This is a new chapter,” 윤석열 told reporters at the presidential office.';
    const id = f.addSource(text, { published: '2025-04-08' });
    f.analysis.sourceStored(id);
    const people = (await f.analysis.listEntities({ kinds: ['person'] })).map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['岸田文雄', '윤석열', 'محمد بن سلمان']));
    const [kishida] = await f.analysis.listEntities({ query: '岸田', kinds: ['person'] });
    expect(kishida?.name).toBe('岸田文雄');
    const quotes = await f.analysis.listQuotes({ sourceId: id });
    expect(quotes.map((q) => `${q.text} => ${q.speaker?.name ?? 'nobody'}`).sort()).toEqual([
      'This is a new chapter, => 윤석열',
      'We will rebuild trust in the region, => 岸田文雄',
    ]);
  });

  it('leaves earlier findings whole and the source stored when the extractor throws', async () => {
    const id = f.addSource(ARTICLE, { published: '2025-06-04' });
    f.analysis.sourceStored(id);
    const before = await f.analysis.getSourceAnalysis(id);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(extract, 'extractArticle').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => f.analysis.sourceStored(id)).not.toThrow();
    expect(log).toHaveBeenCalled();
    await expect(f.analysis.reextractSource(id)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await f.analysis.getSourceAnalysis(id)).toEqual(before);
  });

  it('confirms several quotes in one step, puts each back on undo, and changes none when one is gone', async () => {
    const id = f.addSource(ARTICLE, { published: '2025-06-04' });
    await f.analysis.reextractSource(id);
    const quotes = (await f.analysis.getSourceAnalysis(id)).quotes;
    expect(quotes.length).toBe(2);
    expect(quotes[0]?.evidence.length).toBeGreaterThan(0);
    await f.analysis.reviewQuote({ id: quotes[1]!.id, status: 'rejected' });
    const confirmed = await f.analysis.reviewQuotes({
      reviews: quotes.map((q) => ({ id: q.id, status: 'confirmed' })),
    });
    expect(confirmed.map((q) => q.status)).toEqual(['confirmed', 'confirmed']);
    const restored = await f.analysis.reviewQuotes({
      reviews: [
        { id: quotes[0]!.id, status: 'suggested' },
        { id: quotes[1]!.id, status: 'rejected' },
      ],
    });
    expect(restored.map((q) => q.status)).toEqual(['suggested', 'rejected']);
    await expect(
      f.analysis.reviewQuotes({
        reviews: [
          { id: quotes[0]!.id, status: 'confirmed' },
          { id: 'gone' as never, status: 'confirmed' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await f.analysis.getSourceAnalysis(id)).quotes.map((q) => q.status)).toEqual([
      'suggested',
      'rejected',
    ]);
  });

  it('stops re-extraction with the missing model file named, keeping what was found before', async () => {
    const id = f.addSource(ARTICLE, { published: '2025-06-04' });
    await f.analysis.reextractSource(id);
    const before = await f.analysis.getSourceAnalysis(id);
    expect(before.quotes.length).toBeGreaterThan(0);
    const folder = modelsFolderWithout(SPEAKER_MODEL_FILE);
    forgetSpeakerModel();
    try {
      await expect(f.analysis.reextractSource(id)).rejects.toMatchObject({
        code: 'INTERNAL',
        message: expect.stringMatching(/speakers\.bin is missing.*What was found before is unchanged/s),
      });
      expect(await f.analysis.getSourceAnalysis(id)).toEqual(before);
    } finally {
      folder.restore();
      forgetSpeakerModel();
    }
  });

  it('gives an ambiguous one-word name to neither known person, and never merges different first names', async () => {
    const donald = 'President Donald Trump spoke in Ohio on Monday. "Jobs are coming back," Trump said.';
    const melania =
      'First lady Melania Trump visited a school in Ohio on Tuesday. "Children come first," Trump said.';
    for (const text of [donald, donald, melania]) f.analysis.sourceStored(f.addSource(text));
    const people = await f.analysis.listEntities({ kinds: ['person'], query: 'trump' });
    expect(people.map((p) => p.name).sort()).toEqual(['Donald Trump', 'Melania Trump']);
    // Two known people share the surname: a bare "Trump" is evidence for neither (issue 14).
    const bare = f.addSource('"We will win," Trump said on Friday in Ohio.');
    f.analysis.sourceStored(bare);
    const { quotes } = await f.analysis.getSourceAnalysis(bare);
    expect(quotes[0]?.speaker?.name).toBe('Trump');
    const titled = f.addSource('"We will win," President Trump said on Friday in Ohio.');
    f.analysis.sourceStored(titled);
    expect((await f.analysis.getSourceAnalysis(titled)).quotes[0]?.speaker?.name).toBe('Donald Trump');
  });

  it('gives NOT_FOUND for unknown ids', async () => {
    await expect(f.analysis.getSourceAnalysis('nope' as never)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(f.analysis.getEntityPage('nope' as never)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(f.analysis.reviewQuote({ id: 'nope' as never, status: 'confirmed' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('reads only the start of a very long source, cut where it would cut the whole text', async () => {
    f.close();
    f = openFixture({ isolateExtractionAboveChars: Infinity });
    const paragraph = 'The council met again on Monday and talked about the harbour budget.\n\n';
    const tail = '“Past the cap,” said Ana Ruiz.';
    // A paragraph break exactly at the cap (the last place analysedText cuts), after ASCII text; and
    // after emoji, which are one character to SQLite and two UTF-16 units to JavaScript.
    const filled = (head: string): string => {
      let text = head;
      while (text.length + paragraph.length <= MAX_ANALYSED_CHARS) text += paragraph;
      text += 'x'.repeat(MAX_ANALYSED_CHARS - text.length);
      return `${text}\n\n${paragraph.repeat(100)}${tail}`;
    };
    const texts = [filled(''), filled(`${'😀 '.repeat(3000)}\n\n`)];
    expect(texts.map((t) => t.indexOf('\n\n', MAX_ANALYSED_CHARS - 1))).toEqual([
      MAX_ANALYSED_CHARS,
      MAX_ANALYSED_CHARS,
    ]);
    const empty = extract.extractArticle('', { published: null });
    const read: string[] = [];
    vi.spyOn(extract, 'extractArticle').mockImplementation((t) => {
      read.push(t);
      return empty;
    });
    for (const text of texts) {
      const id = f.addSource(text);
      f.analysis.sourceStored(id);
      expect((await f.analysis.getSourceAnalysis(id)).extractedAt).not.toBeNull();
    }
    expect(read).toEqual(texts.map(analysedText));
    expect(read.map((t) => t.length)).toEqual([MAX_ANALYSED_CHARS, MAX_ANALYSED_CHARS]);
  });

  it('a source with no text or no date is analysed without error', async () => {
    const empty = f.addSource('', { published: null });
    f.analysis.sourceStored(empty);
    const analysis = await f.analysis.getSourceAnalysis(empty);
    expect(analysis.quotes).toEqual([]);
    expect(analysis.extractedAt).not.toBeNull();
  });
});
