/**
 * The fast plans of SearchRepo (filters as sets or as index probes, quotes found through their
 * sources, the word being typed expanded from the vocabulary) against the plain statement they
 * replace: bm25 over every match, filters read from the rows. On a library small enough to fit in
 * the rank window the two must agree exactly, for every plan.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../db/migrate';
import { openDatabase } from '../db/open';
import { makeTempDir } from '../testing/temp-dir';
import { ftsMatchExpression, parseQuery, rankExpression } from './parse-query';
import { ListingRepo } from './listing-repo';
import { LookupRepo } from './lookup-repo';
import { SearchRepo, type SetLimits, type SqlFilters } from './search-repo';
import { SearchSeeder } from './testing';

const WORDS = ['ceasefire', 'talks', 'kremlin', 'envoy', 'border', 'grain', 'sanctions', 'summit', 'cease'];
const SITES = ['BBC News', 'Reuters', 'The New York Times'];
const PEOPLE = ['Vladimir Putin', 'Donald Trump', 'Olena Zelenska'];

/** A small deterministic PRNG, so every run builds the same library. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

let temp: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let people: string[];

function seedLibrary(target: Database.Database): void {
  const rand = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const seed = new SearchSeeder(target);
  people = PEOPLE.map((name) => seed.entity('person', name, [name.split(' ')[1]!]));
  for (let i = 0; i < 60; i++) {
    // Sentences of varied length and word counts, so bm25 values rarely tie.
    const sentences = Array.from({ length: 2 + (i % 4) }, (_, k) => {
      const words = Array.from({ length: 4 + ((i + k) % 5) }, () => pick(WORDS));
      return `${words.join(' ')} number${i}x${k}.`;
    });
    const text = sentences.join(' ');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const id = seed.source({
      title: `${pick(WORDS)} report ${i}`,
      plainText: text,
      siteName: pick(SITES),
      url: `https://example${i % 3}.org/${i}`,
      publishedAt: `2025-${month}-${String(1 + (i % 27)).padStart(2, '0')}`,
      deleted: i % 13 === 5,
    });
    seed.quote(id, text, sentences[0]!, pick(people), i % 7 === 3 ? 'rejected' : 'suggested');
    if (sentences[1] !== undefined) seed.quote(id, text, sentences[1], i % 5 === 0 ? null : pick(people));
  }
  for (let i = 0; i < 12; i++) {
    const now = `2025-0${1 + (i % 9)}-10T10:00:00.000Z`;
    target
      .prepare(
        `INSERT INTO notes (id, title, plain_text, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `n${i}`,
        `Note ${pick(WORDS)}`,
        `${pick(WORDS)} ${pick(WORDS)} and ${pick(WORDS)}`,
        now,
        now,
        i === 4 ? now : null,
      );
  }
}

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'plans.sqlite'));
  seedLibrary(db);
});

afterEach(() => {
  if (db.open) db.close();
  temp.remove();
});

const NONE: SqlFilters = { from: null, to: null, site: null, speakers: null };
/**
 * Every plan: the speaker filter as sets (of source row numbers, then of source ids) and as checks
 * per match.
 */
const PLANS: SetLimits[] = [
  { speakerQuotes: 1_000_000, sourceIds: 1_000_000, sourceSeqs: 1_000_000 },
  { speakerQuotes: 1_000_000, sourceIds: 1_000_000, sourceSeqs: 0 },
  { speakerQuotes: 0, sourceIds: 0, sourceSeqs: 0 },
];

/** The plain statements: every match ranked, filters on the rows. */
function reference(match: string, quoteMatch: string, filters: SqlFilters) {
  const params = {
    match,
    quoteMatch,
    from: filters.from ?? '0000',
    to: filters.to ?? '9999',
    site: `%${filters.site ?? ''}%`,
    speakers: JSON.stringify(filters.speakers?.ids ?? []),
    anySpeaker: filters.speakers === null ? 1 : 0,
  };
  const day = 'substr(coalesce(s.published_at, s.clipped_at), 1, 10)';
  const sourceFilter = `s.deleted_at IS NULL AND ${day} BETWEEN @from AND @to
    AND (lower(coalesce(s.site_name, '')) LIKE @site OR lower(coalesce(s.url, '')) LIKE @site)`;
  const sources = db
    .prepare(
      `SELECT s.id, bm25(sources_fts, 10.0, 3.0, 1.0) AS bm25 FROM sources_fts JOIN sources s ON s.seq = sources_fts.rowid
       WHERE sources_fts MATCH @match AND ${sourceFilter}
         AND (@anySpeaker OR EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = s.id AND q.status <> 'rejected'
           AND q.speaker_entity_id IN (SELECT value FROM json_each(@speakers))))
       ORDER BY bm25`,
    )
    .all(params) as { id: string; bm25: number }[];
  const quotes = db
    .prepare(
      `SELECT q.id, bm25(quotes_fts, 1.0, 0.2) AS bm25 FROM quotes_fts JOIN quotes q ON q.seq = quotes_fts.rowid
         JOIN sources s ON s.id = q.source_id
       WHERE quotes_fts MATCH @quoteMatch AND q.status <> 'rejected' AND ${sourceFilter}
         AND (@anySpeaker OR q.speaker_entity_id IN (SELECT value FROM json_each(@speakers)))
       ORDER BY bm25`,
    )
    .all(params) as { id: string; bm25: number }[];
  return { sources, quotes };
}

describe('SearchRepo plans', () => {
  const queries = ['ceasefire', 'kremlin envoy', '"grain sanctions"', 'summit talks', 'cea', 'number1'];
  const filterSets: [string, SqlFilters][] = [
    ['no filter', NONE],
    ['narrow dates', { ...NONE, from: '2025-03-01', to: '2025-04-30' }],
    ['from only', { ...NONE, from: '2025-06-01' }],
    ['site', { ...NONE, site: 'reuters' }],
    ['site by url', { ...NONE, site: 'example1' }],
    ['site and dates', { ...NONE, site: 'bbc', to: '2025-08-31' }],
  ];

  for (const [label, filters] of filterSets) {
    it(`ranks sources and quotes as bm25 over every match (${label})`, () => {
      let found = 0;
      for (const limits of PLANS) {
        const repo = new SearchRepo(db, 10_000, limits);
        const lookup = new LookupRepo(db);
        for (const text of queries) {
          const { query } = parseQuery(text);
          const completions = (term: { tokens: string[] }) => lookup.completions(term.tokens[0]!);
          const match = ftsMatchExpression(query.terms, undefined, completions)!;
          // Quotes let FTS5 expand the word being typed (see SearchService.candidates).
          const quoteMatch = ftsMatchExpression(query.terms, ['text'])!;
          const expected = reference(match, quoteMatch, filters);
          const sources = repo.sources(match, filters, 100);
          const quotes = repo.quotes(quoteMatch, filters, 100, match);
          expect(sources.map((r) => r.id).sort(), `${text} sources`).toEqual(
            expected.sources.map((r) => r.id).sort(),
          );
          expect(sources.map((r) => r.bm25)).toEqual(expected.sources.map((r) => r.bm25));
          expect(quotes.map((r) => r.id).sort(), `${text} quotes`).toEqual(
            expected.quotes.map((r) => r.id).sort(),
          );
          expect(quotes.map((r) => r.bm25)).toEqual(expected.quotes.map((r) => r.bm25));
          found += Math.min(1, sources.length) + Math.min(1, quotes.length);
        }
      }
      // Most queries find something under every filter: the comparison is not of empty lists.
      expect(found).toBeGreaterThan(queries.length);
    });
  }

  it('ranks phrase matches by the phrase’s longest word, keeping exactly the phrase’s matches', () => {
    const repo = new SearchRepo(db, 10_000);
    for (const text of ['"grain sanctions"', 'talks "kremlin envoy"', '"cease talks" summit']) {
      const { terms } = parseQuery(text).query;
      const match = ftsMatchExpression(terms)!;
      const rank = rankExpression(terms)!;
      const rows = repo.sources(match, NONE, 100, rank);
      const phraseIds = reference(match, ftsMatchExpression(terms, ['text'])!, NONE).sources.map((r) => r.id);
      expect(rows.map((r) => r.id).sort()).toEqual([...phraseIds].sort());
      // bm25 of the longest words, over the same records (rank and phrase both match each of them).
      const byWord = db
        .prepare(
          `SELECT s.id, bm25(sources_fts, 10.0, 3.0, 1.0) AS bm25 FROM sources_fts JOIN sources s ON s.seq = sources_fts.rowid
           WHERE sources_fts MATCH ? AND s.deleted_at IS NULL ORDER BY bm25`,
        )
        .all(rank) as { id: string; bm25: number }[];
      const kept = byWord.filter((r) => phraseIds.includes(r.id));
      expect(rows.map((r) => r.bm25)).toEqual(kept.map((r) => r.bm25));
      expect(rows.length).toBeGreaterThan(0);
    }
    expect(rankExpression(parseQuery('plain words').query.terms)).toBeNull();
  });

  it('filters by speaker the same way whether their sources are read as a set or checked per match', () => {
    for (const ids of [[people[0]!], [people[1]!, people[2]!]]) {
      const results = PLANS.map((limits) => {
        const repo = new SearchRepo(db, 10_000, limits);
        const filters = { ...NONE, speakers: repo.speakerFilter(ids) };
        const match = ftsMatchExpression(parseQuery('ceasefire').query.terms)!;
        return {
          sources: repo.sources(match, filters, 100).map((r) => r.id),
          quotes: repo.quotes('{text} : ("ceasefire")', filters, 100, match).map((r) => r.id),
          listed: repo.quotes(null, filters, 100).map((r) => r.id),
        };
      });
      const expected = reference('"ceasefire"', '{text} : ("ceasefire")', {
        ...NONE,
        speakers: { ids, fewQuotes: true, sourceSet: 'seqs' },
      });
      expect(expected.quotes.length).toBeGreaterThan(0);
      for (const result of results) {
        expect(result.sources.sort()).toEqual(expected.sources.map((r) => r.id).sort());
        expect(result.quotes.sort()).toEqual(expected.quotes.map((r) => r.id).sort());
        expect(result.listed).toEqual(results[0]!.listed);
      }
      const all = db
        .prepare(
          `SELECT count(*) AS n FROM quotes q JOIN sources s ON s.id = q.source_id WHERE s.deleted_at IS NULL
             AND q.status <> 'rejected' AND q.speaker_entity_id IN (SELECT value FROM json_each(?))`,
        )
        .get(JSON.stringify(ids)) as { n: number };
      expect(results[0]!.listed).toHaveLength(all.n);
    }
  });

  it('lists a speaker’s quotes newest source first', () => {
    const repo = new SearchRepo(db);
    const rows = repo.quotes(null, { ...NONE, speakers: repo.speakerFilter([people[0]!]) }, 100);
    const dates = rows.map((r) => r.date!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('leaves out trashed sources, their quotes and trashed notes, and finds them again once restored', () => {
    const repo = new SearchRepo(db);
    const trashed = db
      .prepare(`SELECT id FROM sources WHERE deleted_at IS NOT NULL`)
      .pluck()
      .all() as string[];
    expect(trashed.length).toBeGreaterThan(0);
    const everything = '"number1x0" OR "ceasefire" OR "talks" OR "kremlin"';
    const ids = (): { sources: string[]; quoteSources: string[] } => ({
      sources: repo.sources(everything, NONE, 1000).map((r) => r.id),
      quoteSources: repo.quotes(everything, NONE, 1000, everything).map((r) => r.source_id),
    });
    const before = ids();
    for (const id of trashed) {
      expect(before.sources).not.toContain(id);
      expect(before.quoteSources).not.toContain(id);
    }
    expect(repo.notes('"and"', NONE, 100).map((r) => r.id)).not.toContain('n4');
    db.prepare(`UPDATE sources SET deleted_at = NULL WHERE id = ?`).run(trashed[0]);
    expect(ids().sources).toContain(trashed[0]);
  });

  it('expands the word being typed to every indexed word it starts, or leaves it to FTS5 when too many', () => {
    const lookup = new LookupRepo(db);
    expect(lookup.completions('cease')).toEqual(['cease', 'ceasefire']);
    expect(lookup.completions('cea', 2)).toEqual(['cease', 'ceasefire']);
    expect(lookup.completions('cea', 1)).toBeNull();
    expect(lookup.completions('zzzz')).toEqual([]);
    // Not a LIKE pattern: % and _ are plain characters.
    expect(lookup.completions('%')).toEqual([]);
  });
});

describe('ListingRepo (filters alone)', () => {
  const filterSets: [string, SqlFilters][] = [
    ['no filter', NONE],
    ['narrow dates', { ...NONE, from: '2025-03-01', to: '2025-04-30' }],
    ['from only', { ...NONE, from: '2025-06-01' }],
    ['site', { ...NONE, site: 'reuters' }],
    ['site by url', { ...NONE, site: 'example1' }],
    ['site and dates', { ...NONE, site: 'bbc', to: '2025-08-31' }],
  ];
  const day = 'substr(coalesce(s.published_at, s.clipped_at), 1, 10)';
  const where = `s.deleted_at IS NULL AND ${day} BETWEEN @from AND @to
    AND (lower(coalesce(s.site_name, '')) LIKE @site OR lower(coalesce(s.url, '')) LIKE @site)`;
  const params = (filters: SqlFilters) => ({
    from: filters.from ?? '0000',
    to: filters.to ?? '9999',
    site: `%${filters.site ?? ''}%`,
  });

  for (const [label, filters] of filterSets) {
    it(`lists the same sources and quotes as the plain statement, newest first (${label})`, () => {
      const repo = new ListingRepo(db);
      const sources = db
        .prepare(`SELECT s.id FROM sources s WHERE ${where} ORDER BY ${day} DESC, s.seq DESC`)
        .all(params(filters)) as { id: string }[];
      const quotes = db
        .prepare(
          `SELECT q.id FROM quotes q JOIN sources s ON s.id = q.source_id WHERE ${where} AND q.status <> 'rejected'
           ORDER BY ${day} DESC, s.seq DESC, q.span_start`,
        )
        .all(params(filters)) as { id: string }[];
      expect(sources.length).toBeGreaterThan(0);
      expect(repo.sources(filters, 1000).map((r) => r.id)).toEqual(sources.map((r) => r.id));
      expect(repo.quotes(filters, 1000).map((r) => r.id)).toEqual(quotes.map((r) => r.id));
      // One page is the head of the whole list.
      expect(repo.quotes(filters, 5).map((r) => r.id)).toEqual(quotes.slice(0, 5).map((r) => r.id));
    });
  }

  it('reads sources newest first from the index, never by scanning or sorting the whole table', () => {
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = (sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    };
    const repo = new ListingRepo(Object.assign(Object.create(db) as Database.Database, { prepare: spy }));
    for (const [, filters] of filterSets) {
      repo.sources(filters, 10);
      repo.quotes(filters, 10);
    }
    expect(prepared.length).toBeGreaterThan(0);
    for (const sql of prepared) {
      const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all({
        from: 'a',
        to: 'b',
        site: '%x%',
        limit: 10,
      }) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      const page = plan.find((row) => row.detail.startsWith('CO-ROUTINE'))!;
      const inner = plan.filter((row) => row.parent === page.id).map((row) => row.detail);
      expect(inner[0], sql).toMatch(/^(SEARCH|SCAN) m USING INDEX sources_by_day/);
      // The page is read in index order and stops at its LIMIT: no sort of every matching row.
      expect(inner.join('\n'), sql).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('read-only connections', () => {
  it('expand nothing themselves and let FTS5 match the word being typed', () => {
    db.close();
    const readonly = openDatabase(path.join(temp.dir, 'plans.sqlite'), { readonly: true });
    try {
      const lookup = new LookupRepo(readonly);
      expect(lookup.completions('cea')).toBeNull();
      const { terms } = parseQuery('cea').query;
      const match = ftsMatchExpression(terms, undefined, (term) => lookup.completions(term.tokens[0]!))!;
      expect(match).toBe('"cea"*');
      expect(new SearchRepo(readonly).sources(match, NONE, 5).length).toBeGreaterThan(0);
    } finally {
      readonly.close();
    }
  });
});

describe('migration 5 on an existing notebook', () => {
  it('adds its indexes to a schema-4 notebook without rebuilding the full-text index', () => {
    const file = path.join(temp.dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 4));
    seedLibrary(old);
    const segments = old.prepare(`SELECT count(*) AS n FROM sources_fts_data`).get();
    old.close();

    const upgraded = openDatabase(file);
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
      // The index's own pages are as they were: nothing was re-indexed.
      expect(upgraded.prepare(`SELECT count(*) AS n FROM sources_fts_data`).get()).toEqual(segments);
      const repo = new SearchRepo(upgraded);
      expect(
        repo.sources('"ceasefire"', { ...NONE, from: '2025-02-01', to: '2025-02-28' }, 10).length,
      ).toBeGreaterThan(0);
      expect(new LookupRepo(upgraded).completions('ceas')).toContain('ceasefire');
    } finally {
      upgraded.close();
    }
  });
});
