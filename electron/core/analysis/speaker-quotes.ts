/**
 * The quotes and sources of an entity page, a page at a time, built to stay fast for thousands of each
 * (issue 5: a person with 5,000 quotes under 100 ms). Each page is found from covering indexes
 * (schema 6) without reading the quote rows, then only its rows are read; the next page continues
 * after a given item (keyset paging), so rejecting a quote between two pages skips nothing.
 */
import type Database from 'better-sqlite3';
import type { EntitySourceRow, QuoteView } from '../../../shared/areas/analysis';
import { ApiError } from '../../../shared/errors';
import type { FindingsRepo } from './findings-repo';
import { sourceRef } from './source-ref';

/** When a source is dated: its publication date, or when it was clipped. */
const WHEN = 'coalesce(s.published_at, s.clipped_at)';
/** The quotes' order: oldest source first, then by position; `seq` makes the order total. */
const QUOTE_ORDER = `${WHEN}, q.source_id, q.span_start, q.seq`;

/**
 * The live quotes of the entity: a speaker's own, or for an event the ones reporting it. CROSS JOIN
 * keeps the planner starting from the entity's quotes: left to itself it may scan every source.
 */
function quoteScope(isEvent: boolean): string {
  const who = isEvent
    ? 'q.id IN (SELECT quote_id FROM event_sources WHERE event_id = @id AND quote_id IS NOT NULL)'
    : 'q.speaker_entity_id = @id';
  return `FROM quotes q CROSS JOIN sources s ON s.id = q.source_id
    WHERE ${who} AND q.status <> 'rejected' AND s.deleted_at IS NULL`;
}

/** The sources of the entity, with each one's mentions of it (for an event: its reports). */
function sourceScope(isEvent: boolean): string {
  return isEvent
    ? `FROM event_sources m CROSS JOIN sources s ON s.id = m.source_id
       WHERE m.event_id = @id AND m.status <> 'rejected' AND s.deleted_at IS NULL`
    : `FROM mentions m CROSS JOIN sources s ON s.id = m.source_id
       WHERE m.entity_id = @id AND m.source_id IS NOT NULL AND m.status <> 'rejected' AND s.deleted_at IS NULL`;
}

/** Reads an entity page's quotes and sources in pages. */
export class EntityLists {
  constructor(
    private readonly db: Database.Database,
    private readonly findings: FindingsRepo,
  ) {}

  /** How many live quotes the entity has. */
  quoteCount(id: string, isEvent: boolean): number {
    return (this.db.prepare(`SELECT count(*) AS n ${quoteScope(isEvent)}`).get({ id }) as { n: number }).n;
  }

  /**
   * Up to `limit` quotes in page order, after the quote `after` when given. NOT_FOUND when `after` is
   * no quote at all (it may have been deleted with its source): the caller reloads the page.
   */
  quotes(id: string, isEvent: boolean, limit: number, after?: string): QuoteView[] {
    let cursor = '';
    const params: Record<string, unknown> = { id, limit };
    if (after !== undefined) {
      const key = this.db
        .prepare(
          `SELECT ${WHEN} AS w, q.source_id AS src, q.span_start AS start, q.seq AS seq
           FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ?`,
        )
        .get(after) as { w: string; src: string; start: number; seq: number } | undefined;
      if (key === undefined) throw gone('quote', after);
      Object.assign(params, key);
      cursor = `AND (${WHEN}, q.source_id, q.span_start, q.seq) > (@w, @src, @start, @seq)`;
    }
    // Find the page's quotes from the indexes first, then read only those rows in full.
    return this.findings.quotesWhere(
      `WHERE q.seq IN (SELECT q.seq ${quoteScope(isEvent)} ${cursor} ORDER BY ${QUOTE_ORDER} LIMIT @limit)
       ORDER BY ${QUOTE_ORDER}`,
      params,
    );
  }

  /** How many live sources mention the entity (for an event: report it). */
  sourceCount(id: string, isEvent: boolean): number {
    return (
      this.db.prepare(`SELECT count(DISTINCT m.source_id) AS n ${sourceScope(isEvent)}`).get({ id }) as {
        n: number;
      }
    ).n;
  }

  /** Up to `limit` sources, newest first, after the source `after` when given. */
  sources(id: string, isEvent: boolean, limit: number, after?: string): EntitySourceRow[] {
    let cursor = '';
    const params: Record<string, unknown> = { id, limit };
    if (after !== undefined) {
      const key = this.db.prepare(`SELECT published_at AS p, seq FROM sources WHERE id = ?`).get(after) as
        { p: string | null; seq: number } | undefined;
      if (key === undefined) throw gone('source', after);
      Object.assign(params, key);
      // After it in "published_at DESC NULLS LAST, seq DESC": older, undated, or same date and older row.
      cursor = `AND (CASE WHEN @p IS NULL THEN s.published_at IS NULL AND s.seq < @seq
                     ELSE s.published_at < @p OR s.published_at IS NULL OR (s.published_at = @p AND s.seq < @seq) END)`;
    }
    const rows = this.db
      .prepare(
        `SELECT m.source_id, count(*) AS n, min(m.span_start) AS start, m.span_end AS end,
           s.title, s.site_name, s.url, s.published_at
         ${sourceScope(isEvent)} ${cursor}
         GROUP BY m.source_id ORDER BY s.published_at DESC NULLS LAST, s.seq DESC LIMIT @limit`,
      )
      .all(params) as {
      source_id: string;
      n: number;
      start: number | null;
      end: number | null;
      title: string;
      site_name: string | null;
      url: string | null;
      published_at: string | null;
    }[];
    return rows.map((r) => ({
      source: sourceRef(r),
      mentionCount: r.n,
      firstMention: r.start === null || r.end === null ? null : { start: r.start, end: r.end },
    }));
  }
}

function gone(what: 'quote' | 'source', id: string): ApiError {
  return new ApiError(
    'NOT_FOUND',
    `The ${what} the list continues after no longer exists. Reload the page to see the list as it is now.`,
    { id },
  );
}
