/**
 * Searches made of filters alone (`type:quote from:2019-11-01`, `site:vox.com`, `type:note`): no
 * words to rank, so each table lists what the filters let through, newest first, one page deep.
 * Sources and their quotes are read from the newest end of migration 008's `sources_by_day` index (a
 * source's day, with its id, site name and address), which the date bounds narrow and the site filter
 * is checked against, so a page costs about as many index entries as it shows (more for a rare site)
 * and never a source's row until the page is known. Notes come from `notes_live`, entities by kind.
 */
import type Database from 'better-sqlite3';
import type { EntityKind } from '../../../shared/model';
import type { EntityRow } from './lookup-repo';
import {
  DAY,
  dateClauses,
  filterParams,
  siteClause,
  type NoteRow,
  type QuoteRow,
  type SourceRow,
  type SqlFilters,
} from './search-repo';
import { Statements } from './statements';

/** Live sources passing the date and site filters, newest day first, as index entries (alias m). */
function listedSources(filters: SqlFilters): string {
  return `FROM sources m INDEXED BY sources_by_day
    WHERE m.deleted_at IS NULL${dateClauses(DAY('m'), filters)}${siteClause('m', filters)}`;
}
const NEWEST = `ORDER BY ${DAY('m')} DESC, m.seq DESC`;

/** Runs the filter-only listings on one connection. */
export class ListingRepo {
  private readonly statements: Statements;

  constructor(db: Database.Database) {
    this.statements = new Statements(db);
  }

  /** Live sources passing the filters (the speaker filter excepted), newest first. */
  sources(filters: SqlFilters, limit: number): SourceRow[] {
    const sql = `SELECT s.seq, s.id, s.title, s.site_name, coalesce(s.published_at, s.clipped_at) AS date, 0 AS bm25
      FROM (SELECT m.seq ${listedSources(filters)} ${NEWEST} LIMIT @limit) c
      CROSS JOIN sources s ON s.seq = c.seq
      ORDER BY ${DAY('s')} DESC, s.seq DESC`;
    return this.statements.all<SourceRow>(sql, filterParams(filters, { limit }));
  }

  /**
   * Quotes (not rejected) of the live sources passing the filters, newest source first, each
   * source's quotes in reading order. Quotes are found through their source (`quotes_source`), so
   * the newest sources are read first and the list stops after one page.
   */
  quotes(filters: SqlFilters, limit: number): QuoteRow[] {
    const sql = `SELECT q.id, q.text, q.span_start, q.span_end, q.source_id, s.title AS source_title,
        coalesce(s.published_at, s.clipped_at) AS date, e.id AS speaker_id, e.name AS speaker_name, 0 AS bm25
      FROM (SELECT q.seq, ${DAY('m')} AS day, m.seq AS source_seq ${listedSources(filters).replace(
        'WHERE',
        'CROSS JOIN quotes q INDEXED BY quotes_source ON q.source_id = m.id WHERE',
      )} AND q.status <> 'rejected'
        ${NEWEST}, q.span_start LIMIT @limit) c
      CROSS JOIN quotes q ON q.seq = c.seq CROSS JOIN sources s ON s.id = q.source_id
      LEFT JOIN entities e ON e.id = q.speaker_entity_id
      ORDER BY c.day DESC, c.source_seq DESC, q.span_start`;
    return this.statements.all<QuoteRow>(sql, filterParams(filters, { limit }));
  }

  /** Live notes last edited within the date filters, most recently edited first. */
  notes(filters: SqlFilters, limit: number): NoteRow[] {
    const sql = `SELECT n.seq, n.id, n.title, n.updated_at AS date, 0 AS bm25
      FROM notes n INDEXED BY notes_live
      WHERE n.deleted_at IS NULL${dateClauses('substr(n.updated_at, 1, 10)', filters)}
      ORDER BY n.updated_at DESC, n.seq DESC LIMIT @limit`;
    return this.statements.all<NoteRow>(sql, filterParams(filters, { limit }));
  }

  /**
   * Entities of `kinds` (all when empty) not merged away. With date filters only events dated within
   * them, latest first; otherwise by name, as the People and Events lists show them.
   */
  entities(kinds: readonly EntityKind[], filters: SqlFilters, limit: number): EntityRow[] {
    const dated = filters.from !== null || filters.to !== null;
    const wanted = dated ? ['event'] : kinds;
    const kindClause =
      wanted.length === 0 ? '' : ` AND e.kind IN (${wanted.map((k) => `'${k}'`).join(', ')})`;
    const sql = `SELECT e.id, e.kind, e.name, e.description, e.event_date_start AS date, 0 AS quality, e.name AS matched
      FROM entities e
      WHERE e.merged_into IS NULL${kindClause}${dated ? ` AND e.event_date_start IS NOT NULL${dateClauses('substr(e.event_date_start, 1, 10)', filters)}` : ''}
      ORDER BY ${dated ? 'e.event_date_start DESC,' : ''} e.kind, e.name LIMIT @limit`;
    return this.statements.all<EntityRow>(sql, filterParams(filters, { limit }));
  }
}
