import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryTerm } from '../../../shared/areas/search';
import { openDatabase } from '../db/open';
import { makeTempDir } from '../testing/temp-dir';
import { ftsMatchExpression, isEmptyQuery, parseDateBound, parseQuery } from './parse-query';

describe('parseQuery', () => {
  it('reads words, phrases and filters', () => {
    const { query, warnings } = parseQuery(
      'speaker:Putin type:quote from:2025-03 to:2025 site:www.BBC.co.uk "cease hostilities" talks ',
    );
    expect(warnings).toEqual([]);
    expect(query.speaker).toBe('putin');
    expect(query.types).toEqual(['quote']);
    expect(query.from).toBe('2025-03-01');
    expect(query.to).toBe('2025-12-31');
    expect(query.site).toBe('bbc.co.uk');
    expect(query.terms).toEqual([
      { text: 'cease hostilities', tokens: ['cease', 'hostilities'], phrase: true, prefix: false },
      { text: 'talks', tokens: ['talks'], phrase: false, prefix: false },
    ]);
  });

  it('treats the last word as a prefix while it is being typed', () => {
    expect(parseQuery('putin cease').query.terms[1]!.prefix).toBe(true);
    expect(parseQuery('putin cease ').query.terms[1]!.prefix).toBe(false);
    expect(parseQuery('"putin cease"').query.terms[0]!.prefix).toBe(false);
    expect(parseQuery('putin ce').query.terms[1]!.prefix).toBe(false);
  });

  it('maps entity types to kinds', () => {
    const { query } = parseQuery('type:person,event ukraine');
    expect(query.types).toEqual(['entity']);
    expect(query.entityKinds).toEqual(['person', 'event']);
  });

  it('searches unknown filters and bad dates as words, with a warning for the date', () => {
    const unknown = parseQuery('author:smith');
    expect(unknown.query.terms[0]!.tokens).toEqual(['author', 'smith']);
    expect(unknown.warnings).toEqual([]);
    const badDate = parseQuery('from:yesterday');
    expect(badDate.query.from).toBeNull();
    expect(badDate.query.terms[0]!.tokens).toEqual(['from', 'yesterday']);
    expect(badDate.warnings[0]).toMatch(/from: needs a date/);
    expect(parseQuery('type:banana x').warnings[0]).toMatch(/type:banana/);
  });

  it('closes an unbalanced quote at the end, with a warning', () => {
    const { query, warnings } = parseQuery('"we agree with');
    expect(query.terms[0]!.tokens).toEqual(['we', 'agree', 'with']);
    expect(query.terms[0]!.phrase).toBe(true);
    expect(warnings[0]).toMatch(/not closed/);
  });

  it('turns FTS5 syntax into words or nothing', () => {
    const { query } = parseQuery('NEAR( putin* ^trump OR title:x AND (a) - 🎉');
    expect(query.terms.map((t) => t.tokens.join(' '))).toEqual([
      'near',
      'putin',
      'trump',
      'or',
      'title x',
      'and',
      'a',
    ]);
    expect(ftsMatchExpression(query.terms)).toBe(
      '"near" AND "putin" AND "trump" AND "or" AND "title x" AND "and" AND "a"',
    );
  });

  it('folds accents and case like the index', () => {
    expect(parseQuery('Élysée').query.terms[0]!.tokens).toEqual(['elysee']);
  });

  it('is empty for blank input, emoji or lone punctuation', () => {
    for (const text of ['', '   ', '🎉', '"', '***', '\uD800'])
      expect(isEmptyQuery(parseQuery(text).query)).toBe(true);
    expect(isEmptyQuery(parseQuery('speaker:putin').query)).toBe(false);
    expect(isEmptyQuery(parseQuery('in:title').query)).toBe(true);
  });

  it('is not empty for filters alone: they list what they match', () => {
    for (const text of [
      'type:quote',
      'site:vox.com',
      'from:2019-11-01',
      'to:2019',
      'type:quote from:2019-11-19 to:2019-11-20',
    ])
      expect(isEmptyQuery(parseQuery(text).query)).toBe(false);
  });

  it('parses date bounds', () => {
    expect(parseDateBound('2024-02', true)).toBe('2024-02-29');
    expect(parseDateBound('2025-02-30', false)).toBeNull();
    expect(parseDateBound('2025/3/1', false)).toBe('2025-03-01');
  });
});

describe('parseQuery on any input (fuzz)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;

  beforeAll(() => {
    temp = makeTempDir();
    db = openDatabase(path.join(temp.dir, 'fuzz.sqlite'));
    db.prepare(
      `INSERT INTO notes (id, title, plain_text, created_at, updated_at) VALUES ('n1', 'Ceasefire', 'putin said "no"', 'x', 'x')`,
    ).run();
  });
  afterAll(() => {
    db.close();
    temp.remove();
  });

  // Pieces of FTS5 syntax and awkward characters, mixed with arbitrary strings.
  const syntax = fc.constantFrom(
    '"',
    "'",
    '(',
    ')',
    '*',
    '^',
    ':',
    '{',
    '}',
    '+',
    '-',
    'NEAR(',
    'AND',
    'OR',
    'NOT',
    'title:',
    'speaker:',
    'type:',
    'from:',
    'to:',
    'site:',
    'in:',
    ' ',
    '\u0000',
    '\uD800',
    '\uDFFF',
    '🎉',
    'é',
    'ß',
    '\u202E',
  );
  const input = fc
    .array(fc.oneof(syntax, fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('putin', 'no')), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));

  it('writes the word being typed as its completions, or as an FTS5 prefix without them', () => {
    const { query } = parseQuery('putin cease');
    expect(ftsMatchExpression(query.terms, undefined, () => ['ceasefire', 'cease'])).toBe(
      '"putin" AND ("ceasefire" OR "cease")',
    );
    expect(ftsMatchExpression(query.terms, ['text'], () => ['ceasefire'])).toBe(
      '{text} : ("putin" AND "ceasefire")',
    );
    expect(ftsMatchExpression(query.terms, undefined, () => [])).toBe('"putin" AND "cease"*');
    expect(ftsMatchExpression(query.terms)).toBe('"putin" AND "cease"*');
  });

  it('never throws and always yields a MATCH expression SQLite accepts', () => {
    const statement = db.prepare('SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH ?');
    fc.assert(
      fc.property(input, (text) => {
        const { query } = parseQuery(text);
        // The word being typed as FTS5's prefix, as one completion, and as an OR group of several
        // (words from the input itself, so they carry its odd characters).
        const expansions = [
          () => null,
          (term: QueryTerm) => [term.tokens[0]!],
          (term: QueryTerm) => [term.tokens[0]!, ...query.terms.flatMap((t) => t.tokens)],
        ];
        for (const columns of [undefined, ['title']]) {
          for (const completions of expansions) {
            const match = ftsMatchExpression(query.terms, columns, completions);
            if (match !== null) statement.get(match);
          }
        }
        for (const term of query.terms) expect(term.tokens.length).toBeGreaterThan(0);
      }),
      { numRuns: 2_000 },
    );
  });
});
