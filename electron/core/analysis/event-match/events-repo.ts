/**
 * The SQL of events: finding the candidates a new event is compared with (through indexes only: the
 * events of each participant and place, most recent first, and the events of the same kind around the
 * same date), reading their signatures in a few batched queries, and writing events, reports,
 * participants, profiles and links (suggested / apart).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EntityId } from '../../../../shared/model';
import type { EventSignature } from './features';
import { termsFromJson, termsToJson, type Terms } from './terms';

/** Candidates read per participant or place (its most recent events). */
const PER_ENTITY = 25;
/** Candidates read by kind around the date, and by kind among undated events. */
const PER_KIND = 25;
const PER_KIND_UNDATED = 10;
/** How far before a date the same kind of event is still a candidate (days). */
const DATE_REACH = 60;

/** A library event's signature, with the sources that report it. */
export interface StoredSignature extends EventSignature {
  id: string;
  sources: ReadonlySet<string>;
  dateSource: string | null;
}

/** What a new event is looked up by. */
export interface CandidateKeys {
  kind: string;
  entityIds: readonly string[];
  range: { start: string; end: string } | null;
}

const now = (): string => new Date().toISOString();

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 864e5).toISOString().slice(0, 10);
}

/** Reads and writes events for matching. */
export class EventsRepo {
  private readonly byEntity: Database.Statement;
  private readonly byKindDate: Database.Statement;
  private readonly byKindUndated: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.byEntity = db.prepare(
      `SELECT event_id FROM event_participants WHERE entity_id = ? ORDER BY seq DESC LIMIT ${PER_ENTITY}`,
    );
    this.byKindDate = db.prepare(
      `SELECT id FROM entities WHERE kind = 'event' AND merged_into IS NULL AND event_kind = @kind
         AND event_date_start BETWEEN @from AND @to ORDER BY event_date_start DESC LIMIT ${PER_KIND}`,
    );
    this.byKindUndated = db.prepare(
      `SELECT id FROM entities WHERE kind = 'event' AND merged_into IS NULL AND event_kind = ?
         AND event_date_start IS NULL ORDER BY seq DESC LIMIT ${PER_KIND_UNDATED}`,
    );
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
    return hits;
  }

  /** Signatures of the live events among `ids`. */
  signatures(ids: readonly string[]): Map<string, StoredSignature> {
    const result = new Map<string, StoredSignature>();
    if (ids.length === 0) return result;
    const json = JSON.stringify(ids);
    const rows = this.db
      .prepare(
        `SELECT id, event_kind, event_date_start, event_date_end, event_date_source FROM entities
         WHERE id IN (SELECT value FROM json_each(?)) AND kind = 'event' AND merged_into IS NULL`,
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
        sources: new Set(),
      });
    }
    const participants = this.db
      .prepare(
        `SELECT event_id, entity_id, role FROM event_participants
         WHERE event_id IN (SELECT value FROM json_each(?)) AND status <> 'rejected'`,
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
    const profiles = this.db
      .prepare(
        `SELECT event_id, lemmas, terms, salience FROM event_profiles WHERE event_id IN (SELECT value FROM json_each(?))`,
      )
      .all(json) as { event_id: string; lemmas: string; terms: string; salience: number }[];
    for (const p of profiles) {
      const s = result.get(p.event_id);
      if (s === undefined) continue;
      s.lemmas = JSON.parse(p.lemmas) as string[];
      s.terms = termsFromJson(p.terms);
      s.salience = p.salience;
    }
    const sources = this.db
      .prepare(
        `SELECT DISTINCT event_id, source_id FROM event_sources WHERE event_id IN (SELECT value FROM json_each(?))`,
      )
      .all(json) as { event_id: string; source_id: string }[];
    for (const row of sources)
      (result.get(row.event_id)?.sources as Set<string> | undefined)?.add(row.source_id);
    return result;
  }

  /** Whether the user said two events are different happenings. */
  apart(a: string, b: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM event_links WHERE kind = 'apart' AND ((event_id = ? AND other_id = ?) OR (event_id = ? AND other_id = ?))`,
        )
        .get(a, b, b, a) !== undefined
    );
  }

  /** Links `a` to `b` as a suggested match (the higher score wins; never over an 'apart'). */
  suggest(a: string, b: string, score: number): void {
    if (a === b || this.apart(a, b)) return;
    const [first, second] = a < b ? [a, b] : [b, a];
    this.db
      .prepare(
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
    this.db
      .prepare(
        `DELETE FROM event_links WHERE (event_id = ? AND other_id = ?) OR (event_id = ? AND other_id = ?)`,
      )
      .run(first, second, second, first);
    this.db
      .prepare(
        `INSERT INTO event_links (id, event_id, other_id, kind, score, origin, created_at)
         VALUES (?, ?, ?, 'apart', NULL, 'user', ?)`,
      )
      .run(randomUUID(), first, second, now());
  }

  /** Suggested matches of an event, best first (live events only). */
  suggestions(id: string): { id: EntityId; score: number }[] {
    return (
      this.db
        .prepare(
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
    this.db
      .prepare(
        `INSERT INTO event_participants (id, event_id, entity_id, role, origin, created_at)
         VALUES (?, ?, ?, ?, 'auto', ?) ON CONFLICT (event_id, entity_id, role) DO NOTHING`,
      )
      .run(randomUUID(), eventId, entityId, role, now());
  }

  /** Stores or replaces an event's profile. */
  saveProfile(eventId: string, lemmas: readonly string[], terms: Terms, salience: number): void {
    this.db
      .prepare(
        `INSERT INTO event_profiles (event_id, lemmas, terms, salience) VALUES (?, ?, ?, ?)
         ON CONFLICT (event_id) DO UPDATE SET lemmas = excluded.lemmas, terms = excluded.terms, salience = excluded.salience`,
      )
      .run(eventId, JSON.stringify([...new Set(lemmas)].sort()), termsToJson(terms), salience);
  }

  /** Sets an event's date when it has none of its own yet (none, or only its article's month). */
  improveDate(
    eventId: string,
    date: { value: string; start: string; end: string; precision: string; source: string },
  ): void {
    this.db
      .prepare(
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
    this.db
      .prepare(
        `UPDATE entities SET event_date = @value, event_date_start = @start, event_date_end = @end,
           event_precision = @precision, event_date_source = @source WHERE id = @id`,
      )
      .run({ id: eventId, ...date });
  }

  /** The auto reports a source had (event and passage), to give re-extracted events their old identity. */
  reportsOf(sourceId: string): { eventId: string; start: number; end: number }[] {
    return (
      this.db
        .prepare(
          `SELECT event_id, span_start, span_end FROM event_sources
           WHERE source_id = ? AND quote_id IS NULL AND span_start IS NOT NULL`,
        )
        .all(sourceId) as { event_id: string; span_start: number; span_end: number }[]
    ).map((r) => ({ eventId: r.event_id, start: r.span_start, end: r.span_end }));
  }
}
