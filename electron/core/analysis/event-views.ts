/** Events as the API shows them: date, place, participants and where they are reported. */
import type Database from 'better-sqlite3';
import type { DatePrecision, EventRole, EventView } from '../../../shared/areas/analysis';
import type { EntityId, EntityKind, QuoteId } from '../../../shared/model';
import { sourceRef } from './source-ref';

/** Event views of `ids` (in that order), with participants and live reports. */
export function eventViews(db: Database.Database, ids: readonly string[]): EventView[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const rows = db
    .prepare(
      `SELECT id, name, event_date, event_date_start, event_date_end, event_precision, event_place, event_kind,
         event_date_source FROM entities WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(json) as {
    event_kind: string | null;
    event_date_source: EventView['dateSource'];
    id: EntityId;
    name: string;
    event_date: string | null;
    event_date_start: string | null;
    event_date_end: string | null;
    event_precision: DatePrecision | null;
    event_place: string | null;
  }[];
  const participants = db
    .prepare(
      `SELECT p.event_id, e.id, e.name, e.kind, p.role FROM event_participants p JOIN entities e ON e.id = p.entity_id
       WHERE p.event_id IN (SELECT value FROM json_each(?)) AND p.status <> 'rejected' AND p.role <> 'place'
       ORDER BY CASE p.role WHEN 'agent' THEN 0 WHEN 'patient' THEN 1 ELSE 2 END, p.seq`,
    )
    .all(json) as { event_id: string; id: EntityId; name: string; kind: EntityKind; role: string }[];
  const reports = db
    .prepare(
      `SELECT es.event_id, es.source_id, es.span_start, es.span_end, es.quote_id, es.status,
         s.title, s.site_name, s.url, s.published_at
       FROM event_sources es JOIN sources s ON s.id = es.source_id
       WHERE es.event_id IN (SELECT value FROM json_each(?)) AND s.deleted_at IS NULL AND es.quote_id IS NULL
       ORDER BY s.published_at, es.seq`,
    )
    .all(json) as {
    event_id: string;
    source_id: string;
    span_start: number | null;
    span_end: number | null;
    quote_id: QuoteId | null;
    status: string;
    title: string;
    site_name: string | null;
    url: string | null;
    published_at: string | null;
  }[];
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (row === undefined) return [];
    const own = reports.filter((r) => r.event_id === id);
    const status: EventView['status'] = own.some((r) => r.status === 'confirmed')
      ? 'confirmed'
      : own.length > 0 && own.every((r) => r.status === 'rejected')
        ? 'rejected'
        : 'suggested';
    return [
      {
        id: row.id,
        name: row.name,
        date: row.event_date,
        dateStart: row.event_date_start,
        dateEnd: row.event_date_end,
        precision: row.event_precision,
        place: row.event_place,
        participants: [
          ...new Map(
            participants
              .filter((p) => p.event_id === id)
              .reverse()
              .map((p) => [p.id, { id: p.id, name: p.name, kind: p.kind, role: roleOf(p.role) }]),
          ).values(),
        ].reverse(),
        reports: own.map((r) => ({
          source: sourceRef(r),
          span:
            r.span_start === null || r.span_end === null ? null : { start: r.span_start, end: r.span_end },
          quoteId: r.quote_id,
        })),
        status,
        kind: row.event_kind,
        dateSource: row.event_date_source,
        sourceCount: new Set(own.map((r) => r.source_id)).size,
      },
    ];
  });
}

function roleOf(role: string): EventRole {
  return role === 'agent' || role === 'patient' ? role : 'other';
}
