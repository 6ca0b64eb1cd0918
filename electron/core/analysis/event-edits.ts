/**
 * The user's edits of events beyond rename and merge (entity-edits.ts): keeping two events apart and
 * splitting some reports off an event. Both are recorded in user_decisions and survive re-extraction:
 * a split moves the reports themselves (re-extraction gives a mention the event its old report
 * belongs to), and 'apart' links keep the matcher from merging the two again.
 */
import type Database from 'better-sqlite3';
import type { EntitySummary } from '../../../shared/areas/analysis';
import { ApiError } from '../../../shared/errors';
import type { EntityId, SourceId } from '../../../shared/model';
import { DecisionsRepo } from './decisions-repo';
import { EntitiesRepo, type EntityRow } from './entities-repo';
import { EventsRepo } from './event-match/events-repo';

/** Applies separations and splits of events. */
export class EventEdits {
  private readonly entities: EntitiesRepo;
  private readonly events: EventsRepo;
  private readonly decisions: DecisionsRepo;

  constructor(private readonly db: Database.Database) {
    this.entities = new EntitiesRepo(db);
    this.events = new EventsRepo(db);
    this.decisions = new DecisionsRepo(db);
  }

  private event(method: string, id: string): EntityRow {
    const row = this.entities.live(id);
    if (row.kind !== 'event') {
      throw new ApiError('INVALID_ARGUMENT', `${method}: "${row.name}" is a ${row.kind}, not an event.`);
    }
    return row;
  }

  /** Marks two events as different happenings. */
  separate(id: EntityId, otherId: EntityId): void {
    this.db
      .transaction(() => {
        const a = this.event('separateEvents', id);
        const b = this.event('separateEvents', otherId);
        if (a.id === b.id) {
          throw new ApiError(
            'INVALID_ARGUMENT',
            'separateEvents: these are one event already (one was merged into the other). Split it instead.',
          );
        }
        this.events.setApart(a.id, b.id);
        this.decisions.record('event-apart', { eventId: a.id, otherId: b.id });
      })
      .immediate();
  }

  /** Moves the reports and quotes of `sourceIds` to a new event named `name`, kept apart from the first. */
  split(id: EntityId, sourceIds: SourceId[], name: string): EntitySummary {
    return this.db
      .transaction(() => {
        const row = this.event('splitEvent', id);
        const json = JSON.stringify(sourceIds);
        const moving = (
          this.db
            .prepare(
              `SELECT count(DISTINCT source_id) AS n FROM event_sources
               WHERE event_id = ? AND source_id IN (SELECT value FROM json_each(?))`,
            )
            .get(row.id, json) as { n: number }
        ).n;
        const all = (
          this.db
            .prepare(`SELECT count(DISTINCT source_id) AS n FROM event_sources WHERE event_id = ?`)
            .get(row.id) as {
            n: number;
          }
        ).n;
        if (moving === 0) {
          throw new ApiError(
            'INVALID_ARGUMENT',
            `splitEvent: none of those sources reports "${row.name}". Nothing was changed.`,
          );
        }
        if (moving === all) {
          throw new ApiError(
            'INVALID_ARGUMENT',
            `splitEvent: moving every source of "${row.name}" would leave nothing behind; rename it instead.`,
          );
        }
        const created = this.entities.create('event', name, 'user', {
          date: row.event_date,
          start: row.event_date_start,
          end: row.event_date_end,
          precision: row.event_precision,
          place: row.event_place,
        });
        this.db
          .prepare(
            `UPDATE entities SET event_kind = ?, event_date_source = (SELECT event_date_source FROM entities WHERE id = ?) WHERE id = ?`,
          )
          .run(row.event_kind ?? null, row.id, created.id);
        this.db
          .prepare(
            `UPDATE event_sources SET event_id = ? WHERE event_id = ? AND source_id IN (SELECT value FROM json_each(?))`,
          )
          .run(created.id, row.id, json);
        // Who takes part goes along: the split-off reports are about the same people as the event's.
        this.db
          .prepare(
            `INSERT OR IGNORE INTO event_participants (id, event_id, entity_id, role, origin, status, created_at)
             SELECT lower(hex(randomblob(16))), ?, entity_id, role, origin, status, created_at
             FROM event_participants WHERE event_id = ?`,
          )
          .run(created.id, row.id);
        this.db
          .prepare(
            `INSERT INTO event_profiles (event_id, lemmas, terms, salience, main)
             SELECT ?, lemmas, terms, salience, main FROM event_profiles WHERE event_id = ?`,
          )
          .run(created.id, row.id);
        this.events.setApart(row.id, created.id);
        this.decisions.record('event-split', { eventId: row.id, newEventId: created.id, sourceIds, name });
        this.entities.refreshStats([row.id, created.id]);
        return this.entities.summary(created.id);
      })
      .immediate();
  }
}
