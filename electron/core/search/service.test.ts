import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResults } from '../../../shared/areas/search';
import { SEARCH_VALIDATORS } from '../../../shared/areas/search.args';
import { ApiError } from '../../../shared/errors';
import { Notebook } from '../notebook';
import { makeTempDir } from '../testing/temp-dir';
import { SearchSeeder } from './testing';

const SEED_TEXT =
  'Vladimir Putin said on Thursday: We agree with the proposals to cease hostilities. ' +
  'But the ceasefire should lead to lasting peace, he told reporters in Moscow.';
const OTHER_TEXT = 'Donald Trump said the talks in Jeddah went well. The ceasefire plan has support in Kyiv.';

let temp: ReturnType<typeof makeTempDir>;
let notebook: Notebook;
let db: Database.Database;
let ids: Record<string, string>;

function note(title: string, text: string): Promise<{ id: string }> {
  const content = JSON.stringify({
    root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
  });
  return notebook.createNote({ title, content });
}

beforeEach(async () => {
  temp = makeTempDir();
  notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
  // The notebook's own connection: search reads what was written through it.
  db = (notebook as unknown as { db: Database.Database }).db;
  const seed = new SearchSeeder(db);
  const putin = seed.entity('person', 'Vladimir Putin', ['Putin', 'President Putin']);
  const trump = seed.entity('person', 'Donald Trump', ['Trump']);
  seed.entity('event', 'Ceasefire proposal', [], '2025-03-13');
  const kremlin = seed.source({
    title: 'Putin answers the ceasefire proposal',
    plainText: SEED_TEXT,
    siteName: 'Reuters',
    url: 'https://www.reuters.com/world/putin',
    publishedAt: '2025-03-13',
  });
  const white = seed.source({
    title: 'Trump on the Jeddah talks',
    plainText: OTHER_TEXT,
    siteName: 'BBC News',
    url: 'https://www.bbc.co.uk/news/1',
    publishedAt: '2025-03-11',
  });
  seed.source({ title: 'Deleted ceasefire story', plainText: 'ceasefire', deleted: true });
  const quote = seed.quote(kremlin, SEED_TEXT, 'We agree with the proposals to cease hostilities', putin);
  seed.quote(white, OTHER_TEXT, 'the talks in Jeddah went well', trump);
  seed.quote(kremlin, SEED_TEXT, 'lasting peace', putin, 'rejected');
  const mine = await note('My ceasefire notes', 'Putin agreed in principle; Trump wants more.');
  seed.link(mine.id, { quote });
  await note('Groceries', 'milk and bread');
  ids = { putin, trump, kremlin, white, quote, mine: mine.id };
});

afterEach(async () => {
  await notebook.close();
  temp.remove();
});

const search = (query: string, limit?: number): Promise<SearchResults> =>
  notebook.search(limit === undefined ? { query } : { query, limit });
const kinds = (hits: SearchHit[]): string[] => hits.map((h) => `${h.type}:${h.title}`);

describe('SearchService', () => {
  it('finds sources, notes, quotes and entities in one ranked list', async () => {
    const { hits, warnings } = await search('ceasefire');
    expect(warnings).toEqual([]);
    expect(new Set(hits.map((h) => h.type))).toEqual(new Set(['source', 'note', 'entity']));
    expect(kinds(hits)).not.toContain('source:Deleted ceasefire story');
    // The entity named by the query comes first; a title hit beats a body-only hit.
    expect(hits[0]!.type).toBe('entity');
    const sources = hits.filter((h) => h.type === 'source').map((h) => h.id);
    expect(sources).toEqual([ids.kremlin, ids.white]);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it('returns snippets as text with highlight offsets into it, and the match offset in the source', async () => {
    const { hits } = await search('lasting peace');
    const source = hits.find((h) => h.id === ids.kremlin)!;
    const marked = source.snippet.highlights.map(([s, e]) => source.snippet.text.slice(s, e));
    expect(marked).toEqual(['lasting', 'peace']);
    expect(SEED_TEXT.slice(source.match!.start, source.match!.end)).toBe('lasting');
    expect(source.snippet.text).not.toMatch(/<|>/);
  });

  it('filters quotes by speaker name or alias prefix, and notes that cite them', async () => {
    const { hits } = await search('speaker:putin cease');
    expect(hits.filter((h) => h.type === 'quote').map((h) => h.id)).toEqual([ids.quote]);
    expect(hits[0]!.type).toBe('quote'); // asked for what someone said: their quotes first
    const quote = hits.find((h) => h.type === 'quote')!;
    expect(quote.speaker).toEqual({ id: ids.putin, name: 'Vladimir Putin' });
    expect(quote.sourceId).toBe(ids.kremlin);
    expect(SEED_TEXT.slice(quote.match!.start, quote.match!.end)).toBe(
      'We agree with the proposals to cease hostilities',
    );
    // The note cites Putin's quote and its title has a word starting with "cease".
    expect(hits.some((h) => h.id === ids.mine)).toBe(true);
    expect(hits.some((h) => h.id === ids.white)).toBe(false); // no quote by Putin in it
    const viaNote = await search('speaker:putin principle');
    expect(viaNote.hits.map((h) => h.id)).toEqual([ids.mine]);
    const onlyQuotes = await search('speaker:"vladimir putin"');
    expect(onlyQuotes.hits.map((h) => h.id)).toEqual([ids.quote]); // the rejected one is left out
    const nobody = await search('speaker:zelensky peace');
    expect(nobody.hits).toEqual([]);
    expect(nobody.warnings[0]).toMatch(/Nobody named "zelensky"/);
  });

  it('applies type, date and site filters', async () => {
    expect(kinds((await search('type:quote talks')).hits)).toEqual(['quote:Donald Trump']);
    expect((await search('type:person putin')).hits.map((h) => h.id)).toEqual([ids.putin]);
    const from = await search('from:2025-03-12 ceasefire type:source');
    expect(from.hits.map((h) => h.id)).toEqual([ids.kremlin]);
    const to = await search('to:2025-03-12 ceasefire type:source');
    expect(to.hits.map((h) => h.id)).toEqual([ids.white]);
    const site = await search('site:bbc ceasefire');
    expect(site.hits.map((h) => h.id)).toEqual([ids.white]);
    const events = await search('from:2025-03 to:2025-03 ceasefire type:event');
    expect(kinds(events.hits)).toEqual(['entity:Ceasefire proposal']);
    expect((await search('in:title jeddah')).hits.map((h) => h.id)).toEqual([ids.white]);
  });

  it('combines phrases, the word being typed and filters', async () => {
    const phrase = await search('from:2025-03-12 "lasting peace" type:source');
    expect(phrase.hits.map((h) => h.id)).toEqual([ids.kremlin]);
    expect((await search('to:2025-03-12 "lasting peace"')).hits).toEqual([]);
    const typed = await search('site:reuters "cease hostilities" propos');
    expect(typed.hits.map((h) => h.id).sort()).toEqual([ids.quote, ids.kremlin].sort());
    const quoted = typed.hits.find((h) => h.type === 'quote')!;
    expect(quoted.snippet.highlights.map(([a, b]) => quoted.snippet.text.slice(a, b))).toEqual([
      'proposals',
      'cease hostilities',
    ]);
    // A speaker alone lists what they said; nothing from a trashed source or a rejected quote.
    expect((await search('speaker:trump')).hits.map((h) => h.id)).toHaveLength(1);
  });

  it('matches the word being typed as a prefix, and entities by alias', async () => {
    expect((await search('Jedd')).hits.map((h) => h.id)).toContain(ids.white);
    expect((await search('Jedd ')).hits).toEqual([]);
    const people = await search('presid');
    expect(people.hits.map((h) => h.id)).toEqual([ids.putin]);
    expect(people.hits[0]!.snippet.text).toMatch(/President Putin/);
  });

  it('answers malformed queries with results or nothing, never an error', async () => {
    for (const query of [
      '"unbalanced cease',
      'NEAR(putin',
      'putin AND OR NOT',
      '*',
      '^',
      'title:(',
      '🎉',
      '\uD800x',
    ]) {
      const result = await search(query);
      expect(Array.isArray(result.hits)).toBe(true);
    }
    expect((await search('"we agree with')).hits.map((h) => h.type)).toContain('quote');
    expect((await search('putin*')).hits.length).toBeGreaterThan(0);
    expect((await search('(putin) ^trump*:')).hits.map((h) => h.id)).toEqual([ids.mine]);
  });

  it('finds a record whose only match for the word being typed is a rare completion', async () => {
    // Ten words starting "stra" that many sources hold, and one source with a rarer one: the typed
    // prefix must still find it (an expansion to the most frequent words alone would lose it).
    const seed = new SearchSeeder(db);
    const common = [
      'strain',
      'strait',
      'strand',
      'strange',
      'strap',
      'strata',
      'straw',
      'stray',
      'strafe',
      'strass',
    ];
    for (let i = 0; i < 3; i++) seed.source({ title: `Common ${i}`, plainText: common.join(' ') });
    const rare = seed.source({ title: 'The rare one', plainText: 'A stratagem nobody else used.' });
    expect((await search('stra', 50)).hits.map((h) => h.id)).toContain(rare);
    expect((await search('straw')).hits.map((h) => h.id)).not.toContain(rare);
  });

  it('finds the word being typed in a quote or a note when no source holds it', async () => {
    const seed = new SearchSeeder(db);
    // A quote whose span cuts a word of its source: "xylophonist" is only in the quote's index.
    const text = 'The bandleader, a noted axylophonist, said nothing.';
    const source = seed.source({ title: 'Concert', plainText: text });
    const quote = seed.quote(source, text, 'xylophonist, said nothing', ids.trump!);
    expect((await search('xyloph')).hits.map((h) => h.id)).toEqual([quote]);
    const mine = await note('Rehearsal', 'bring the glockenspiel');
    expect((await search('glocken')).hits.map((h) => h.id)).toEqual([mine.id]);
    expect((await search('speaker:trump xyloph')).hits.map((h) => h.id)).toEqual([quote]);
  });

  it('pages without repeating hits', async () => {
    const all = (await search('ceasefire', 50)).hits.map((h) => h.id);
    const first = await notebook.search({ query: 'ceasefire', limit: 2 });
    const second = await notebook.search({ query: 'ceasefire', limit: 2, offset: 2 });
    expect(first.hasMore).toBe(true);
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(all.slice(0, 4));
  });

  it('lists everything filters alone match, newest first (issue 20: they found nothing)', async () => {
    // Quotes of both sources, newest source first, the rejected one left out.
    expect(kinds((await search('type:quote')).hits)).toEqual(['quote:Vladimir Putin', 'quote:Donald Trump']);
    expect(kinds((await search('type:quote from:2025-03-12')).hits)).toEqual(['quote:Vladimir Putin']);
    expect(kinds((await search('type:quote from:2025-03-11 to:2025-03-11')).hits)).toEqual([
      'quote:Donald Trump',
    ]);
    // A site: its sources and their quotes; never the trashed source, never notes (they have no site).
    const bbc = (await search('site:bbc.co.uk')).hits;
    expect(kinds(bbc)).toEqual(['source:Trump on the Jeddah talks', 'quote:Donald Trump']);
    expect(bbc[0]!.score).toBeGreaterThan(bbc[1]!.score);
    // Dates alone: sources, quotes and events within them, newest first.
    expect(kinds((await search('from:2025-03-12 to:2025-03-31')).hits)).toEqual([
      'source:Putin answers the ceasefire proposal',
      'quote:Vladimir Putin',
      'entity:Ceasefire proposal',
    ]);
    const notes = (await search('type:note')).hits;
    expect(notes.map((h) => h.title).sort()).toEqual(['Groceries', 'My ceasefire notes']);
    expect(kinds((await search('type:person')).hits)).toEqual([
      'entity:Donald Trump',
      'entity:Vladimir Putin',
    ]);
    // Pages follow one another without repeats.
    const first = await notebook.search({ query: 'type:quote', limit: 1 });
    const second = await notebook.search({ query: 'type:quote', limit: 1, offset: 1 });
    expect(first.hasMore).toBe(true);
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(
      (await search('type:quote')).hits.map((h) => h.id),
    );
    expect(second.hasMore).toBe(false);
  });

  it('refuses malformed arguments', () => {
    expect(() => SEARCH_VALIDATORS.search([{ query: 1 }])).toThrow(ApiError);
    expect(() => SEARCH_VALIDATORS.search([{ query: 'x', limit: 0 }])).toThrow(/limit/);
    expect(() => SEARCH_VALIDATORS.search([{ query: 'x', extra: true }])).toThrow(/unknown field/);
    expect(() => SEARCH_VALIDATORS.search([{ query: 'x', offset: 990, limit: 20 }])).toThrow(/offset/);
    expect(SEARCH_VALIDATORS.search([{ query: 'x' }])).toEqual([{ query: 'x' }]);
  });
});
