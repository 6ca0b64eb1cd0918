/**
 * `npm run bench -- entities`: the analysis area's read paths on a generated library. One person with
 * 5,000 quotes spread over 2,000 sources (and a mention in each), among 10,000 other entities with
 * mentions, then: that person's page (target under 100 ms, issue #5) and the @-typeahead over the
 * 10,000 names with one- to four-letter prefixes (served by the alias prefix index). The page brings
 * the first 50 quotes and sources with their counts; "Show more" pages through the rest.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityId } from '../../shared/model';
import { EntitiesRepo } from '../../electron/core/analysis/entities-repo';
import { FindingsRepo } from '../../electron/core/analysis/findings-repo';
import { AnalysisService } from '../../electron/core/analysis/service';
import { openDatabase } from '../../electron/core/db/open';
import { makeTempDir } from '../../electron/core/testing/temp-dir';
import { timePersonPageInChromium } from '../entity-page-browser';
import { row } from '../stats';
import type { BenchSuite } from './types';

const SOURCES = 2_000;
const QUOTES = 5_000;
const OTHER_ENTITIES = 10_000;
const MENTIONS_PER_SOURCE = 12;
const PAGE_RUNS = 30;
const TYPEAHEAD_RUNS = 300;
const BROWSER_RUNS = 15;

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'sa',
  'bel',
  'dri',
  'no',
  'pe',
  'lu',
  'gar',
  'zo',
  'ha',
];

/** A deterministic pseudo-random generator, so every run builds the same library. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function word(next: () => number): string {
  const n = 2 + Math.floor(next() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Wall time of one call, and the CPU time this process spent on it (steadier on a busy machine). */
const time = async (fn: () => Promise<unknown>, cpu?: number[]): Promise<number> => {
  const used = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const spent = process.cpuUsage(used);
  cpu?.push((spent.user + spent.system) / 1000);
  return wall;
};

export const entitiesSuite: BenchSuite = {
  name: 'entities',
  title: 'Entity pages and the @-typeahead',
  async run() {
    const temp = makeTempDir('dossier-bench-entities-');
    const databasePath = path.join(temp.dir, 'dossier.sqlite');
    const db = openDatabase(databasePath);
    try {
      const next = random(7);
      const entities = new EntitiesRepo(db);
      const findings = new FindingsRepo(db);
      const build = performance.now();
      let person: EntityId;
      const others: string[] = [];
      db.transaction(() => {
        person = entities.create('person', 'Vladimir Putin', 'auto').id;
        entities.addAlias(person, 'Putin', 'auto');
        for (let i = 0; i < OTHER_ENTITIES; i++) {
          const kind = i % 5 === 0 ? 'place' : i % 7 === 0 ? 'org' : 'person';
          others.push(entities.create(kind, `${word(next)} ${word(next)}`, 'auto').id);
        }
        const insertSource = db.prepare(
          `INSERT INTO sources (id, title, published_at, clipped_at, plain_text, word_count, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 100, ?, ?)`,
        );
        const text =
          'Putin said: "' + 'words of the quote '.repeat(20) + '" and more text follows. '.repeat(4);
        for (let s = 0; s < SOURCES; s++) {
          const id = randomUUID();
          const day = new Date(Date.UTC(2020, 0, 1) + s * 86_400_000).toISOString();
          insertSource.run(id, `Article ${s}`, day.slice(0, 10), day, text, day, day);
          findings.insertMention({
            entityId: person,
            sourceId: id,
            start: 0,
            end: 5,
            text: 'Putin',
            origin: 'auto',
            status: 'suggested',
          });
          for (let m = 0; m < MENTIONS_PER_SOURCE; m++) {
            const other = others[Math.floor(next() * others.length)]!;
            findings.insertMention({
              entityId: other,
              sourceId: id,
              start: 20 + m,
              end: 21 + m,
              text: 'x',
              origin: 'auto',
              status: 'suggested',
            });
          }
          const quotes = Math.floor(QUOTES / SOURCES) + (s < QUOTES % SOURCES ? 1 : 0);
          for (let q = 0; q < quotes; q++) {
            findings.insertQuote({
              sourceId: id,
              start: 13 + q,
              end: 300 + q,
              text: text.slice(13 + q, 300 + q),
              speakerId: person,
              speakerSpan: [0, 5],
              cue: 'said',
              confidence: 0.9,
              rule: 'bench',
              kind: 'direct',
              origin: 'auto',
              status: 'suggested',
            });
          }
        }
        entities.refreshStats([person, ...others]);
      })();
      const buildMs = performance.now() - build;
      const ctx = {
        db,
        dataDir: temp.dir,
        databasePath,
        host: 'test' as const,
        hooks: { sourceStored: () => undefined, clipPaste: () => Promise.reject(new Error('unused')) },
      };
      const analysis = new AnalysisService(ctx);

      const page = await analysis.getEntityPage(person!);
      if (page.quoteCount !== QUOTES) throw new Error(`expected ${QUOTES} quotes, got ${page.quoteCount}`);
      // "Show more" until the end must reach every quote exactly once; time each further page.
      const moreSamples: number[] = [];
      const seen = new Set(page.quotes.map((q) => q.id));
      let last = page.quotes.at(-1)!.id;
      for (;;) {
        let next: Awaited<ReturnType<typeof analysis.listEntityQuotes>> = [];
        moreSamples.push(
          await time(async () => (next = await analysis.listEntityQuotes({ id: person!, after: last }))),
        );
        if (next.length === 0) break;
        for (const q of next) seen.add(q.id);
        last = next.at(-1)!.id;
      }
      if (seen.size !== QUOTES) throw new Error(`paging reached ${seen.size} of ${QUOTES} quotes`);
      const pageSamples: number[] = [];
      const pageCpu: number[] = [];
      for (let i = 0; i < PAGE_RUNS; i++) {
        pageSamples.push(await time(() => analysis.getEntityPage(person!), pageCpu));
      }

      const prefixes: string[] = [];
      for (let i = 0; i < TYPEAHEAD_RUNS; i++) {
        const w = word(next).toLowerCase();
        prefixes.push(w.slice(0, 1 + (i % 4)));
      }
      const typeSamples: number[] = [];
      const typeCpu: number[] = [];
      for (const prefix of prefixes) {
        typeSamples.push(
          await time(
            () => analysis.listEntities({ query: prefix, kinds: ['person', 'place', 'org'], limit: 10 }),
            typeCpu,
          ),
        );
      }
      // The same page in Chromium through the built host (skipped with a note when it is not built).
      let browserRow: ReturnType<typeof row> | null = null;
      let browserNote = '';
      db.close();
      try {
        browserRow = row(
          'person page in Chromium: click → quotes painted',
          await timePersonPageInChromium(temp.dir, 'Vladimir Putin', BROWSER_RUNS),
          'ms',
          { note: 'browser host: worker hop, HTTP, JSON and React render of the page' },
        );
      } catch (error) {
        browserNote = `Person page in Chromium not measured: ${(error as Error).message.split('\n')[0]} (run npm run build).`;
      }
      return {
        rows: [
          row(
            `person page, ${QUOTES.toLocaleString('en')} quotes in ${SOURCES.toLocaleString('en')} sources`,
            pageSamples,
            'ms',
            {
              target: '< 100 ms',
              note: 'core getEntityPage in-process: first 50 quotes and sources, counts, notes, co-mentions, events',
            },
          ),
          row('person page: next 50 quotes ("Show more")', moreSamples, 'ms', {
            note: `core listEntityQuotes, paged through all ${QUOTES.toLocaleString('en')} quotes`,
          }),
          row(
            `@-typeahead over ${OTHER_ENTITIES.toLocaleString('en')} entities (1-4 letter prefixes)`,
            typeSamples,
            'ms',
          ),
          ...(browserRow ? [browserRow] : []),
          row('person page, CPU time of the process', pageCpu, 'ms', { target: '< 100 ms' }),
          row('@-typeahead, CPU time of the process', typeCpu, 'ms'),
        ],
        notes: [
          `Library built by direct inserts in ${Math.round(buildMs)} ms: ${SOURCES} sources, ` +
            `${SOURCES * (MENTIONS_PER_SOURCE + 1)} mentions, ${QUOTES} quotes. The page includes sources, co-mentioned entities and events; ` +
            'quotes and sources come 50 at a time (the rest with "Show more"), so its cost no longer grows with the quote count. ' +
            'Measured in-process on the core (no worker hop, HTTP or rendering; the Chromium row measures the page as a user opens it).',
          ...(browserNote === '' ? [] : [browserNote]),
        ],
      };
    } finally {
      if (db.open) db.close();
      temp.remove();
    }
  },
};
