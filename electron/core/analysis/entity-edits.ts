/**
 * The user's edits of entities: rename, merge and split. Each one moves rows between entities in one
 * transaction and is recorded in user_decisions. They survive re-extraction because they change the
 * alias table the extractor's names are resolved through:
 * - a rename keeps the old name as an alias, so the extractor's "Vladimir Putin" still lands here;
 * - a merge moves every alias to the surviving entity (and marks the others merged_into it);
 * - a split moves aliases to the new entity as user aliases, which outrank the extractor's grouping.
 */
import type Database from 'better-sqlite3';
import type { EntitySummary } from '../../../shared/areas/analysis';
import { ApiError } from '../../../shared/errors';
import type { EntityId } from '../../../shared/model';
import { DecisionsRepo } from './decisions-repo';
import { EntitiesRepo } from './entities-repo';
import { normalizeName, wordCount } from './names';

/** Applies renames, merges and splits. */
export class EntityEdits {
  private readonly entities: EntitiesRepo;
  private readonly decisions: DecisionsRepo;

  constructor(private readonly db: Database.Database) {
    this.entities = new EntitiesRepo(db);
    this.decisions = new DecisionsRepo(db);
  }

  /** Renames an entity; the old name stays an alias. */
  rename(id: EntityId, name: string): EntitySummary {
    return this.db
      .transaction(() => {
        const row = this.entities.live(id);
        if (row.name !== name) {
          this.entities.setName(row.id, name, 'user');
          this.decisions.record('rename', { entityId: row.id, from: row.name, to: name });
        }
        return this.entities.summary(row.id);
      })
      .immediate();
  }

  /** Merges `from` into `into`: aliases, mentions, quotes, participants, reports and links move. */
  merge(intoId: EntityId, fromIds: EntityId[]): EntitySummary {
    return this.db
      .transaction(() => {
        const into = this.entities.live(intoId);
        const froms = [...new Set(fromIds.map((id) => this.entities.live(id)))].filter(
          (r) => r.id !== into.id,
        );
        const seen = new Set<string>();
        for (const from of froms) {
          if (seen.has(from.id)) continue;
          seen.add(from.id);
          if (from.kind !== into.kind) {
            throw new ApiError(
              'INVALID_ARGUMENT',
              `mergeEntities: "${from.name}" is a ${from.kind} and "${into.name}" a ${into.kind}; only entities ` +
                'of the same kind can be merged. Nothing was changed.',
            );
          }
          this.move(from.id, into.id);
        }
        this.decisions.record('merge', { into: into.id, from: [...seen] });
        this.entities.refreshStats([into.id, ...seen]);
        return this.entities.summary(into.id);
      })
      .immediate();
  }

  /**
   * Moves everything of `from` to `into` and marks `from` merged, recording no decision (the caller's
   * transaction; the matcher uses it for events it is sure are one).
   */
  move(from: string, into: string): void {
    const run = (sql: string): void => void this.db.prepare(sql).run({ from, into });
    // Aliases both have stay once (UNIQUE (entity_id, normalized)); the rest move.
    run(`DELETE FROM entity_aliases WHERE entity_id = @from
           AND normalized IN (SELECT normalized FROM entity_aliases WHERE entity_id = @into)`);
    run(`UPDATE entity_aliases SET entity_id = @into WHERE entity_id = @from`);
    run(`UPDATE mentions SET entity_id = @into WHERE entity_id = @from`);
    run(`UPDATE quotes SET speaker_entity_id = @into WHERE speaker_entity_id = @from`);
    run(
      `UPDATE OR IGNORE event_participants SET entity_id = @into WHERE entity_id = @from AND event_id <> @into`,
    );
    run(`DELETE FROM event_participants WHERE entity_id = @from`);
    run(
      `UPDATE OR IGNORE event_participants SET event_id = @into WHERE event_id = @from AND entity_id <> @into`,
    );
    run(`DELETE FROM event_participants WHERE event_id = @from`);
    run(`UPDATE event_sources SET event_id = @into WHERE event_id = @from`);
    run(`UPDATE links SET to_entity_id = @into WHERE to_entity_id = @from`);
    run(`UPDATE entities SET merged_into = @into WHERE merged_into = @from`);
    run(
      `UPDATE entities SET merged_into = @into, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE id = @from`,
    );
  }

  /** Moves `aliases` of an entity, and the mentions and attributions written that way, to a new entity. */
  split(id: EntityId, aliases: string[], name: string): EntitySummary {
    return this.db
      .transaction(() => {
        const row = this.entities.live(id);
        const own = this.entities.aliases(row.id);
        const moving = new Set(aliases.map(normalizeName));
        const unknown = aliases.filter((a) => !own.some((o) => o.normalized === normalizeName(a)));
        if (unknown.length > 0) {
          throw new ApiError(
            'INVALID_ARGUMENT',
            `splitEntity: "${row.name}" is not called ${unknown.map((a) => `"${a}"`).join(', ')}. ` +
              'Pick names from its list of aliases. Nothing was changed.',
          );
        }
        const staying = own.filter((o) => !moving.has(o.normalized));
        if (staying.length === 0) {
          throw new ApiError(
            'INVALID_ARGUMENT',
            `splitEntity: moving every name of "${row.name}" would leave nothing behind; rename it instead.`,
          );
        }
        const created = this.entities.create(row.kind, name, 'user');
        for (const key of moving) {
          this.db
            .prepare(`DELETE FROM entity_aliases WHERE entity_id = ? AND normalized = ?`)
            .run(created.id, key);
          this.db
            .prepare(
              `UPDATE entity_aliases SET entity_id = ?, origin = 'user' WHERE entity_id = ? AND normalized = ?`,
            )
            .run(created.id, row.id, key);
        }
        this.entities.addAlias(created.id, name, 'user');
        this.db.prepare(`UPDATE entity_aliases SET origin = 'user' WHERE entity_id = ?`).run(created.id);
        if (moving.has(normalizeName(row.name))) {
          // Its own name went; it keeps the fullest name it has left.
          const next = [...staying].sort((a, b) => wordCount(b.alias) - wordCount(a.alias))[0]!;
          this.db.prepare(`UPDATE entities SET name = ? WHERE id = ?`).run(next.alias, row.id);
        }
        this.moveWrittenAs(row.id, created.id, moving);
        this.decisions.record('split', { entityId: row.id, newEntityId: created.id, aliases, name });
        this.entities.refreshStats([row.id, created.id]);
        return this.entities.summary(created.id);
      })
      .immediate();
  }

  /** Moves mentions whose words fold to a moved alias, and quotes whose speaker was named by one of them. */
  private moveWrittenAs(from: string, into: string, moving: Set<string>): void {
    const mentions = this.db
      .prepare(`SELECT id, source_id, span_start, span_end, text FROM mentions WHERE entity_id = ?`)
      .all(from) as {
      id: string;
      source_id: string | null;
      span_start: number;
      span_end: number;
      text: string;
    }[];
    const moveMention = this.db.prepare(`UPDATE mentions SET entity_id = ? WHERE id = ?`);
    const moveQuotes = this.db.prepare(
      `UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ? AND source_id = ?
         AND speaker_span_start = ? AND speaker_span_end = ?`,
    );
    for (const m of mentions) {
      if (!moving.has(normalizeName(m.text))) continue;
      moveMention.run(into, m.id);
      if (m.source_id !== null) moveQuotes.run(into, from, m.source_id, m.span_start, m.span_end);
    }
  }
}
