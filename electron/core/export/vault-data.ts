/**
 * What the Obsidian vault export reads from a notebook: live notes and sources, the entities that were
 * not merged away (a merged one's references follow it to the entity it was merged into), their
 * aliases, quotes, mentions, event participants and reports. Read-only; run inside one read transaction.
 */
import type Database from 'better-sqlite3';
import type { EntityKind } from '../../../shared/model';
import { plainTextSql } from '../db/source-parts';

export interface VaultNote {
  id: string;
  title: string;
  content: string;
  created_at: string;
  updated_at: string;
}

export interface VaultSource {
  id: string;
  title: string;
  url: string | null;
  byline: string | null;
  site_name: string | null;
  published_at: string | null;
  clipped_at: string;
  plain_text: string;
}

export interface VaultEntity {
  id: string;
  kind: EntityKind;
  name: string;
  description: string;
  event_date: string | null;
  event_date_start: string | null;
  event_date_end: string | null;
  event_precision: string | null;
  event_place: string | null;
}

export interface VaultQuote {
  id: string;
  source_id: string;
  text: string;
  /** The speaker, already followed through merges; null when unattributed. */
  speaker_id: string | null;
  /** Publication (or, lacking one, clip) date of its source: the quote's date. */
  said_at: string;
}

export interface VaultImage {
  id: string;
  mime: string;
  data: Buffer;
}

/** Everything the vault shows, loaded once. */
export interface VaultData {
  notes: VaultNote[];
  sources: VaultSource[];
  entities: VaultEntity[];
  /** Follows `merged_into` to the surviving entity; the id itself when it was never merged. */
  canonical(entityId: string): string;
  aliases: Map<string, string[]>;
  /** Quotes of live sources that were not rejected, by publication date, then by position. */
  quotes: VaultQuote[];
  /** Live sources each entity is mentioned in (not rejected). */
  sourcesMentioning: Map<string, Set<string>>;
  /** Live notes that mention or link each entity. */
  notesMentioning: Map<string, Set<string>>;
  /** The entities each note mentions or links (for its tags), followed through merges. */
  entitiesOfNote: Map<string, string[]>;
  participants: Map<string, { entityId: string; role: string }[]>;
  /** Sources that report each event, with the quote that reports it when known. */
  reports: Map<string, { sourceId: string; quoteId: string | null }[]>;
  images(sourceId: string): VaultImage[];
}

function groupBy<T, V>(rows: T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(value(row));
    else out.set(key(row), [value(row)]);
  }
  return out;
}

/** Reads what the vault needs from `db`. */
export function readVaultData(db: Database.Database): VaultData {
  const merged = new Map(
    (
      db.prepare('SELECT id, merged_into FROM entities WHERE merged_into IS NOT NULL').all() as {
        id: string;
        merged_into: string;
      }[]
    ).map((r) => [r.id, r.merged_into]),
  );
  const canonical = (id: string): string => {
    let current = id;
    // Bounded: a cycle of merges (which the schema cannot rule out) must not hang the export.
    for (let i = 0; i < 100 && merged.has(current); i++) current = merged.get(current)!;
    return current;
  };
  const notes = db
    .prepare(
      `SELECT id, title, content, created_at, updated_at FROM notes WHERE deleted_at IS NULL
       ORDER BY created_at, seq`,
    )
    .all() as VaultNote[];
  const sources = db
    .prepare(
      `SELECT id, title, COALESCE(canonical_url, url) AS url, byline, site_name, published_at, clipped_at,
         ${plainTextSql('s')} AS plain_text FROM sources s WHERE deleted_at IS NULL ORDER BY clipped_at, seq`,
    )
    .all() as VaultSource[];
  const entities = db
    .prepare(
      `SELECT id, kind, name, description, event_date, event_date_start, event_date_end, event_precision,
         event_place FROM entities WHERE merged_into IS NULL ORDER BY kind, name, id`,
    )
    .all() as VaultEntity[];
  const aliasRows = db.prepare('SELECT entity_id, alias FROM entity_aliases ORDER BY alias').all() as {
    entity_id: string;
    alias: string;
  }[];
  const quotes = (
    db
      .prepare(
        `SELECT q.id, q.source_id, q.text, q.speaker_entity_id AS speaker_id,
           COALESCE(s.published_at, s.clipped_at) AS said_at
         FROM quotes q JOIN sources s ON s.id = q.source_id
         WHERE q.status <> 'rejected' AND s.deleted_at IS NULL
         ORDER BY said_at, s.seq, q.span_start`,
      )
      .all() as VaultQuote[]
  ).map((q) => ({ ...q, speaker_id: q.speaker_id === null ? null : canonical(q.speaker_id) }));
  const mentionRows = db
    .prepare(
      `SELECT DISTINCT m.entity_id, m.source_id FROM mentions m JOIN sources s ON s.id = m.source_id
       WHERE m.status <> 'rejected' AND s.deleted_at IS NULL`,
    )
    .all() as { entity_id: string; source_id: string }[];
  const noteLinkRows = db
    .prepare(
      `SELECT DISTINCT l.to_entity_id AS entity_id, l.from_note_id AS note_id FROM links l
       JOIN notes n ON n.id = l.from_note_id WHERE l.to_entity_id IS NOT NULL AND n.deleted_at IS NULL`,
    )
    .all() as { entity_id: string; note_id: string }[];
  const sourcesMentioning = new Map<string, Set<string>>();
  for (const row of mentionRows) {
    const id = canonical(row.entity_id);
    if (!sourcesMentioning.has(id)) sourcesMentioning.set(id, new Set());
    sourcesMentioning.get(id)!.add(row.source_id);
  }
  const notesMentioning = new Map<string, Set<string>>();
  for (const row of noteLinkRows) {
    const id = canonical(row.entity_id);
    if (!notesMentioning.has(id)) notesMentioning.set(id, new Set());
    notesMentioning.get(id)!.add(row.note_id);
  }
  const entityOfNoteRows = db
    .prepare(
      `SELECT DISTINCT from_note_id AS note_id, to_entity_id AS entity_id FROM links
       WHERE from_note_id IS NOT NULL AND to_entity_id IS NOT NULL ORDER BY 1, 2`,
    )
    .all() as { note_id: string; entity_id: string }[];
  const participantRows = db
    .prepare(
      `SELECT event_id, entity_id, role FROM event_participants WHERE status <> 'rejected' ORDER BY seq`,
    )
    .all() as { event_id: string; entity_id: string; role: string }[];
  const reportRows = db
    .prepare(
      `SELECT es.event_id, es.source_id, es.quote_id FROM event_sources es JOIN sources s ON s.id = es.source_id
       WHERE es.status <> 'rejected' AND s.deleted_at IS NULL ORDER BY COALESCE(s.published_at, s.clipped_at), es.seq`,
    )
    .all() as { event_id: string; source_id: string; quote_id: string | null }[];
  const imageQuery = db.prepare<[string], VaultImage>(
    'SELECT id, mime, data FROM source_images WHERE source_id = ? ORDER BY seq',
  );
  return {
    notes,
    sources,
    entities,
    canonical,
    aliases: groupBy(
      aliasRows,
      (r) => canonical(r.entity_id),
      (r) => r.alias,
    ),
    quotes,
    sourcesMentioning,
    notesMentioning,
    entitiesOfNote: groupBy(
      entityOfNoteRows,
      (r) => r.note_id,
      (r) => canonical(r.entity_id),
    ),
    participants: groupBy(
      participantRows,
      (r) => canonical(r.event_id),
      (r) => ({ entityId: canonical(r.entity_id), role: r.role }),
    ),
    reports: groupBy(
      reportRows,
      (r) => canonical(r.event_id),
      (r) => ({ sourceId: r.source_id, quoteId: r.quote_id }),
    ),
    images: (sourceId) => imageQuery.all(sourceId),
  };
}
