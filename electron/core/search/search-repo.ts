/**
 * Every SQL statement of search. Each table is ranked by its own FTS5 index (bm25 with column
 * weights) over a bounded window of its newest matches, and filtered in the same statement through
 * narrow indexes (migration 005) or small sets, never by reading the records' rows; only the page that
 * is returned joins the rows for titles and dates. Statements are built from a few fixed fragments
 * (never from user text) and prepared once each.
 */
import type Database from 'better-sqlite3';
import { Statements } from './statements';

/** Filters that apply in SQL. Dates are YYYY-MM-DD, inclusive. */
export interface SqlFilters {
  from: string | null;
  to: string | null;
  /** Lower-case part of a site name or URL. */
  site: string | null;
  /** The speaker filter (null: none), from {@link SearchRepo.speakerFilter}. */
  speakers: SpeakerFilter | null;
}

/** Who a speaker filter resolved to, and how many quotes they have (counted once per search). */
export interface SpeakerFilter {
  /** Entity ids: the speakers and entities merged into them. */
  ids: string[];
  /** True when they have few quotes, so filters read their quotes as one set (see {@link SPEAKER_SET_MAX}). */
  fewQuotes: boolean;
  /**
   * How a search of sources applies the filter: each match checked against the set of their sources'
   * row numbers ('seqs') or ids ('ids'), or against their quotes one match at a time (null); see
   * {@link SOURCE_SEQ_SET_MAX} and {@link SOURCE_ID_SET_MAX}.
   */
  sourceSet: 'seqs' | 'ids' | null;
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

/**
 * How many of the newest matches (that pass the filters) each table ranks; see SearchRepo.ranked.
 * The cost of a common word grows with it (bm25 reads each ranked row's sizes and positions, in each
 * of three tables); 200 keeps a 100k-source library fast (bench/results/history.md) while a 20-hit
 * page still comes from ten times as many ranked candidates.
 */
export const RANK_WINDOW = 200;

// Title outweighs byline, which outweighs body text.
// bm25() in the select list, not FTS5's `rank` column: ORDER BY rank makes FTS5 rank every match in
// an inner query that ignores the rowid window, while bm25() is computed only for rows in the window.
type FtsTable = 'sources_fts' | 'notes_fts' | 'quotes_fts';
const RANK: Record<FtsTable, string> = {
  sources_fts: 'bm25(sources_fts, 10.0, 3.0, 1.0)',
  notes_fts: 'bm25(notes_fts, 10.0, 1.0)',
  quotes_fts: 'bm25(quotes_fts, 1.0, 0.2)',
};

const SPEAKERS = 'SELECT value FROM json_each(@speakers)';
/** A source's day: its publication date, else when it was clipped (migration 008 indexes it). */
export const DAY = (alias: string): string =>
  `substr(coalesce(${alias}.published_at, ${alias}.clipped_at), 1, 10)`;
// Candidates are checked against narrow indexes (migrations 005 and 006), never the table rows: a
// row's `deleted_at` comes after its HTML and text, so reading it walks the row's overflow pages.
const TRASHED_SOURCE_IDS = `SELECT id FROM sources INDEXED BY sources_trashed WHERE deleted_at IS NOT NULL`;
const TRASHED_SOURCE_SEQS = `SELECT seq FROM sources INDEXED BY sources_trashed WHERE deleted_at IS NOT NULL`;
const TRASHED_NOTE_SEQS = `SELECT seq FROM notes WHERE deleted_at IS NOT NULL`;

/** A speaker filter's quotes are read as one set when the speakers have at most this many quotes. */
export const SPEAKER_SET_MAX = 20_000;

/**
 * A search of sources with a speaker filter reads the ids of the speakers' sources as one set when they
 * have at most this many quotes, and checks every match's source against it; above it, it checks
 * whether each match holds one of their quotes. Building a large set costs more than checking the
 * matches; this is where the two cost the same on the 100k-source bench library (bench/results/history.md).
 */
export const SOURCE_ID_SET_MAX = 4_000;

/**
 * Up to this many quotes, the set is of the speakers' sources' row numbers, which FTS5 gives with each
 * match, so a match from any other source is passed over without reading that source (a rare speaker
 * with a common word got about three times faster: bench/results/history.md); finding a quote's source
 * row costs a lookup per quote, so larger sets are of ids.
 */
export const SOURCE_SEQ_SET_MAX = 1_500;

/** Up to how many quotes a speaker filter is applied as a set (see the constants above). */
export interface SetLimits {
  /** See {@link SPEAKER_SET_MAX}. */
  speakerQuotes: number;
  /** See {@link SOURCE_ID_SET_MAX}. */
  sourceIds: number;
  /** See {@link SOURCE_SEQ_SET_MAX}. */
  sourceSeqs: number;
}

/** `AND column >= @from AND column <= @to`, for the bounds the filters have. */
export function dateClauses(column: string, filters: SqlFilters): string {
  return (
    (filters.from === null ? '' : ` AND ${column} >= @from`) +
    (filters.to === null ? '' : ` AND ${column} <= @to`)
  );
}

/** The site filter on a source (alias) row or index entry: its site name or address holds @site. */
export function siteClause(alias: string, filters: SqlFilters): string {
  return filters.site === null
    ? ''
    : ` AND (lower(coalesce(${alias}.site_name, '')) LIKE @site ESCAPE '\\' OR lower(coalesce(${alias}.url, '')) LIKE @site ESCAPE '\\')`;
}

export function hasDates(filters: SqlFilters): boolean {
  return filters.from !== null || filters.to !== null;
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

/** The named parameters of the filters' clauses, with `extra`. */
export function filterParams(filters: SqlFilters, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    from: filters.from,
    to: filters.to,
    site: filters.site === null ? null : likeContains(filters.site),
    speakers: JSON.stringify(filters.speakers?.ids ?? []),
    ...extra,
  };
}

/** Runs search statements on one connection; statements are cached by their (fixed-fragment) SQL. */
export class SearchRepo {
  private readonly statements: Statements;

  /**
   * `rankWindow`: how many of the newest matches each table ranks; `setLimits`: when filters become
   * sets (tests change both to reach every plan on a small library).
   */
  constructor(
    db: Database.Database,
    private readonly rankWindow: number = RANK_WINDOW,
    private readonly setLimits: SetLimits = {
      speakerQuotes: SPEAKER_SET_MAX,
      sourceIds: SOURCE_ID_SET_MAX,
      sourceSeqs: SOURCE_SEQ_SET_MAX,
    },
  ) {
    this.statements = new Statements(db);
  }

  private all<T>(sql: string, params: Record<string, unknown>): T[] {
    return this.statements.all<T>(sql, params);
  }

  private params(filters: SqlFilters, extra: Record<string, unknown>): Record<string, unknown> {
    return filterParams(filters, extra);
  }

  /**
   * Two phases, in one statement when no phrase is searched. `candidates(rank)` lists matches newest first (it must select `seq`
   * and `rank AS bm25` and end with ORDER BY rowid DESC); only the newest {@link RANK_WINDOW} that pass the filters
   * are ranked: bm25 costs microseconds per row (it reads each row's column sizes and match
   * positions), so ranking every row a common word matches in 100k sources would take hundreds of
   * milliseconds. The result is exact whenever fewer rows match; for broader queries it is the
   * best-ranked among the most recently added matches, which is what a researcher usually wants.
   * Then `details` (which joins `c`, the ranked page, to whatever it shows) runs for the best
   * `limit` rows only.
   */
  private ranked<T>(
    table: FtsTable,
    candidates: (rank: string) => string,
    details: (page: string) => string,
    params: Record<string, unknown>,
    filtered: boolean,
    rankMatch: string | null,
  ): T[] {
    // A filter makes each row that passes cost several rows scanned; the user has narrowed the query
    // already, so a smaller window keeps the time near that of an unfiltered query.
    const window = this.window(filtered);
    if (rankMatch === null) {
      const page = `(SELECT * FROM (${candidates(RANK[table])} LIMIT @window) ORDER BY bm25 LIMIT @limit) c`;
      return this.all<T>(`${details(page)} ORDER BY c.bm25`, { ...params, window });
    }
    // A phrase: bm25 starts by counting the phrase's matches in the whole index, which for common
    // words means reading every position of both in every record. So the window is listed without
    // a rank, then ranked by `rankMatch` (each phrase as its longest word) over the window's rowid
    // range only, keeping the window's rows.
    const seqs = this.all<{ seq: number }>(`${candidates('0')} LIMIT @window`, { ...params, window }).map(
      (row) => row.seq,
    );
    if (seqs.length === 0) return [];
    const page = `(SELECT * FROM (SELECT ${table}.rowid AS seq, ${RANK[table]} AS bm25 FROM ${table}
      WHERE ${table} MATCH @rankMatch AND ${table}.rowid <= @hi
        AND +${table}.rowid IN (SELECT value FROM json_each(@seqs))
      ORDER BY ${table}.rowid DESC LIMIT @count) ORDER BY bm25 LIMIT @limit) c`;
    return this.all<T>(`${details(page)} ORDER BY c.bm25`, {
      ...params,
      rankMatch,
      hi: seqs[0],
      count: seqs.length,
      seqs: JSON.stringify(seqs),
    });
  }

  private window(filtered: boolean): number {
    return filtered ? Math.max(1, Math.floor(this.rankWindow / FILTERED_WINDOW_DIVISOR)) : this.rankWindow;
  }

  /**
   * Live sources matching `match` that pass the filters, newest first, selecting `column` (and bm25
   * when `ranked`); the caller adds the LIMIT.
   */
  private filteredSources(column: string, filters: SqlFilters, rank: string | null): string {
    // The covering index (alias m) is probed only when a filter or `column` needs a source's columns.
    // It is keyed by seq, so matches (listed by rowid) probe neighbouring entries: cheaper than
    // building the set of sources a date range or site holds, which may be most of the library.
    const probeDates = hasDates(filters);
    const probe = probeDates || filters.site !== null || filters.speakers !== null || column.startsWith('m.');
    // Sources the speakers are quoted in: as one set read from an index of quotes by speaker when they
    // have few quotes, else checked per match (they are then quoted in many sources, so the window
    // fills after a few checks, while building the set would read every one of their quotes). With
    // very few, the set is of row numbers, checked before the match's source is read (`+`: per match,
    // not looked up in the FTS index one by one); for a common word, most matches are not theirs.
    const speakerQuotes = `q.speaker_entity_id IN (${SPEAKERS}) AND q.status <> 'rejected'`;
    const speakerSources = `SELECT q.source_id FROM quotes q WHERE ${speakerQuotes}`;
    const speaker =
      filters.speakers === null
        ? ''
        : filters.speakers.sourceSet === 'seqs'
          ? ` AND +sources_fts.rowid IN (SELECT ss.seq FROM sources ss WHERE ss.id IN (${speakerSources}))`
          : filters.speakers.sourceSet === 'ids'
            ? ` AND m.id IN (${speakerSources})`
            : ` AND EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = m.id AND ${speakerQuotes})`;
    // `+rowid`: a plain rowid IN would make FTS5 look each member up; this scans matches and checks.
    const live = probe ? 'm.deleted_at IS NULL' : `+sources_fts.rowid NOT IN (${TRASHED_SOURCE_SEQS})`;
    return `SELECT ${column}${rank === null ? '' : `, ${rank} AS bm25`}
      FROM sources_fts${probe ? ' CROSS JOIN sources m INDEXED BY sources_search ON m.seq = sources_fts.rowid' : ''}
      WHERE sources_fts MATCH @match AND ${live}${probeDates ? dateClauses(DAY('m'), filters) : ''}${siteClause('m', filters)}${speaker}
      ORDER BY sources_fts.rowid DESC`;
  }

  /**
   * The speaker filter for entities `ids`. Their quotes are counted here, once per search (up to the
   * set limit, from the index of quotes by speaker), and each statement picks its plan from that.
   */
  speakerFilter(ids: string[]): SpeakerFilter {
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM quotes q WHERE q.speaker_entity_id IN (${SPEAKERS})
      LIMIT @cap)`;
    const { speakerQuotes, sourceIds, sourceSeqs } = this.setLimits;
    const cap = Math.max(speakerQuotes, sourceIds, sourceSeqs) + 1;
    const count = this.all<{ n: number }>(sql, { speakers: JSON.stringify(ids), cap })[0]!.n;
    const sourceSet = count <= sourceSeqs ? 'seqs' : count <= sourceIds ? 'ids' : null;
    return { ids, fewQuotes: count <= speakerQuotes, sourceSet };
  }

  /**
   * Live sources matching `match`, best first. `rankMatch`: what to rank them by when `match` holds
   * a phrase (each phrase as its longest word, see parse-query's rankExpression); null ranks by `match`.
   */
  sources(match: string, filters: SqlFilters, limit: number, rankMatch: string | null = null): SourceRow[] {
    return this.ranked<SourceRow>(
      'sources_fts',
      (rank) => this.filteredSources('sources_fts.rowid AS seq', filters, rank),
      (
        page,
      ) => `SELECT s.seq, s.id, s.title, s.site_name, coalesce(s.published_at, s.clipped_at) AS date, c.bm25
        FROM ${page} CROSS JOIN sources s ON s.seq = c.seq`,
      this.params(filters, { match, limit }),
      isFiltered(filters),
      rankMatch,
    );
  }

  /**
   * Live sources whose text stored in parts (long articles, schema 12) matches `match`, best first,
   * each ranked by its best part. Only the newest window of matching parts is ranked, as in
   * {@link ranked}; such articles are few, so the window holds all of them in practice. `match` has no
   * column filter (the parts index has one column, the text).
   */
  sourceParts(match: string, filters: SqlFilters, limit: number): SourceRow[] {
    const speaker =
      filters.speakers === null
        ? ''
        : ` AND s.id IN (SELECT q.source_id FROM quotes q WHERE q.speaker_entity_id IN (${SPEAKERS})
            AND q.status <> 'rejected')`;
    const sql = `SELECT s.seq, s.id, s.title, s.site_name, coalesce(s.published_at, s.clipped_at) AS date, c.bm25
      FROM (SELECT p.content_id, min(m.bm25) AS bm25
        FROM (SELECT source_text_parts_fts.rowid AS seq, bm25(source_text_parts_fts) AS bm25
          FROM source_text_parts_fts WHERE source_text_parts_fts MATCH @match
          ORDER BY source_text_parts_fts.rowid DESC LIMIT @window) m
        CROSS JOIN source_text_parts p ON p.seq = m.seq
        GROUP BY p.content_id) c
      CROSS JOIN source_contents sc ON sc.content_id = c.content_id
      CROSS JOIN sources s ON s.id = sc.source_id
      WHERE s.deleted_at IS NULL${dateClauses(DAY('s'), filters)}${siteClause('s', filters)}${speaker}
      ORDER BY c.bm25 LIMIT @limit`;
    return this.all<SourceRow>(sql, this.params(filters, { match, limit, window: this.rankWindow }));
  }

  /** Live notes matching `match`, best first. With a speaker filter: notes that link to or mention them. */
  notes(match: string, filters: SqlFilters, limit: number, rankMatch: string | null = null): NoteRow[] {
    const probe = hasDates(filters) || filters.speakers !== null;
    const speaker =
      filters.speakers === null
        ? ''
        : ` AND (EXISTS (SELECT 1 FROM links l WHERE l.from_note_id = m.id AND (l.to_entity_id IN (${SPEAKERS})
              OR l.to_quote_id IN (SELECT q.id FROM quotes q WHERE q.speaker_entity_id IN (${SPEAKERS}))))
            OR EXISTS (SELECT 1 FROM mentions mn WHERE mn.note_id = m.id AND mn.entity_id IN (${SPEAKERS})))`;
    const candidates = (rank: string): string => `SELECT notes_fts.rowid AS seq, ${rank} AS bm25
      FROM notes_fts${probe ? ' CROSS JOIN notes m INDEXED BY notes_search ON m.seq = notes_fts.rowid' : ''}
      WHERE notes_fts MATCH @match
        AND ${probe ? 'm.deleted_at IS NULL' : `+notes_fts.rowid NOT IN (${TRASHED_NOTE_SEQS})`}
        ${probe ? dateClauses('substr(m.updated_at, 1, 10)', filters) : ''}${speaker}
      ORDER BY notes_fts.rowid DESC`;
    return this.ranked<NoteRow>(
      'notes_fts',
      candidates,
      (page) => `SELECT n.seq, n.id, n.title, n.updated_at AS date, c.bm25
        FROM ${page} CROSS JOIN notes n ON n.seq = c.seq`,
      this.params(filters, { match, limit }),
      isFiltered(filters),
      rankMatch,
    );
  }

  /**
   * Quotes (not rejected, in live sources) matching `match`, or all of the speakers' when `match` is
   * null. `sourceMatch` is what the same words are for sources: with a date or site filter, quotes
   * are looked for only in the newest sources that match it and pass the filter (a quote's words are
   * its source's words), so no quote's source has to be looked up by id while scanning. `rankMatch`
   * as for {@link sources}.
   */
  quotes(
    match: string | null,
    filters: SqlFilters,
    limit: number,
    sourceMatch: string | null = null,
    rankMatch: string | null = null,
  ): QuoteRow[] {
    // A speaker with few quotes: their quotes as one set (by seq, from the index of quotes by speaker),
    // so only those are read; with many, one quote in a few is theirs and checking each is cheaper.
    const speaker =
      filters.speakers === null
        ? ''
        : match !== null && filters.speakers.fewQuotes
          ? ` AND +quotes_fts.rowid IN (SELECT qs.seq FROM quotes qs WHERE qs.speaker_entity_id IN (${SPEAKERS}))`
          : ` AND q.speaker_entity_id IN (${SPEAKERS})`;
    const columns = `q.id, q.text, q.span_start, q.span_end, q.source_id, s.title AS source_title,
      coalesce(s.published_at, s.clipped_at) AS date, e.id AS speaker_id, e.name AS speaker_name`;
    if (match === null) return this.speakerQuotes(filters, limit, columns);
    const bySource = (hasDates(filters) || filters.site !== null) && sourceMatch !== null;
    // The quotes of those sources, by seq, from the index of quotes by source, as a set and as the
    // rowid range FTS5 scans (quotes are stored after their source, so the range is as recent as the
    // sources are, and a window that does not fill stops at its start). The speaker filter applies to
    // the quote itself, not to its source.
    const picked = (): string => `WITH picked (seq) AS MATERIALIZED (
        SELECT qs.seq FROM quotes qs WHERE qs.source_id IN (
          ${this.filteredSources('m.id', { ...filters, speakers: null }, null).replace('@match', '@sourceMatch')}
          LIMIT @sourceWindow))`;
    const inPicked = `quotes_fts.rowid BETWEEN (SELECT min(seq) FROM picked) AND (SELECT max(seq) FROM picked)
        AND +quotes_fts.rowid IN (SELECT seq FROM picked)`;
    const candidates = (rank: string): string => `${bySource ? picked() : ''}
      SELECT quotes_fts.rowid AS seq, ${rank} AS bm25
      FROM quotes_fts CROSS JOIN quotes q ON q.seq = quotes_fts.rowid
      WHERE quotes_fts MATCH @match AND q.status <> 'rejected'
        AND ${bySource ? inPicked : `q.source_id NOT IN (${TRASHED_SOURCE_IDS})`}${speaker}
      ORDER BY quotes_fts.rowid DESC`;
    return this.ranked<QuoteRow>(
      'quotes_fts',
      candidates,
      (page) => `SELECT ${columns}, c.bm25
        FROM ${page} CROSS JOIN quotes q ON q.seq = c.seq CROSS JOIN sources s ON s.id = q.source_id
          LEFT JOIN entities e ON e.id = q.speaker_entity_id`,
      this.params(filters, { match, limit, sourceMatch, sourceWindow: this.window(true) }),
      isFiltered(filters),
      rankMatch,
    );
  }

  /**
   * All of the speakers' quotes (no words searched), newest in the notebook first, the newest
   * window of them shown by date. Speakers with many quotes are found by reading quotes backwards
   * (one in a few is theirs); others through the index of quotes by speaker, sorting only theirs.
   */
  private speakerQuotes(filters: SqlFilters, limit: number, columns: string): QuoteRow[] {
    const many = filters.speakers?.fewQuotes !== true;
    const probe = hasDates(filters) || filters.site !== null;
    // `+`: keeps SQLite from the speaker index, so it reads quotes newest first and stops early.
    const where = `${many ? '+' : ''}q.speaker_entity_id IN (${SPEAKERS}) AND q.status <> 'rejected'
      AND ${probe ? 'm.deleted_at IS NULL' : `q.source_id NOT IN (${TRASHED_SOURCE_IDS})`}`;
    const sql = `SELECT ${columns}, 0 AS bm25
      FROM (SELECT q.seq FROM quotes q${probe ? ' CROSS JOIN sources m ON m.id = q.source_id' : ''}
        WHERE ${where}${dateClauses(DAY('m'), filters)}${siteClause('m', filters)}
        ORDER BY q.seq DESC LIMIT @window) c
      CROSS JOIN quotes q ON q.seq = c.seq CROSS JOIN sources s ON s.id = q.source_id
      LEFT JOIN entities e ON e.id = q.speaker_entity_id
      ORDER BY date DESC, q.seq DESC LIMIT @limit`;
    return this.all<QuoteRow>(sql, this.params(filters, { limit, window: this.window(true) }));
  }
}
