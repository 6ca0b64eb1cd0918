/**
 * Every SQL statement of search. Each table is ranked by its own FTS5 index (bm25 with column
 * weights) and filtered by joins in the
 * same statement, so a filter never means fetching a large set and discarding most of it.
 * Statements are built from a few fixed fragments (never from user text) and prepared once each.
 */
import type Database from 'better-sqlite3';
import type { EntityKind } from '../../../shared/model';

/** Filters that apply in SQL. Dates are YYYY-MM-DD, inclusive. */
export interface SqlFilters {
  from: string | null;
  to: string | null;
  /** Lower-case part of a site name or URL. */
  site: string | null;
  /** Entity ids the speaker filter resolved to (null: no speaker filter). */
  speakers: string[] | null;
}

export interface SourceRow {
  seq: number;
  id: string;
  title: string;
  site_name: string | null;
  date: string | null;
  /** bm25 of the row (lower is better); 0 when it was not ranked by text. */
  bm25: number;
}

export interface NoteRow {
  seq: number;
  id: string;
  title: string;
  date: string;
  /** bm25 of the row (lower is better); 0 when it was not ranked by text. */
  bm25: number;
}

export interface QuoteRow {
  id: string;
  text: string;
  span_start: number;
  span_end: number;
  source_id: string;
  source_title: string;
  date: string | null;
  speaker_id: string | null;
  speaker_name: string | null;
  /** bm25 of the row (lower is better); 0 when it was not ranked by text. */
  bm25: number;
}

export interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  description: string;
  date: string | null;
  /** 3: a name equals the query, 2: a name starts with it, 1: its words start with the query's words. */
  quality: number;
  /** The alias that matched best (may be the name). */
  matched: string;
}

/** How many of the newest matches (that pass the filters) each table ranks; see SearchRepo.ranked. */
export const RANK_WINDOW = 500;

// Title outweighs byline, which outweighs body text.
// bm25() in the select list, not FTS5's `rank` column: ORDER BY rank makes FTS5 rank every match in
// an inner query that ignores the rowid window, while bm25() is computed only for rows in the window.
const SOURCE_RANK = 'bm25(sources_fts, 10.0, 3.0, 1.0)';
const NOTE_RANK = 'bm25(notes_fts, 10.0, 1.0)';
const QUOTE_RANK = 'bm25(quotes_fts, 1.0, 0.2)';

const SPEAKERS = 'SELECT value FROM json_each(@speakers)';
const SOURCE_DATE = 'substr(coalesce(s.published_at, s.clipped_at), 1, 10)';

function dateClauses(column: string, filters: SqlFilters): string {
  return (
    (filters.from === null ? '' : ` AND ${column} >= @from`) +
    (filters.to === null ? '' : ` AND ${column} <= @to`)
  );
}

function siteClause(filters: SqlFilters): string {
  return filters.site === null
    ? ''
    : ` AND (lower(coalesce(s.site_name, '')) LIKE @site ESCAPE '\\' OR lower(coalesce(s.url, '')) LIKE @site ESCAPE '\\')`;
}

/** Filtered queries rank a window this many times smaller (see SearchRepo.ranked). */
const FILTERED_WINDOW_DIVISOR = 4;

function isFiltered(filters: SqlFilters): boolean {
  return filters.from !== null || filters.to !== null || filters.site !== null || filters.speakers !== null;
}

/** `%text%` for LIKE, with LIKE's own wildcards escaped. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Runs search statements on one connection; statements are cached by their (fixed-fragment) SQL. */
export class SearchRepo {
  private readonly statements = new Map<string, Database.Statement>();

  /** `rankWindow`: how many of the newest matches each table ranks (tests make it small). */
  constructor(
    private readonly db: Database.Database,
    private readonly rankWindow: number = RANK_WINDOW,
  ) {}

  private all<T>(sql: string, params: Record<string, unknown>): T[] {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    // better-sqlite3 refuses named parameters the statement does not use, so pass only those.
    const used: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params)) if (sql.includes(`@${key}`)) used[key] = value;
    return statement.all(used) as T[];
  }

  private params(filters: SqlFilters, extra: Record<string, unknown>): Record<string, unknown> {
    return {
      from: filters.from,
      to: filters.to,
      site: filters.site === null ? null : likeContains(filters.site),
      speakers: JSON.stringify(filters.speakers ?? []),
      ...extra,
    };
  }

  /**
   * Wraps a statement that lists matches newest first (`inner`, which must select a `bm25` column and
   * end with ORDER BY rowid DESC) so that only the newest {@link RANK_WINDOW} matches that pass the
   * filters are ranked: bm25 costs several microseconds per row (it reads each row's column sizes and
   * match positions), so ranking every row a common word matches in 100k sources would take hundreds
   * of milliseconds. The result is exact whenever fewer rows match; for broader queries it is the
   * best-ranked among the most recently added matches, which is what a researcher usually wants.
   */
  private ranked<T>(inner: string, params: Record<string, unknown>, filtered: boolean): T[] {
    const sql = `SELECT * FROM (${inner} LIMIT @window) ORDER BY bm25 LIMIT @limit`;
    // A filter makes each row that passes cost several rows scanned; the user has narrowed the query
    // already, so a smaller window keeps the time near that of an unfiltered query.
    const window = filtered
      ? Math.max(1, Math.floor(this.rankWindow / FILTERED_WINDOW_DIVISOR))
      : this.rankWindow;
    return this.all<T>(sql, { ...params, window });
  }

  /** Live sources matching `match`, best first. */
  sources(match: string, filters: SqlFilters, limit: number): SourceRow[] {
    const speaker =
      filters.speakers === null
        ? ''
        : ` AND EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = s.id AND q.status <> 'rejected'
              AND q.speaker_entity_id IN (${SPEAKERS}))`;
    const sql = `SELECT s.seq, s.id, s.title, s.site_name, coalesce(s.published_at, s.clipped_at) AS date, ${SOURCE_RANK} AS bm25
      FROM sources_fts CROSS JOIN sources s ON s.seq = sources_fts.rowid
      WHERE sources_fts MATCH @match
        AND s.deleted_at IS NULL ${dateClauses(SOURCE_DATE, filters)}${siteClause(filters)}${speaker}
      ORDER BY sources_fts.rowid DESC`;
    return this.ranked<SourceRow>(sql, this.params(filters, { match, limit }), isFiltered(filters));
  }

  /** Live notes matching `match`, best first. With a speaker filter: notes that link to or mention them. */
  notes(match: string, filters: SqlFilters, limit: number): NoteRow[] {
    const speaker =
      filters.speakers === null
        ? ''
        : ` AND (EXISTS (SELECT 1 FROM links l WHERE l.from_note_id = n.id AND (l.to_entity_id IN (${SPEAKERS})
              OR l.to_quote_id IN (SELECT q.id FROM quotes q WHERE q.speaker_entity_id IN (${SPEAKERS}))))
            OR EXISTS (SELECT 1 FROM mentions m WHERE m.note_id = n.id AND m.entity_id IN (${SPEAKERS})))`;
    const sql = `SELECT n.seq, n.id, n.title, n.updated_at AS date, ${NOTE_RANK} AS bm25
      FROM notes_fts CROSS JOIN notes n ON n.seq = notes_fts.rowid
      WHERE notes_fts MATCH @match
        AND n.deleted_at IS NULL ${dateClauses('substr(n.updated_at, 1, 10)', filters)}${speaker}
      ORDER BY notes_fts.rowid DESC`;
    return this.ranked<NoteRow>(sql, this.params(filters, { match, limit }), isFiltered(filters));
  }

  /** Quotes (not rejected, in live sources) matching `match`, or all of the speakers' when `match` is null. */
  quotes(match: string | null, filters: SqlFilters, limit: number): QuoteRow[] {
    const speaker = filters.speakers === null ? '' : ` AND q.speaker_entity_id IN (${SPEAKERS})`;
    const columns = `q.id, q.text, q.span_start, q.span_end, q.source_id, s.title AS source_title,
      coalesce(s.published_at, s.clipped_at) AS date, e.id AS speaker_id, e.name AS speaker_name`;
    const where = `q.status <> 'rejected' AND s.deleted_at IS NULL
      ${dateClauses(SOURCE_DATE, filters)}${siteClause(filters)}${speaker}`;
    if (match === null) {
      const sql = `SELECT ${columns}, 0 AS bm25 FROM quotes q JOIN sources s ON s.id = q.source_id
          LEFT JOIN entities e ON e.id = q.speaker_entity_id
        WHERE ${where} ORDER BY date DESC, q.seq LIMIT @limit`;
      return this.all<QuoteRow>(sql, this.params(filters, { limit }));
    }
    const sql = `SELECT ${columns}, ${QUOTE_RANK} AS bm25
      FROM quotes_fts CROSS JOIN quotes q ON q.seq = quotes_fts.rowid
        CROSS JOIN sources s ON s.id = q.source_id LEFT JOIN entities e ON e.id = q.speaker_entity_id
      WHERE quotes_fts MATCH @match AND ${where}
      ORDER BY quotes_fts.rowid DESC`;
    return this.ranked<QuoteRow>(sql, this.params(filters, { match, limit }), isFiltered(filters));
  }

  /**
   * Entities (not merged away) whose name or an alias has words starting with each of `words`
   * (folded), best match first. `phrase` is the whole query, for the exact-name bonus.
   */
  entities(words: readonly string[], kinds: readonly EntityKind[], limit: number): EntityRow[] {
    if (words.length === 0) return [];
    const params: Record<string, unknown> = {
      limit,
      phrase: words.join(' '),
      phrasePrefix: `${words.join(' ').replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    };
    const conditions = words.map((word, i) => {
      params[`w${i}`] = `% ${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return `(' ' || n.folded) LIKE @w${i} ESCAPE '\\'`;
    });
    const kindClause = kinds.length === 0 ? '' : ` AND e.kind IN (${kinds.map((k) => `'${k}'`).join(', ')})`;
    // Names and aliases as one list of (entity, folded name); aliases are folded by the extractor,
    // names by lower() (ASCII only, which is what the LIKEs above compare against anyway).
    const sql = `WITH names AS (
        SELECT e.id AS entity_id, e.name AS label, lower(e.name) AS folded FROM entities e WHERE e.merged_into IS NULL${kindClause}
        UNION ALL
        SELECT a.entity_id, a.alias, a.normalized FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
          WHERE e.merged_into IS NULL${kindClause}
      )
      SELECT e.id, e.kind, e.name, e.description, e.event_date_start AS date,
        max(CASE WHEN n.folded = @phrase THEN 3 WHEN n.folded LIKE @phrasePrefix ESCAPE '\\' THEN 2 ELSE 1 END) AS quality,
        n.label AS matched
      FROM names n JOIN entities e ON e.id = n.entity_id
      WHERE ${conditions.join(' AND ')}
      GROUP BY e.id ORDER BY quality DESC, length(e.name), e.name LIMIT @limit`;
    return this.all<EntityRow>(sql, params);
  }

  /**
   * Ids of entities (people first) whose name or alias has a word starting with `name`'s words, plus
   * entities merged into them (old quotes may still point there). At most 50: a filter, not a list.
   */
  speakerIds(name: string): string[] {
    const words = name.split(' ').filter((w) => w !== '');
    const ids = this.entities(words, ['person', 'org'], 50).map((row) => row.id);
    if (ids.length === 0) return [];
    const merged = this.all<{ id: string }>(
      `SELECT id FROM entities WHERE merged_into IN (SELECT value FROM json_each(@ids))`,
      { ids: JSON.stringify(ids) },
    );
    return [...ids, ...merged.map((row) => row.id)];
  }

  /** The plain text of sources, by seq, for snippets of the hits on one page. */
  sourceTexts(seqs: readonly number[]): Map<number, string> {
    return this.texts('sources', seqs);
  }

  /** The plain text of notes, by seq. */
  noteTexts(seqs: readonly number[]): Map<number, string> {
    return this.texts('notes', seqs);
  }

  private texts(table: 'sources' | 'notes', seqs: readonly number[]): Map<number, string> {
    if (seqs.length === 0) return new Map();
    const rows = this.all<{ seq: number; plain_text: string }>(
      `SELECT seq, plain_text FROM ${table} WHERE seq IN (SELECT value FROM json_each(@seqs))`,
      { seqs: JSON.stringify(seqs) },
    );
    return new Map(rows.map((row) => [row.seq, row.plain_text]));
  }
}
