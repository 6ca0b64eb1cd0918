/**
 * The rows that anchor entities in a source: mentions, quotes, event participants and event reports.
 * Writes and the API views (MentionView, QuoteView, EventView) built from them.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventView, MentionView, QuoteKind, QuoteView } from '../../../shared/areas/analysis';
import { StatementCache } from '../db/statement-cache';
import { eventViews } from './event-views';
import { sourceRef } from './source-ref';
import type {
  EntityId,
  EntityKind,
  MentionId,
  Origin,
  QuoteId,
  ReviewStatus,
  SourceId,
} from '../../../shared/model';

/** A mention to store. */
export interface NewMention {
  entityId: string;
  sourceId: string;
  start: number;
  end: number;
  text: string;
  origin: Origin;
  status: ReviewStatus;
}

/** A quote to store. */
export interface NewQuote {
  sourceId: string;
  start: number;
  end: number;
  text: string;
  speakerId: string | null;
  speakerSpan: [number, number] | null;
  cue: string | null;
  confidence: number;
  rule: string | null;
  kind: QuoteKind;
  origin: Origin;
  status: ReviewStatus;
  /** Why the extractor chose the speaker, in plain words; omitted for quotes marked by hand. */
  evidence?: readonly string[];
}

interface QuoteRow {
  id: QuoteId;
  source_id: SourceId;
  span_start: number;
  span_end: number;
  text: string;
  kind: QuoteKind;
  speaker_entity_id: EntityId | null;
  speaker_name: string | null;
  speaker_span_start: number | null;
  speaker_span_end: number | null;
  cue: string | null;
  confidence: number | null;
  rule: string | null;
  evidence: string | null;
  status: ReviewStatus;
  origin: Origin;
  title: string;
  site_name: string | null;
  url: string | null;
  published_at: string | null;
  event_id: EntityId | null;
  event_name: string | null;
}

interface MentionRow {
  id: MentionId;
  entity_id: EntityId;
  entity_name: string;
  entity_kind: EntityKind;
  span_start: number;
  span_end: number;
  text: string;
  status: ReviewStatus;
  origin: Origin;
}

/** SELECT of everything a QuoteView needs; callers add WHERE / ORDER BY. */
export const QUOTE_SELECT = `SELECT q.id, q.source_id, q.span_start, q.span_end, q.text, q.kind, q.speaker_entity_id,
  sp.name AS speaker_name, q.speaker_span_start, q.speaker_span_end, q.cue, q.confidence, q.rule, q.evidence,
  q.status, q.origin,
  s.title, s.site_name, s.url, s.published_at,
  (SELECT es.event_id FROM event_sources es WHERE es.quote_id = q.id ORDER BY es.seq LIMIT 1) AS event_id,
  (SELECT ev.name FROM event_sources es JOIN entities ev ON ev.id = es.event_id
     WHERE es.quote_id = q.id ORDER BY es.seq LIMIT 1) AS event_name
  FROM quotes q JOIN sources s ON s.id = q.source_id LEFT JOIN entities sp ON sp.id = q.speaker_entity_id`;

const MENTION_SELECT = `SELECT m.id, m.entity_id, e.name AS entity_name, e.kind AS entity_kind, m.span_start,
  m.span_end, m.text, m.status, m.origin FROM mentions m JOIN entities e ON e.id = m.entity_id`;

const now = (): string => new Date().toISOString();

/** The API's view of a quote row. */
export function toQuoteView(row: QuoteRow): QuoteView {
  return {
    id: row.id,
    source: sourceRef(row),
    start: row.span_start,
    end: row.span_end,
    text: row.text,
    kind: row.kind,
    speaker:
      row.speaker_entity_id === null ? null : { id: row.speaker_entity_id, name: row.speaker_name ?? '' },
    speakerSpan:
      row.speaker_span_start === null || row.speaker_span_end === null
        ? null
        : { start: row.speaker_span_start, end: row.speaker_span_end },
    cue: row.cue,
    confidence: row.confidence ?? 1,
    rule: row.rule,
    evidence: evidenceOf(row.evidence),
    status: row.status,
    origin: row.origin,
    event: row.event_id === null ? null : { id: row.event_id, name: row.event_name ?? '' },
  };
}

/** The stored evidence (a JSON array of strings), or none when absent or unreadable. */
function evidenceOf(stored: string | null): string[] {
  if (stored === null) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function toMentionView(row: MentionRow): MentionView {
  return {
    id: row.id,
    entityId: row.entity_id,
    entityName: row.entity_name,
    entityKind: row.entity_kind,
    start: row.span_start,
    end: row.span_end,
    text: row.text,
    status: row.status,
    origin: row.origin,
  };
}

/** Reads and writes mentions, quotes and event links. */
export class FindingsRepo {
  private readonly statements: StatementCache;

  constructor(private readonly db: Database.Database) {
    this.statements = new StatementCache(db);
  }

  /** Stores a mention; returns its id. */
  insertMention(m: NewMention): MentionId {
    const id = randomUUID() as MentionId;
    const at = now();
    this.statements
      .get(
        `INSERT INTO mentions (id, entity_id, source_id, span_start, span_end, text, origin, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, m.entityId, m.sourceId, m.start, m.end, m.text, m.origin, m.status, at, at);
    return id;
  }

  /** Stores a quote; returns its id. */
  insertQuote(q: NewQuote): QuoteId {
    const id = randomUUID() as QuoteId;
    const at = now();
    this.statements
      .get(
        `INSERT INTO quotes (id, source_id, span_start, span_end, text, speaker_entity_id, speaker_span_start,
           speaker_span_end, cue, confidence, rule, evidence, kind, status, origin, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        q.sourceId,
        q.start,
        q.end,
        q.text,
        q.speakerId,
        q.speakerSpan?.[0] ?? null,
        q.speakerSpan?.[1] ?? null,
        q.cue,
        q.confidence,
        q.rule,
        q.evidence === undefined || q.evidence.length === 0 ? null : JSON.stringify(q.evidence),
        q.kind,
        q.status,
        q.origin,
        at,
        at,
      );
    return id;
  }

  /** Links an event to a participant (once per event and entity). */
  addParticipant(eventId: string, entityId: string, origin: Origin): void {
    if (eventId === entityId) return;
    this.statements
      .get(
        `INSERT INTO event_participants (id, event_id, entity_id, role, origin, created_at)
         VALUES (?, ?, ?, '', ?, ?) ON CONFLICT (event_id, entity_id, role) DO NOTHING`,
      )
      .run(randomUUID(), eventId, entityId, origin, now());
  }

  /** Records that `sourceId` reports an event, at `span`, possibly through a quote. */
  addEventSource(
    eventId: string,
    sourceId: string,
    span: [number, number] | null,
    quoteId: string | null,
  ): void {
    this.statements
      .get(
        `INSERT INTO event_sources (id, event_id, source_id, quote_id, span_start, span_end, origin, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'auto', ?)`,
      )
      .run(randomUUID(), eventId, sourceId, quoteId, span?.[0] ?? null, span?.[1] ?? null, now());
  }

  /** Ids of the (live) participants of an event. */
  participantIds(eventId: string): string[] {
    return this.statements
      .get(`SELECT entity_id FROM event_participants WHERE event_id = ? AND status <> 'rejected'`)
      .all(eventId)
      .map((r) => (r as { entity_id: string }).entity_id);
  }

  /**
   * Removes what the extractor wrote for a source (user rows stay) and returns the entities those rows
   * touched, so their counts can be refreshed and orphans tidied.
   */
  deleteAuto(sourceId: string): Set<string> {
    const touched = new Set<string>();
    const collect = (sql: string): void => {
      for (const row of this.db.prepare(sql).all(sourceId)) touched.add((row as { id: string }).id);
    };
    collect(`SELECT DISTINCT entity_id AS id FROM mentions WHERE source_id = ? AND origin = 'auto'`);
    collect(
      `SELECT DISTINCT speaker_entity_id AS id FROM quotes WHERE source_id = ? AND origin = 'auto' AND speaker_entity_id IS NOT NULL`,
    );
    collect(`SELECT DISTINCT event_id AS id FROM event_sources WHERE source_id = ? AND origin = 'auto'`);
    this.db.prepare(`DELETE FROM event_sources WHERE source_id = ? AND origin = 'auto'`).run(sourceId);
    this.db.prepare(`DELETE FROM mentions WHERE source_id = ? AND origin = 'auto'`).run(sourceId);
    this.db.prepare(`DELETE FROM quotes WHERE source_id = ? AND origin = 'auto'`).run(sourceId);
    return touched;
  }

  /** Deletes auto entities among `ids` that nothing refers to any more. Returns how many went. */
  deleteOrphans(ids: Iterable<string>): number {
    const remove = this.db.prepare(
      `DELETE FROM entities WHERE id = @id AND origin = 'auto' AND merged_into IS NULL
         AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = @id)
         AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_entity_id = @id)
         AND NOT EXISTS (SELECT 1 FROM event_sources WHERE event_id = @id)
         AND NOT EXISTS (SELECT 1 FROM event_participants WHERE entity_id = @id AND origin = 'user')
         AND NOT EXISTS (SELECT 1 FROM links WHERE to_entity_id = @id)
         AND NOT EXISTS (SELECT 1 FROM entities m WHERE m.merged_into = @id)
         AND NOT EXISTS (SELECT 1 FROM entity_aliases WHERE entity_id = @id AND origin = 'user')`,
    );
    let removed = 0;
    for (const id of new Set(ids)) removed += remove.run({ id }).changes;
    return removed;
  }

  /** User-made (origin 'user') quote and mention spans of a source, to keep the extractor from doubling them. */
  userSpans(sourceId: string): { quotes: Set<string>; mentions: Set<string> } {
    const spans = (sql: string): Set<string> =>
      new Set(
        this.db
          .prepare(sql)
          .all(sourceId)
          .map((r) => {
            const row = r as { span_start: number; span_end: number };
            return `${row.span_start}:${row.span_end}`;
          }),
      );
    return {
      quotes: spans(`SELECT span_start, span_end FROM quotes WHERE source_id = ? AND origin = 'user'`),
      mentions: spans(`SELECT span_start, span_end FROM mentions WHERE source_id = ? AND origin = 'user'`),
    };
  }

  /** One quote's view, or undefined. */
  quote(id: string): QuoteView | undefined {
    const row = this.db.prepare(`${QUOTE_SELECT} WHERE q.id = ?`).get(id) as QuoteRow | undefined;
    return row && toQuoteView(row);
  }

  /** Quote views from any `WHERE ... ORDER BY ... LIMIT` tail over QUOTE_SELECT. */
  quotesWhere(tail: string, params: Record<string, unknown> | unknown[]): QuoteView[] {
    return (this.db.prepare(`${QUOTE_SELECT} ${tail}`).all(params) as QuoteRow[]).map(toQuoteView);
  }

  /** One mention's view, or undefined. */
  mention(id: string): MentionView | undefined {
    const row = this.db.prepare(`${MENTION_SELECT} WHERE m.id = ?`).get(id) as MentionRow | undefined;
    return row && toMentionView(row);
  }

  /** Every mention of a source, in text order. */
  mentionsOf(sourceId: string): MentionView[] {
    return (
      this.db
        .prepare(`${MENTION_SELECT} WHERE m.source_id = ? ORDER BY m.span_start, m.span_end`)
        .all(sourceId) as MentionRow[]
    ).map(toMentionView);
  }

  /** Every quote of a source, in text order. */
  quotesOf(sourceId: string): QuoteView[] {
    return this.quotesWhere(`WHERE q.source_id = ? ORDER BY q.span_start, q.span_end`, [sourceId]);
  }

  /** Event views of `ids` (in that order), with participants and live reports. */
  events(ids: readonly string[]): EventView[] {
    return eventViews(this.db, ids);
  }
}
