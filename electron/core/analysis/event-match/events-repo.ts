/**
 * The SQL of events: finding the candidates a new event is compared with (through indexes only: the
 * events of each participant and place, most recent first, and the events of the same kind around the
 * same date), reading their signatures in a few batched queries, and writing events, reports,
 * participants, profiles and links (suggested / apart).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EntityId } from '../../../../shared/model';
import { StatementCache } from '../../db/statement-cache';
import { daysOf, leadKey, numbersOf, profileNumbers, type ArticleProfile } from './articles';
import type { EventSignature } from './features';
import { termsFromJson, termsToJson, type Terms } from './terms';

/** Candidates read per participant or place (its most recent events). */
const PER_ENTITY = 20;
/** Candidates read by kind around the date, and by kind among undated events. */
const PER_KIND = 25;
const PER_KIND_UNDATED = 10;
/**
 * Articles of a candidate event compared one by one with a new event's article (the most recent).
 * Cross-validated B-cubed on the ECB+ training topics (the word lists of terms.ts, 100 words): 6 articles
 * 0.909, 12 0.911, 24 and 48 0.914. (Also tried there and kept: 8 similar articles, not 4 or 16:
 * 0.903 / 0.889; the 12 heaviest words to find them, not 24: 0.906.)
 */
const SOURCES_COMPARED = 24;
/** How far before a date the same kind of event is still a candidate (days). */
const DATE_REACH = 60;
/** Similar articles whose main events are candidates for a new article's main event. */
const SIMILAR_SOURCES = 8;
/** Words of the new article the similar-article search uses (its heaviest). */
const SIMILAR_WORDS = 12;
/** Articles read per word (those where it weighs most). */
const PER_WORD = 50;

/** A library event's signature, with the sources that report it. */
export interface StoredSignature extends EventSignature {
  id: string;
  sources: ReadonlySet<string>;
  dateSource: string | null;
  /** The profiles of its most recent articles (those compared one by one), oldest first. */
  profiles?: readonly { sourceId: string; profile: ArticleProfile }[];
}

/** What a new event is looked up by. */
export interface CandidateKeys {
  kind: string;
  entityIds: readonly string[];
  range: { start: string; end: string } | null;
  /**
   * For an article's main event: the article's weighted words, to find the main events of the most
   * similar articles (through the word index `source_terms`), and the article itself, left out.
   */
  similar?: { terms: Terms; sourceId: string };
}

const now = (): string => new Date().toISOString();

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 864e5).toISOString().slice(0, 10);
}

/** Sets `signature.terms` to be parsed from `json` the first time it is read. */
function lazyTerms(signature: StoredSignature, json: string): void {
  let terms: Terms | undefined;
  Object.defineProperty(signature, 'terms', {
    configurable: true,
    enumerable: true,
    get: () => (terms ??= termsFromJson(json)),
    set: (value: Terms) => {
      terms = value;
    },
  });
}

/** Reads and writes events for matching. */
export class EventsRepo {
  private readonly byEntity: Database.Statement;
  private readonly byKindDate: Database.Statement;
  private readonly byKindUndated: Database.Statement;
  private readonly byTerm: Database.Statement;
  private readonly mainEventsOf: Database.Statement;
  /** Statements prepared once per repository (preparing one is a good part of a small query's cost). */
  private readonly statements: StatementCache;

  constructor(db: Database.Database) {
    this.statements = new StatementCache(db);
    this.byEntity = db.prepare(
      `SELECT event_id FROM event_participants WHERE entity_id = ? ORDER BY seq DESC LIMIT ${PER_ENTITY}`,
    );
    this.byKindDate = db.prepare(
      `SELECT id FROM entities WHERE kind = 'event' AND merged_into IS NULL AND event_kind = @kind
         AND event_date_start BETWEEN @from AND @to ORDER BY event_date_start DESC, seq DESC LIMIT ${PER_KIND}`,
    );
    this.byKindUndated = db.prepare(
      `SELECT id FROM entities WHERE kind = 'event' AND merged_into IS NULL AND event_kind = ?
         AND event_date_start IS NULL ORDER BY seq DESC LIMIT ${PER_KIND_UNDATED}`,
    );
    this.byTerm = db.prepare(
      `SELECT source_id, weight FROM source_terms WHERE term = ? ORDER BY weight DESC LIMIT ${PER_WORD}`,
    );
    this.mainEventsOf = db.prepare(
      `SELECT es.event_id FROM json_each(?) j CROSS JOIN event_sources es ON es.source_id = j.value
         CROSS JOIN event_profiles p ON p.event_id = es.event_id
         CROSS JOIN sources s ON s.id = es.source_id
       WHERE p.main = 1 AND s.deleted_at IS NULL
       GROUP BY es.event_id ORDER BY min(j.key), min(es.seq)`,
    );
  }

  /**
   * The articles most like one with `terms` (dot product of the weighted words, through the word
   * index: a few reads of at most {@link PER_WORD} rows each), best first, `self` left out.
   */
  similarSources(terms: Terms, self: string): string[] {
    const scores = new Map<string, number>();
    const heaviest = [...terms].sort((a, b) => b[1] - a[1]).slice(0, SIMILAR_WORDS);
    for (const [term, weight] of heaviest) {
      for (const row of this.byTerm.all(term) as { source_id: string; weight: number }[]) {
        if (row.source_id !== self)
          scores.set(row.source_id, (scores.get(row.source_id) ?? 0) + weight * row.weight);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, SIMILAR_SOURCES)
      .map(([id]) => id);
  }

  /**
   * Ids of events a new event may be: sharing a participant or place, or of its kind near its date;
   * each with how many of those keys it shares (most shared first). Bounded by the limits above,
   * however large the library.
   */
  candidates(keys: CandidateKeys): Map<string, number> {
    const hits = new Map<string, number>();
    const hit = (id: string, weight: number): void => void hits.set(id, (hits.get(id) ?? 0) + weight);
    for (const entityId of new Set(keys.entityIds)) {
      for (const row of this.byEntity.all(entityId) as { event_id: string }[]) hit(row.event_id, 1);
    }
    if (keys.range !== null) {
      const rows = this.byKindDate.all({
        kind: keys.kind,
        from: shiftDay(keys.range.start, -DATE_REACH),
        to: keys.range.end,
      }) as { id: string }[];
      for (const row of rows) hit(row.id, 1);
    }
    for (const row of this.byKindUndated.all(keys.kind) as { id: string }[]) hit(row.id, 0.5);
    if (keys.similar !== undefined) {
      const similar = this.similarSources(keys.similar.terms, keys.similar.sourceId);
      if (similar.length > 0) {
        for (const row of this.mainEventsOf.all(JSON.stringify(similar)) as { event_id: string }[])
          hit(row.event_id, 1.5);
      }
    }
    return hits;
  }

  /**
   * Signatures of the live events among `ids`. With `cache` (one store call's), events read before are
   * not read again: an article's events share most of their candidates.
   */
  signatures(
    ids: readonly string[],
    cache?: Map<string, StoredSignature | null>,
  ): Map<string, StoredSignature> {
    if (cache !== undefined) {
      const missing = ids.filter((id) => !cache.has(id));
      const loaded = this.signatures(missing);
      for (const id of missing) cache.set(id, loaded.get(id) ?? null);
      const out = new Map<string, StoredSignature>();
      for (const id of ids) {
        const signature = cache.get(id);
        if (signature) out.set(id, signature);
      }
      return out;
    }
    const result = new Map<string, StoredSignature>();
    if (ids.length === 0) return result;
    const json = JSON.stringify(ids);
    const rows = this.statements
      .get(
        // CROSS JOIN: look each id up; left free, the planner may walk the whole events index instead.
        `SELECT e.id, e.event_kind, e.event_date_start, e.event_date_end, e.event_date_source
         FROM json_each(?) j CROSS JOIN entities e ON e.id = j.value
         WHERE e.kind = 'event' AND e.merged_into IS NULL`,
      )
      .all(json) as {
      id: string;
      event_kind: string | null;
      event_date_start: string | null;
      event_date_end: string | null;
      event_date_source: string | null;
    }[];
    for (const row of rows) {
      result.set(row.id, {
        id: row.id,
        kind: row.event_kind ?? '',
        lemmas: [],
        actors: [],
        participants: [],
        places: [],
        range:
          row.event_date_start === null
            ? null
            : { start: row.event_date_start, end: row.event_date_end ?? row.event_date_start },
        articleDate: row.event_date_source === 'article',
        dateSource: row.event_date_source,
        terms: new Map(),
        salience: 0,
        main: false,
        sources: new Set(),
      });
    }
    const participants = this.statements
      .get(
        `SELECT p.event_id, p.entity_id, p.role FROM json_each(?) j
         CROSS JOIN event_participants p ON p.event_id = j.value WHERE p.status <> 'rejected'`,
      )
      .all(json) as { event_id: string; entity_id: string; role: string }[];
    for (const p of participants) {
      const s = result.get(p.event_id);
      if (s === undefined) continue;
      if (p.role === 'place') (s.places as string[]).push(p.entity_id);
      else {
        (s.participants as string[]).push(p.entity_id);
        if (p.role === 'agent' || p.role === 'patient') (s.actors as string[]).push(p.entity_id);
      }
    }
    const profiles = this.statements
      .get(
        `SELECT p.event_id, p.lemmas, p.terms, p.salience, p.main FROM json_each(?) j
         CROSS JOIN event_profiles p ON p.event_id = j.value`,
      )
      .all(json) as { event_id: string; lemmas: string; terms: string; salience: number; main: number }[];
    for (const p of profiles) {
      const s = result.get(p.event_id);
      if (s === undefined) continue;
      s.lemmas = JSON.parse(p.lemmas) as string[];
      // Read when asked: an event's own list counts only where its articles' profiles are missing or
      // when it takes a new report (mergeTerms), and parsing every candidate's was a quarter of matching.
      lazyTerms(s, p.terms);
      s.salience = p.salience;
      s.main = p.main === 1;
    }
    // Each event's articles in the order they were added (so "the most recent" is the same every run).
    const sources = this.statements
      .get(
        `SELECT es.event_id, es.source_id FROM json_each(?) j
         CROSS JOIN event_sources es ON es.event_id = j.value
         GROUP BY es.event_id, es.source_id ORDER BY min(es.seq)`,
      )
      .all(json) as { event_id: string; source_id: string }[];
    for (const row of sources)
      (result.get(row.event_id)?.sources as Set<string> | undefined)?.add(row.source_id);
    // Each event's most recent articles' profiles (one query for all of them).
    const wanted = [...new Set([...result.values()].flatMap((s) => [...s.sources].slice(-SOURCES_COMPARED)))];
    if (wanted.length > 0) {
      const profiles = this.profiles(wanted);
      for (const s of result.values()) {
        const known = [...s.sources].slice(-SOURCES_COMPARED).flatMap((id) => {
          const profile = profiles.get(id);
          return profile === undefined ? [] : [{ sourceId: id, profile }];
        });
        s.profiles = known;
        s.sourceTerms = known.map((k) => k.profile.terms);
        s.sourcePeople = known.map((k) => k.profile.people);
      }
    }
    return result;
  }

  /** The stored profiles of `sourceIds` (those that have one). */
  profiles(sourceIds: readonly string[]): Map<string, ArticleProfile> {
    const rows = this.statements
      .get(
        `SELECT p.source_id, p.terms, p.people, p.entities, p.years, p.numbers, p.days, s.published_at,
           CASE WHEN p.numbers IS NULL OR p.days IS NULL THEN s.plain_text END AS plain_text,
           (SELECT e.name FROM entities e WHERE e.id = json_extract(p.people, '$[0]')) AS lead_name
         FROM json_each(?) j
         CROSS JOIN source_profiles p ON p.source_id = j.value CROSS JOIN sources s ON s.id = p.source_id`,
      )
      .all(JSON.stringify(sourceIds)) as {
      source_id: string;
      terms: string;
      people: string;
      entities: string;
      years: string;
      numbers: string | null;
      days: string | null;
      published_at: string | null;
      plain_text: string | null;
      lead_name: string | null;
    }[];
    // A profile stored before schema 14 has no numbers or days: read from the article's text once, and
    // kept.
    for (const r of rows) {
      if (r.numbers !== null && r.days !== null) continue;
      const text = r.plain_text ?? '';
      r.numbers = JSON.stringify(profileNumbers(numbersOf(text)));
      r.days = JSON.stringify(daysOf(text));
      this.statements
        .get(`UPDATE source_profiles SET numbers = ?, days = ? WHERE source_id = ?`)
        .run(r.numbers, r.days, r.source_id);
    }
    return new Map(
      rows.map((r) => [
        r.source_id,
        {
          terms: termsFromJson(r.terms),
          people: JSON.parse(r.people) as string[],
          entities: new Map(Object.entries(JSON.parse(r.entities) as Record<string, number>)),
          years: JSON.parse(r.years) as string[],
          numbers: JSON.parse(r.numbers ?? '[]') as string[],
          days: JSON.parse(r.days ?? '[]') as string[],
          published: r.published_at,
          lead: leadKey(r.lead_name),
        },
      ]),
    );
  }

  /** An entity's name (null when there is no such entity). */
  nameOf(id: string | undefined): string | null {
    if (id === undefined) return null;
    const row = this.statements.get(`SELECT name FROM entities WHERE id = ?`).get(id) as
      { name: string } | undefined;
    return row?.name ?? null;
  }

  /** Stores what an article is compared on (its words, people, entities and years). */
  saveSourceProfile(sourceId: string, profile: Omit<ArticleProfile, 'published'>): void {
    this.statements
      .get(
        `INSERT INTO source_profiles (source_id, terms, people, entities, years, numbers, days)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_id) DO UPDATE SET terms = excluded.terms, people = excluded.people,
           entities = excluded.entities, years = excluded.years, numbers = excluded.numbers,
           days = excluded.days`,
      )
      .run(
        sourceId,
        termsToJson(profile.terms),
        JSON.stringify(profile.people),
        JSON.stringify(Object.fromEntries(profile.entities)),
        JSON.stringify(profile.years),
        JSON.stringify(profile.numbers ?? []),
        JSON.stringify(profile.days ?? []),
      );
    this.statements.get(`DELETE FROM source_terms WHERE source_id = ?`).run(sourceId);
    const insert = this.statements.get(`INSERT INTO source_terms (term, source_id, weight) VALUES (?, ?, ?)`);
    for (const [term, weight] of profile.terms) insert.run(term, sourceId, weight);
  }

  /** Whether the user said two events are different happenings. */
  apart(a: string, b: string): boolean {
    return (
      this.statements
        .get(
          `SELECT 1 FROM event_links WHERE kind = 'apart' AND ((event_id = ? AND other_id = ?) OR (event_id = ? AND other_id = ?))`,
        )
        .get(a, b, b, a) !== undefined
    );
  }

  /** Links `a` to `b` as a suggested match (the higher score wins; never over an 'apart'). */
  suggest(a: string, b: string, score: number): void {
    if (a === b || this.apart(a, b)) return;
    const [first, second] = a < b ? [a, b] : [b, a];
    this.statements
      .get(
        `INSERT INTO event_links (id, event_id, other_id, kind, score, origin, created_at)
         VALUES (?, ?, ?, 'suggested', ?, 'auto', ?)
         ON CONFLICT (event_id, other_id) DO UPDATE SET score = max(coalesce(score, 0), excluded.score)
           WHERE kind = 'suggested'`,
      )
      .run(randomUUID(), first, second, Math.round(score * 1000) / 1000, now());
  }

  /** Records the user's word that two events are different happenings (and drops any suggestion). */
  setApart(a: string, b: string): void {
    const [first, second] = a < b ? [a, b] : [b, a];
    this.statements
      .get(`DELETE FROM event_links WHERE (event_id = ? AND other_id = ?) OR (event_id = ? AND other_id = ?)`)
      .run(first, second, second, first);
    this.statements
      .get(
        `INSERT INTO event_links (id, event_id, other_id, kind, score, origin, created_at)
         VALUES (?, ?, ?, 'apart', NULL, 'user', ?)`,
      )
      .run(randomUUID(), first, second, now());
  }

  /** Suggested matches of an event, best first (live events only). */
  suggestions(id: string): { id: EntityId; score: number }[] {
    return (
      this.statements
        .get(
          `SELECT CASE WHEN l.event_id = @id THEN l.other_id ELSE l.event_id END AS other, l.score
           FROM event_links l JOIN entities e ON e.id = (CASE WHEN l.event_id = @id THEN l.other_id ELSE l.event_id END)
           WHERE (l.event_id = @id OR l.other_id = @id) AND l.kind = 'suggested' AND e.merged_into IS NULL
           ORDER BY l.score DESC LIMIT 10`,
        )
        .all({ id }) as { other: EntityId; score: number }[]
    ).map((r) => ({ id: r.other, score: r.score }));
  }

  /** Adds a participant (person, organisation) or place (role 'place') to an event, once per role. */
  addParticipant(eventId: string, entityId: string, role: string): void {
    if (eventId === entityId) return;
    this.statements
      .get(
        `INSERT INTO event_participants (id, event_id, entity_id, role, origin, created_at)
         VALUES (?, ?, ?, ?, 'auto', ?) ON CONFLICT (event_id, entity_id, role) DO NOTHING`,
      )
      .run(randomUUID(), eventId, entityId, role, now());
  }

  /** Stores or replaces an event's profile. */
  saveProfile(
    eventId: string,
    lemmas: readonly string[],
    terms: Terms,
    salience: number,
    main: boolean,
  ): void {
    this.statements
      .get(
        `INSERT INTO event_profiles (event_id, lemmas, terms, salience, main) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (event_id) DO UPDATE SET lemmas = excluded.lemmas, terms = excluded.terms,
           salience = excluded.salience, main = excluded.main`,
      )
      .run(eventId, JSON.stringify([...new Set(lemmas)].sort()), termsToJson(terms), salience, main ? 1 : 0);
  }

  /** Sets an event's date when it has none of its own yet (none, or only its article's month). */
  improveDate(
    eventId: string,
    date: { value: string; start: string; end: string; precision: string; source: string },
  ): void {
    this.statements
      .get(
        `UPDATE entities SET event_date = @value, event_date_start = @start, event_date_end = @end,
           event_precision = @precision, event_date_source = @source
         WHERE id = @id AND (event_date_start IS NULL OR event_date_source = 'article')`,
      )
      .run({ id: eventId, ...date });
  }

  /** Sets an event's date outright (null clears it). */
  setDate(
    eventId: string,
    date: {
      value: string | null;
      start: string | null;
      end: string | null;
      precision: string | null;
      source: string | null;
    },
  ): void {
    this.statements
      .get(
        `UPDATE entities SET event_date = @value, event_date_start = @start, event_date_end = @end,
           event_precision = @precision, event_date_source = @source WHERE id = @id`,
      )
      .run({ id: eventId, ...date });
  }

  /** The auto reports a source had (event and passage), to give re-extracted events their old identity. */
  reportsOf(sourceId: string): { eventId: string; start: number; end: number }[] {
    return (
      this.statements
        .get(
          `SELECT event_id, span_start, span_end FROM event_sources
           WHERE source_id = ? AND quote_id IS NULL AND span_start IS NOT NULL`,
        )
        .all(sourceId) as { event_id: string; span_start: number; span_end: number }[]
    ).map((r) => ({ eventId: r.event_id, start: r.span_start, end: r.span_end }));
  }
}
