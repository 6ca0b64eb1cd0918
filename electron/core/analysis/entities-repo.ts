/**
 * The entities and entity_aliases tables: creating entities, resolving names to them, the typeahead,
 * the stored counts, and the rows a rename, merge or split moves. Every name an entity goes by,
 * its own name included, is an alias row, so one index answers "who is called X".
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EntitySummary } from '../../../shared/areas/analysis';
import { ApiError } from '../../../shared/errors';
import type { EntityId, EntityKind, Origin } from '../../../shared/model';
import { StatementCache } from '../db/statement-cache';
import { nameMatchKey, normalizeName } from './names';

/** An entities row as the analysis area reads it. */
export interface EntityRow {
  id: EntityId;
  kind: EntityKind;
  name: string;
  description: string;
  origin: Origin;
  name_origin: Origin;
  merged_into: EntityId | null;
  mention_count: number;
  quote_count: number;
  source_count: number;
  event_date: string | null;
  event_date_start: string | null;
  event_date_end: string | null;
  event_precision: string | null;
  event_place: string | null;
  /** Schema 8: the kind of happening and where its date came from. */
  event_kind?: string | null;
  event_date_source?: string | null;
}

/** Event fields of a new kind='event' entity. */
export interface EventFields {
  date: string | null;
  start: string | null;
  end: string | null;
  precision: string | null;
  place: string | null;
}

const now = (): string => new Date().toISOString();

/** Every word of `query` as an FTS5 prefix term; null when no word is left. */
function prefixQuery(query: string): string | null {
  const words = normalizeName(query)
    .split(' ')
    .filter((w) => w !== '');
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

/** Reads and writes entities and their aliases. */
export class EntitiesRepo {
  private readonly statements: StatementCache;

  constructor(private readonly db: Database.Database) {
    this.statements = new StatementCache(db);
  }

  /** The row of `id` (merged or not), or undefined. */
  find(id: string): EntityRow | undefined {
    return this.db.prepare(`SELECT * FROM entities WHERE id = ?`).get(id) as EntityRow | undefined;
  }

  /** The row of `id`; NOT_FOUND when unknown. */
  get(id: string): EntityRow {
    const row = this.find(id);
    if (row === undefined) {
      throw new ApiError(
        'NOT_FOUND',
        `No person, place, organisation or event has the id ${id}. Reload the list.`,
      );
    }
    return row;
  }

  /** The live entity `id` stands for: itself, or the entity it was (transitively) merged into. */
  live(id: string): EntityRow {
    let row = this.get(id);
    for (let hops = 0; row.merged_into !== null && hops < 100; hops++) row = this.get(row.merged_into);
    return row;
  }

  /** Creates an entity with `name` as its first alias. */
  create(kind: EntityKind, name: string, origin: Origin, event?: EventFields): EntityRow {
    const id = randomUUID() as EntityId;
    const at = now();
    this.db
      .prepare(
        `INSERT INTO entities (id, kind, name, origin, name_origin, event_date, event_date_start, event_date_end,
           event_precision, event_place, created_at, updated_at)
         VALUES (@id, @kind, @name, @origin, @origin, @date, @start, @end, @precision, @place, @at, @at)`,
      )
      .run({
        id,
        kind,
        name,
        origin,
        at,
        date: event?.date ?? null,
        start: event?.start ?? null,
        end: event?.end ?? null,
        precision: event?.precision ?? null,
        place: event?.place ?? null,
      });
    this.addAlias(id, name, origin);
    return this.get(id);
  }

  /** Adds `alias` to an entity unless it already has that (folded) name. */
  addAlias(entityId: string, alias: string, origin: Origin): void {
    const normalized = normalizeName(alias);
    if (normalized === '') return;
    this.db
      .prepare(
        `INSERT INTO entity_aliases (id, entity_id, alias, normalized, match_key, origin, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id, normalized) DO NOTHING`,
      )
      .run(randomUUID(), entityId, alias, normalized, nameMatchKey(alias), origin, now());
  }

  /** Every alias of an entity, its name included. */
  aliases(entityId: string): { alias: string; normalized: string; origin: Origin }[] {
    return this.db
      .prepare(`SELECT alias, normalized, origin FROM entity_aliases WHERE entity_id = ? ORDER BY seq`)
      .all(entityId) as { alias: string; normalized: string; origin: Origin }[];
  }

  /** Live entities of `kind` with an alias whose match key is `key`, most sources first. */
  byMatchKey(kind: EntityKind, key: string): (EntityRow & { alias_origin: Origin; alias_words: string })[] {
    return this.statements
      .get(
        `SELECT e.*, a.origin AS alias_origin, a.normalized AS alias_words FROM entity_aliases a
         JOIN entities e ON e.id = a.entity_id
         WHERE a.match_key = ? AND e.kind = ? AND e.merged_into IS NULL
         ORDER BY e.source_count DESC, e.seq`,
      )
      .all(key, kind) as (EntityRow & { alias_origin: Origin; alias_words: string })[];
  }

  /**
   * Live people whose own name ends in `surname` (match keys compared), most sources first: found
   * through the alias word index, so a person never called by the bare surname is found too.
   */
  peopleBySurname(surname: string): EntityRow[] {
    const word = normalizeName(surname).split(' ').pop() ?? '';
    if (word === '') return [];
    const key = nameMatchKey(word);
    const rows = this.db
      .prepare(
        `SELECT DISTINCT e.* FROM entity_aliases_fts f JOIN entity_aliases a ON a.seq = f.rowid
         JOIN entities e ON e.id = a.entity_id
         WHERE entity_aliases_fts MATCH ? AND e.kind = 'person' AND e.merged_into IS NULL
         ORDER BY e.source_count DESC, e.seq`,
      )
      .all(`"${word}"`) as EntityRow[];
    return rows.filter((row) => nameMatchKey(normalizeName(row.name).split(' ').pop() ?? '') === key);
  }

  /** The live entity of `kind` whose own name folds to `name`'s fold, if any. */
  findByName(kind: EntityKind, name: string): EntityRow | undefined {
    const normalized = normalizeName(name);
    const rows = this.db
      .prepare(
        `SELECT e.* FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
         WHERE a.normalized = ? AND e.kind = ? AND e.merged_into IS NULL ORDER BY e.seq`,
      )
      .all(normalized, kind) as EntityRow[];
    return rows.find((row) => normalizeName(row.name) === normalized);
  }

  /** Sets the display name (kept as an alias too). */
  setName(id: string, name: string, nameOrigin: Origin): void {
    this.db
      .prepare(`UPDATE entities SET name = ?, name_origin = ?, updated_at = ? WHERE id = ?`)
      .run(name, nameOrigin, now(), id);
    this.addAlias(id, name, nameOrigin);
  }

  /** Recounts the stored mention, quote and source counts of `ids` (rejected rows and trashed sources not counted). */
  refreshStats(ids: Iterable<string>): void {
    const update = this.db.prepare(
      `UPDATE entities SET
         mention_count = (SELECT count(*) FROM mentions m LEFT JOIN sources s ON s.id = m.source_id
           WHERE m.entity_id = @id AND m.status <> 'rejected' AND (m.source_id IS NULL OR s.deleted_at IS NULL)),
         quote_count = (SELECT count(*) FROM quotes q JOIN sources s ON s.id = q.source_id
           WHERE q.speaker_entity_id = @id AND q.status <> 'rejected' AND s.deleted_at IS NULL),
         source_count = (SELECT count(*) FROM (
           SELECT m.source_id FROM mentions m WHERE m.entity_id = @id AND m.status <> 'rejected' AND m.source_id IS NOT NULL
           UNION SELECT q.source_id FROM quotes q WHERE q.speaker_entity_id = @id AND q.status <> 'rejected'
           UNION SELECT es.source_id FROM event_sources es WHERE es.event_id = @id AND es.status <> 'rejected') u
           JOIN sources s ON s.id = u.source_id WHERE s.deleted_at IS NULL)
       WHERE id = @id`,
    );
    for (const id of new Set(ids)) update.run({ id });
  }

  /** Summaries of `ids`, in the same order (unknown ids skipped). */
  summaries(ids: readonly string[]): EntitySummary[] {
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    const rows = this.db
      .prepare(`SELECT * FROM entities WHERE id IN (SELECT value FROM json_each(?))`)
      .all(json) as EntityRow[];
    const aliases = this.db
      .prepare(
        `SELECT entity_id, alias, normalized FROM entity_aliases
         WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      )
      .all(json) as { entity_id: string; alias: string; normalized: string }[];
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (row === undefined) return [];
      const own = normalizeName(row.name);
      const names = aliases.filter((a) => a.entity_id === id && a.normalized !== own).map((a) => a.alias);
      return [toSummary(row, names)];
    });
  }

  /** One summary; NOT_FOUND when unknown. */
  summary(id: string): EntitySummary {
    this.get(id);
    return this.summaries([id])[0]!;
  }

  /**
   * Live entities, most mentioned first. With `query`, only those with a name or alias having words
   * that start with each query word (through the alias prefix index, never a scan of mentions).
   */
  list(kinds: readonly EntityKind[], query: string | undefined, limit: number): EntitySummary[] {
    const kindClause = kinds.length === 0 ? '' : ` AND e.kind IN (SELECT value FROM json_each(@kinds))`;
    const match = query === undefined ? null : prefixQuery(query);
    if (query !== undefined && match === null) return [];
    const sql =
      match === null
        ? `SELECT e.id FROM entities e WHERE e.merged_into IS NULL${kindClause}
           ORDER BY e.mention_count DESC, e.source_count DESC, e.name LIMIT @limit`
        : `SELECT e.id FROM entity_aliases_fts f JOIN entity_aliases a ON a.seq = f.rowid
           JOIN entities e ON e.id = a.entity_id
           WHERE entity_aliases_fts MATCH @match AND e.merged_into IS NULL${kindClause}
           GROUP BY e.id ORDER BY e.mention_count DESC, e.source_count DESC, e.name LIMIT @limit`;
    const ids = this.db
      .prepare(sql)
      .all({ kinds: JSON.stringify(kinds), match, limit })
      .map((row) => (row as { id: string }).id);
    return this.summaries(ids);
  }
}

/** The API's view of a row. */
export function toSummary(row: EntityRow, aliases: string[]): EntitySummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    aliases,
    mentionCount: row.mention_count,
    quoteCount: row.quote_count,
    sourceCount: row.source_count,
  };
}
