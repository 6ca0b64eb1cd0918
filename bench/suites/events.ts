/**
 * `npm run bench -- events`: what matching new events against the library costs once it holds 100,000
 * events (issue 15: at most 50 ms per article, median, against the same import with matching off).
 *
 * The library: 25,000 sources reporting 100,000 events (four each) among 20,000 people and 2,000
 * places, 45 kinds of happening over 25 years, most dated, each with its participants, place and a
 * profile of 30 words, as the store writes them. Articles: 40 news texts written from the same names
 * (so their people and places resolve to library entities with many events, the expensive case). Each
 * article is stored twice, into two copies of the library made from the same file: with matching off
 * and with the shipped model; extraction is done once beforehand, so the times are the store's alone.
 * The row of interest is the per-article difference (matching on minus off), median over the articles.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { SourceId } from '../../shared/model';
import type { CoreContext } from '../../electron/core/context';
import { EntitiesRepo } from '../../electron/core/analysis/entities-repo';
import { MONTHS } from '../../electron/core/analysis/event-match/articles';
import { matchModel } from '../../electron/core/analysis/event-match/model';
import { TERMS } from '../../electron/core/analysis/event-match/terms';
import { AnalysisService } from '../../electron/core/analysis/service';
import { openDatabase } from '../../electron/core/db/open';
import { extractArticle, type Extraction } from '../../electron/core/extract';
import { makeTempDir } from '../../electron/core/testing/temp-dir';
import { row } from '../stats';
import type { BenchSuite } from './types';

const EVENTS = 100_000;
const EVENTS_PER_SOURCE = 4;
const PEOPLE = 20_000;
const PLACES = 2_000;
const ARTICLES = 40;
const KINDS = (
  'meeting visit call ceasefire proposal attack shooting killing death war arrest charge trial verdict ' +
  'sentence election resignation appointment dismissal earthquake flood storm fire explosion crash deal ' +
  'signing acquisition launch release protest rescue injury kidnapping withdrawal deployment sanction ' +
  'wedding award defeat escape admission departure hijacking transfer'
).split(' ');
const FIRST = 'Lena Carlos Ivo Anna Tomas Mira Jonas Elif Pavel Sara Omar Nina Raul Ada Felix Hana'.split(
  ' ',
);
const LAST = 'Vogel Mendes Brand Berg Novak Lind Kaya Horvat Silva Moreau Kovac Eriksen Rossi Weber'.split(
  ' ',
);
const TOWNS =
  'Oslo Berlin Madrid Lisbon Vienna Prague Warsaw Athens Dublin Helsinki Riga Tallinn Sofia Zagreb'.split(
    ' ',
  );
const WORDS = 'harbour bridge council budget strike union border talks court police minister election'.split(
  ' ',
);

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

/** "Lena Vogel", "Lena Vogel 2", ...: 20,000 distinct people over a small pool of name parts. */
function personName(i: number): string {
  const base = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const round = Math.floor(i / (FIRST.length * LAST.length));
  return round === 0
    ? base
    : `${base} ${String.fromCharCode(65 + (round % 26))}${Math.floor(round / 26) || ''}`;
}

function placeName(i: number): string {
  const base = TOWNS[i % TOWNS.length]!;
  return i < TOWNS.length ? base : `${base} ${Math.floor(i / TOWNS.length)}`;
}

/** Fills a notebook with the library described above; returns nothing, the file is the result. */
export function buildLibrary(db: Database.Database): void {
  const next = random(15);
  const entities = new EntitiesRepo(db);
  db.transaction(() => {
    const people = Array.from(
      { length: PEOPLE },
      (_, i) => entities.create('person', personName(i), 'auto').id,
    );
    const places = Array.from(
      { length: PLACES },
      (_, i) => entities.create('place', placeName(i), 'auto').id,
    );
    const insertSource = db.prepare(
      `INSERT INTO sources (id, title, published_at, published_origin, clipped_at, plain_text, word_count, created_at, updated_at)
       VALUES (?, ?, ?, 'page', ?, ?, 60, ?, ?)`,
    );
    const insertEvent = db.prepare(
      `INSERT INTO entities (id, kind, name, origin, name_origin, event_date, event_date_start, event_date_end,
         event_precision, event_kind, event_date_source, created_at, updated_at)
       VALUES (?, 'event', ?, 'auto', 'auto', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertParticipant = db.prepare(
      `INSERT OR IGNORE INTO event_participants (id, event_id, entity_id, role, origin, created_at) VALUES (?, ?, ?, ?, 'auto', ?)`,
    );
    const insertReport = db.prepare(
      `INSERT INTO event_sources (id, event_id, source_id, span_start, span_end, origin, created_at)
       VALUES (?, ?, ?, ?, ?, 'auto', ?)`,
    );
    const insertProfile = db.prepare(
      `INSERT INTO event_profiles (event_id, lemmas, terms, salience, main) VALUES (?, ?, ?, ?, ?)`,
    );
    const insertSourceProfile = db.prepare(
      `INSERT INTO source_profiles (source_id, terms, people, entities, years, numbers, days)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertSourceTerm = db.prepare(
      `INSERT INTO source_terms (term, source_id, weight) VALUES (?, ?, ?)`,
    );
    const now = new Date().toISOString();
    let source = '';
    for (let e = 0; e < EVENTS; e++) {
      if (e % EVENTS_PER_SOURCE === 0) {
        source = randomUUID();
        const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * 25 * 365) * 864e5).toISOString();
        // A short news text from the same names and words, so the full-text index is a real one.
        const text = Array.from(
          { length: 4 },
          () =>
            `${personName(Math.floor(Math.pow(next(), 3) * PEOPLE))} and ${personName(Math.floor(next() * PEOPLE))} ` +
            `met in ${placeName(Math.floor(next() * PLACES))} about the ${pick(next, WORDS)} and the ${pick(next, WORDS)}.`,
        ).join(' ');
        insertSource.run(source, `Article ${e / EVENTS_PER_SOURCE}`, day.slice(0, 10), day, text, day, day);
        // What the store keeps per article for article matching: its words, people, entities, years, numbers
        // and days.
        const named = Array.from({ length: 6 }, () => people[Math.floor(Math.pow(next(), 3) * PEOPLE)]!);
        // Its words: those of its text (names, towns, topics), so a new article's words find many;
        // then words of the rest of a longer report, up to the TERMS a stored profile keeps.
        const own = [...new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? [])].filter(
          (w) => !['and', 'met', 'about', 'the'].includes(w),
        );
        while (own.length < TERMS) own.push(`${pick(next, WORDS)}${own.length}`);
        const words = new Map(own.slice(0, TERMS).map((w) => [w, Math.round(next() * 1e3) / 1e4]));
        for (const [term, weight] of words) insertSourceTerm.run(term, source, weight);
        insertSourceProfile.run(
          source,
          JSON.stringify(Object.fromEntries(words)),
          JSON.stringify(named.slice(0, 3)),
          JSON.stringify(Object.fromEntries(named.map((id, k) => [id, 6 - k]))),
          JSON.stringify([day.slice(0, 4)]),
          // No figures in its text; the month of its date, as a report names the month it happened in.
          '[]',
          JSON.stringify([MONTHS[Number(day.slice(5, 7)) - 1]]),
        );
      }
      const id = randomUUID();
      const kind = pick(next, KINDS);
      const roll = next();
      const start = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * 25 * 365) * 864e5)
        .toISOString()
        .slice(0, 10);
      const date = roll < 0.7 ? start : roll < 0.85 ? start.slice(0, 7) : null;
      const end = date === null ? null : date.length === 7 ? `${date}-28` : start;
      insertEvent.run(
        id,
        `${kind} ${e}`,
        date,
        date === null ? null : date.length === 7 ? `${date}-01` : start,
        end,
        date === null ? null : date.length === 7 ? 'month' : 'day',
        kind,
        date === null ? null : 'text',
        now,
        now,
      );
      // Popular people take part far more often than others (the long tail news has).
      for (let p = 0; p < 2 + Math.floor(next() * 2); p++) {
        const who = people[Math.floor(Math.pow(next(), 3) * PEOPLE)]!;
        insertParticipant.run(randomUUID(), id, who, p === 0 ? 'agent' : 'patient', now);
      }
      insertParticipant.run(
        randomUUID(),
        id,
        places[Math.floor(Math.pow(next(), 2) * PLACES)]!,
        'place',
        now,
      );
      insertReport.run(randomUUID(), id, source, 0, 5, now);
      const terms = Object.fromEntries(
        // An event's list: as long as its articles' words added up can be (mergeTerms), the heaviest case.
        Array.from({ length: TERMS * 2 }, (_, t) => [
          `${pick(next, WORDS)}${t}`,
          Math.round(next() * 1e3) / 1e4,
        ]),
      );
      insertProfile.run(
        id,
        JSON.stringify([kind]),
        JSON.stringify(terms),
        Math.round(next() * 100) / 100,
        e % EVENTS_PER_SOURCE === 0 ? 1 : 0,
      );
    }
  })();
}

/** Articles written from the library's names: meetings, arrests, visits and quakes in its towns. */
export function articles(): string[] {
  const next = random(99);
  const person = (): string => personName(Math.floor(Math.pow(next(), 3) * 200));
  const out: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const [a, b, c] = [person(), person(), person()];
    const town = placeName(Math.floor(next() * TOWNS.length));
    const other = placeName(Math.floor(next() * TOWNS.length));
    out.push(
      [
        `${town.toUpperCase()}, March ${1 + (i % 27)}, 2024`,
        `${a} met ${b} in ${town} on Tuesday to discuss the ${pick(next, WORDS)}, officials said.`,
        `“We agreed on the next steps,” ${a.split(' ')[1]} said after the meeting.`,
        `Police arrested ${c} in ${other} on Monday after a protest over the ${pick(next, WORDS)}.`,
        `A strong earthquake struck ${other} in February, and ${b} visited the region on Wednesday.`,
        `${c} resigned as chair of the ${pick(next, WORDS)} committee last week.`,
      ].join('\n\n'),
    );
  }
  return out;
}

/** CPU milliseconds this process spends running `fn` (steadier than wall time on a busy machine). */
function cpuMs(fn: () => void): number {
  const used = process.cpuUsage();
  fn();
  const spent = process.cpuUsage(used);
  return (spent.user + spent.system) / 1000;
}

function analysisOn(
  db: Database.Database,
  dir: string,
  matching: boolean,
  extractions: Map<string, Extraction>,
): AnalysisService {
  const ctx: CoreContext = {
    db,
    dataDir: dir,
    databasePath: db.name,
    host: 'test',
    hooks: { sourceStored: () => undefined, clipPaste: () => Promise.reject(new Error('unused')) },
  };
  return new AnalysisService(ctx, {
    eventMatching: matching ? matchModel : () => null,
    extractor: (text, options) => extractions.get(text) ?? extractArticle(text, options),
  });
}

export const eventsSuite: BenchSuite = {
  name: 'events',
  title: 'Event matching in a library of 100,000 events',
  async run() {
    const temp = makeTempDir('dossier-bench-events-');
    try {
      const base = path.join(temp.dir, 'base.sqlite');
      const built = performance.now();
      const db = openDatabase(base);
      buildLibrary(db);
      const count = (
        db.prepare(`SELECT count(*) AS n FROM entities WHERE kind = 'event'`).get() as { n: number }
      ).n;
      db.close();
      const buildSeconds = (performance.now() - built) / 1000;
      if (count !== EVENTS) throw new Error(`expected ${EVENTS} events, built ${count}`);
      const texts = articles();
      const extractions = new Map(texts.map((t) => [t, extractArticle(t, {})]));
      const copies = { off: path.join(temp.dir, 'off.sqlite'), on: path.join(temp.dir, 'on.sqlite') };
      copyFileSync(base, copies.off);
      copyFileSync(base, copies.on);
      const dbs = { off: openDatabase(copies.off), on: openDatabase(copies.on) };
      const services = {
        off: analysisOn(dbs.off, temp.dir, false, extractions),
        on: analysisOn(dbs.on, temp.dir, true, extractions),
      };
      matchModel(); // loaded before timing
      const samples = { off: [] as number[], on: [] as number[], added: [] as number[] };
      let merged = 0;
      texts.forEach((text, i) => {
        const times: Record<'off' | 'on', number> = { off: 0, on: 0 };
        // Alternate which goes first, so neither always meets a warmer cache.
        for (const mode of i % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
          const target = dbs[mode];
          const id = randomUUID() as SourceId;
          const now = new Date().toISOString();
          target
            .prepare(
              `INSERT INTO sources (id, title, published_at, published_origin, clipped_at, plain_text, word_count, created_at, updated_at)
               VALUES (?, ?, '2024-03-15', 'page', ?, ?, 80, ?, ?)`,
            )
            .run(id, `New article ${i}`, now, text, now, now);
          times[mode] = cpuMs(() => services[mode].sourceStored(id));
        }
        samples.off.push(times.off);
        samples.on.push(times.on);
        samples.added.push(times.on - times.off);
      });
      merged = (
        dbs.on
          .prepare(
            `SELECT count(DISTINCT es.event_id) AS n FROM event_sources es JOIN sources s ON s.id = es.source_id
             WHERE s.title LIKE 'New article %' AND es.event_id IN (SELECT event_id FROM event_sources es2
               JOIN sources s2 ON s2.id = es2.source_id WHERE s2.title NOT LIKE 'New article %')`,
          )
          .get() as { n: number }
      ).n;
      dbs.off.close();
      dbs.on.close();
      return {
        rows: [
          row('store an article, matching off (100k events)', samples.off, 'ms CPU', {
            note: 'mentions, quotes, events as new; extraction done beforehand',
          }),
          row('store an article, matching on (100k events)', samples.on, 'ms CPU', {
            note: 'the same, with candidates from the indexes scored by the shipped model',
          }),
          row('added by event matching, per article', samples.added, 'ms CPU', {
            target: '≤ 50 ms (median)',
            note: 'paired: matching on minus off, same article, same starting library',
          }),
        ],
        notes: [
          `Library built in ${buildSeconds.toFixed(0)} s: ${EVENTS.toLocaleString('en')} events in ${(EVENTS / EVENTS_PER_SOURCE).toLocaleString('en')} sources, ${PEOPLE.toLocaleString('en')} people, ${PLACES.toLocaleString('en')} places; ${ARTICLES} articles stored into each of two copies of it.`,
          `With matching on, ${merged} of the new articles' events were merged into library events (the articles reuse the library's names, so their people have many candidate events).`,
        ],
      };
    } finally {
      temp.remove();
    }
  },
};
