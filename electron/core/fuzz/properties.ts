/**
 * The fuzz properties, shared by the fuzz tests (a moderate number of runs in the default test run)
 * and the reliability report (many more). Each states what must hold for ANY input: no exception but
 * the documented one, no escape from the sanitizer, offsets inside the text, valid FTS5 syntax.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { API_METHODS } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { API_VALIDATORS, validateArgs } from '../../../shared/validate';
import { clipBytes } from '../clip/clip-file';
import { clipHtml } from '../clip/clip-html';
import { clipText } from '../clip/clip-text';
import { isClipError } from '../clip/errors';
import { extractArticle } from '../extract';
import { fillNotebook } from '../db/fixtures/fill';
import { migrate } from '../db/migrate';
import { notebookRows } from '../export/compare';
import { exportNotebook } from '../export/export';
import { importNotebook } from '../export/import';
import { ftsMatchExpression, parseQuery } from '../search/parse-query';
import { articleText, hostileBytes, hostileHtml, nastyText, searchInput } from './arbitraries';

/** Rethrows anything that is not a ClipError: the clip pipeline's only documented failure. */
function onlyClipErrors(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (isClipError(error)) return undefined;
    throw error;
  }
}

const FORBIDDEN_ELEMENTS =
  'script, style, iframe, frame, object, embed, base, meta, link, form, input, template, svg, math';

/**
 * What in sanitized article HTML could run code; empty when nothing. (Remote image URLs are expected
 * here: the library stores images locally before saving, and the reader's CSP blocks remote loads.)
 */
export function unsafeParts(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const element of document.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`<${element.localName}>`);
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`${name}=`);
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters in URLs; so must we
      const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (
        /^(href|src|srcset|action|formaction|xlink:href|poster|background)$/i.test(name) &&
        /^(javascript|vbscript|data:text):?/.test(url)
      ) {
        found.push(`${name}=${value.slice(0, 30)}`);
      }
    }
  }
  return found.sort();
}

/** A fresh notebook in memory, at the latest schema. */
function memoryNotebook(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** One way of spoiling an export file. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    with: fc.oneof(fc.json({ maxDepth: 2 }), nastyText),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat() }),
  fc.record({
    kind: fc.constant('value' as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.anything({ maxDepth: 1 }),
      fc.constantFrom(null, -1, 1e300, '', 'x'.repeat(5000), { $blob: '!!' }),
    ),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(lines: string[], m: Mutation): string[] {
  const copy = [...lines];
  const at = m.at % copy.length;
  if (m.kind === 'drop') copy.splice(at, 1);
  else if (m.kind === 'duplicate') copy.splice(at, 0, copy[at]!);
  else if (m.kind === 'replace') copy[at] = m.with;
  else if (m.kind === 'cut') copy[at] = copy[at]!.slice(0, m.length % (copy[at]!.length + 1));
  else {
    let parsed: { row?: Record<string, unknown> } | null = null;
    try {
      parsed = JSON.parse(copy[at]!) as { row?: Record<string, unknown> };
    } catch {
      return copy; // Already spoiled by an earlier mutation.
    }
    if (parsed !== null && typeof parsed === 'object' && parsed.row !== undefined) {
      const keys = Object.keys(parsed.row);
      parsed.row[keys[m.at % keys.length]!] = m.value;
      copy[at] = JSON.stringify(parsed);
    }
  }
  return copy;
}

/** Named properties with their default run counts. */
export const FUZZ_PROPERTIES = {
  'clipHtml on hostile HTML: only ClipError, and nothing unsafe survives': {
    runs: 150,
    property: () =>
      fc.property(hostileHtml, (html) => {
        const article = onlyClipErrors(() => clipHtml({ html, url: 'https://example.org/page' })) as
          { html: string } | undefined;
        if (article !== undefined) {
          const unsafe = unsafeParts(article.html);
          if (unsafe.length > 0) throw new Error(`unsafe output: ${unsafe.join(', ')}`);
        }
      }),
  },
  'clipHtml and clipText on any string or bytes: only ClipError': {
    runs: 150,
    property: () =>
      fc.property(
        fc.oneof(fc.string({ maxLength: 3_000 }), hostileBytes),
        fc.constantFrom('plain', 'markdown' as const),
        (input, format) => {
          onlyClipErrors(() => clipHtml({ html: input }));
          onlyClipErrors(() => clipText({ text: input, format: format as 'plain' | 'markdown' }));
        },
      ),
  },
  'clipBytes (file import: .html, .md, .txt, .mhtml, others) on any bytes: only ClipError': {
    runs: 150,
    property: () =>
      fc.property(
        hostileBytes,
        fc.constantFrom('a.html', 'b.htm', 'c.md', 'd.txt', 'e.mhtml', 'f.pdf', 'noext'),
        (bytes, name) => {
          onlyClipErrors(() => clipBytes(name, bytes));
        },
      ),
  },
  'extractArticle on any text: never throws, every span inside the text': {
    runs: 100,
    property: () =>
      fc.property(fc.oneof(articleText, nastyText), (text) => {
        const result = extractArticle(text, { published: '2024-03-05' });
        const spans = [
          ...result.people.flatMap((p) => p.mentions),
          ...result.places.flatMap((p) => p.mentions),
          ...result.organizations.flatMap((p) => p.mentions),
          ...result.dates.map((d) => d.span),
          ...result.quotes.flatMap((q) => (q.speakerSpan ? [q.span, q.speakerSpan] : [q.span])),
          ...result.events.map((e) => e.span),
        ];
        for (const [start, end] of spans) {
          if (!(
            Number.isInteger(start) &&
            Number.isInteger(end) &&
            start >= 0 &&
            start < end &&
            end <= text.length
          )) {
            throw new Error(`span [${start}, ${end}] outside a text of ${text.length}`);
          }
        }
      }),
  },
  'extractArticle with a bad publication date: only its documented error': {
    runs: 50,
    property: () =>
      fc.property(
        fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d\d-\d\d$/.test(s)),
        (published) => {
          try {
            extractArticle('Ana said "yes" on Monday.', { published });
          } catch (error) {
            if (!(error instanceof Error) || !/is not a calendar date/.test(error.message)) throw error;
            return;
          }
          throw new Error('accepted a bad date');
        },
      ),
  },
  'search: parseQuery never throws and its FTS5 expression is always valid': {
    runs: 200,
    property: () => {
      const db = new Database(':memory:');
      db.exec("CREATE VIRTUAL TABLE t USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2')");
      db.exec("INSERT INTO t VALUES ('Ruiz said', 'the council met on Tuesday')");
      const match = db.prepare('SELECT count(*) FROM t WHERE t MATCH ?');
      return fc.property(searchInput, (input) => {
        const { query } = parseQuery(input);
        for (const columns of [undefined, ['title']]) {
          const expression = ftsMatchExpression(query.terms, columns);
          if (expression !== null) match.get(expression);
        }
      });
    },
  },
  'API validators on malicious arguments: only INVALID_ARGUMENT': {
    runs: 300,
    property: () =>
      fc.property(
        // A method without a validator is a compile error (Validators<NotebookApi>); skipping those
        // keeps an area that is still being written from failing this property.
        fc.constantFrom(...API_METHODS.filter((m) => typeof API_VALIDATORS[m] === 'function')),
        fc.oneof(
          fc.anything({ maxDepth: 2 }),
          fc.array(
            fc.oneof(
              fc.anything({ maxDepth: 3 }),
              fc.constantFrom(
                '../../etc/passwd',
                '__proto__',
                { __proto__: { admin: true } },
                { constructor: { prototype: {} } },
                'x'.repeat(100_000),
                -1,
                Number.NaN,
                1e308,
              ),
              fc.dictionary(
                fc.constantFrom(
                  'id',
                  'title',
                  'content',
                  'expectedVersion',
                  'url',
                  'html',
                  'keep',
                  'everyHours',
                  '__proto__',
                ),
                fc.anything({ maxDepth: 2 }),
              ),
            ),
            { maxLength: 3 },
          ),
        ),
        (method, args) => {
          try {
            validateArgs(method, args);
          } catch (error) {
            if (!(error instanceof ApiError) || error.code !== 'INVALID_ARGUMENT') throw error;
          }
        },
      ),
  },
  'JSON import of spoiled exports: only ApiError, and a refused file changes nothing': {
    runs: 60,
    property: () => {
      const source = memoryNotebook();
      fillNotebook(source, 2, 11);
      const lines: string[] = [];
      exportNotebook(source, (line) => lines.push(line.trimEnd()));
      source.close();
      const target = memoryNotebook();
      fillNotebook(target, 1, 12);
      return fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const spoiled = mutations.reduce(mutate, lines);
        const before = notebookRows(target, { withSeq: true });
        const savepoint = 'fuzz';
        target.exec(`SAVEPOINT ${savepoint}`);
        try {
          try {
            importNotebook(target, spoiled);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            const after = notebookRows(target, { withSeq: true });
            if (JSON.stringify(after) !== JSON.stringify(before))
              throw new Error('a refused import changed the notebook');
            return;
          }
          if ((target.pragma('foreign_key_check') as unknown[]).length > 0)
            throw new Error('an accepted import left dangling references');
        } finally {
          // Every case starts from the same notebook.
          target.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        }
      });
    },
  },
} satisfies Record<string, { runs: number; property: () => fc.IRawProperty<unknown[]> }>;

/** Name of one fuzz property. */
export type FuzzName = keyof typeof FUZZ_PROPERTIES;

/** Runs fuzz property `name` `numRuns` times (default: its moderate count); throws on a counterexample. */
export function assertFuzz(name: FuzzName, numRuns: number = FUZZ_PROPERTIES[name].runs): void {
  fc.assert(FUZZ_PROPERTIES[name].property() as unknown as fc.IProperty<unknown[]>, { numRuns });
}

/** Runs fuzz property `name` and reports instead of throwing (for the reliability report). */
export function checkFuzz(name: FuzzName, numRuns: number): fc.RunDetails<unknown[]> {
  return fc.check(FUZZ_PROPERTIES[name].property() as unknown as fc.IProperty<unknown[]>, { numRuns });
}
