/**
 * The lookups around a search: the words the word being typed stands for, entities by name, the
 * speaker filter's entities, and the texts of the page's hits (for snippets).
 */
import type Database from 'better-sqlite3';
import type { EntityKind } from '../../../shared/model';
import { Statements } from './statements';
import { SourcePartsRepo, contentIdSql } from '../db/source-parts';

/**
 * The most indexed words the word being typed is expanded to for sources (see
 * LookupRepo.completions). Every one of them is searched, so expanding never loses a record; a prefix
 * that starts more words than this (a short, common one such as `con`) is left to FTS5's own prefix
 * query, which matches the same records but is slower.
 */
export const MAX_COMPLETIONS = 256;

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

/** Runs the lookups on one connection. */
export class LookupRepo {
  private readonly statements: Statements;
  private readonly parts: SourcePartsRepo;

  constructor(private readonly db: Database.Database) {
    this.statements = new Statements(db);
    this.parts = new SourcePartsRepo(db);
  }

  private all<T>(sql: string, params: Record<string, unknown>): T[] {
    return this.statements.all<T>(sql, params);
  }

  /**
   * Every word of the sources' index that starts with `prefix` (folded), in index order: empty when
   * none does (no source can match), null when there are more than `max` or the vocabulary cannot be
   * read (a read-only connection): the caller then lets FTS5 expand the prefix itself.
   *
   * Read from an fts5vocab table (a view over the index's term list), created in this connection's
   * temp schema: FTS5's own prefix query (`camp*`) merges the full lists of every such word into one
   * buffer before returning a row (bench/results/history.md), while an OR of the
   * words reads each list only as far as the newest matches need (the vocabulary still counts each
   * word's records, one pass over its list). Notes and quotes have indexes an order of magnitude
   * smaller, where FTS5's prefix query costs less than this lookup. A prefix index would avoid both
   * but multiplies the index size. Temp tables stay out of the notebook's schema, so backups, exports
   * and restores never see them.
   */
  completions(prefix: string, max: number = MAX_COMPLETIONS): string[] | null {
    if (!this.vocabulary()) return null;
    const words = this.all<{ term: string }>(
      `SELECT term FROM temp.search_sources_vocab WHERE term >= @prefix AND term < @prefix || char(1114111)
        LIMIT @cap`,
      { prefix, cap: max + 1 },
    ).map((row) => row.term);
    return words.length > max ? null : words;
  }

  private vocabularyReady: boolean | null = null;

  /** Creates the vocabulary table once per connection; false when the connection cannot. */
  private vocabulary(): boolean {
    if (this.vocabularyReady === null) {
      try {
        this.db.exec(
          `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_sources_vocab USING fts5vocab (main, sources_fts, 'row')`,
        );
        this.vocabularyReady = true;
      } catch {
        this.vocabularyReady = false;
      }
    }
    return this.vocabularyReady;
  }

  /**
   * Entities (not merged away) whose name or an alias has words starting with each of `words`
   * (folded), best match first. `phrase` is the whole query, for the exact-name bonus.
   */
  entities(words: readonly string[], kinds: readonly EntityKind[], limit: number): EntityRow[] {
    if (words.length === 0) return [];
    const params: Record<string, unknown> = { limit, phrase: words.join(' ') };
    // `instr` on the folded text, not LIKE: both sides are lower-case already, and LIKE's pattern
    // matching costs more per row than a plain substring search over every name and alias.
    const has = (column: string): string =>
      words
        .map((word, i) => {
          params[`w${i}`] = ` ${word}`;
          return `instr(' ' || ${column}, @w${i}) > 0`;
        })
        .join(' AND ');
    const kindClause = kinds.length === 0 ? '' : ` AND e.kind IN (${kinds.map((k) => `'${k}'`).join(', ')})`;
    // Names and aliases that match, as one list of (entity, label, folded name); aliases are folded by
    // the extractor, names by lower() (ASCII only, which is all the words are compared on anyway).
    // Only those are joined to their entity.
    const sql = `WITH names (entity_id, label, folded) AS (
        SELECT id, name, lower(name) FROM entities WHERE ${has('lower(name)')}
        UNION ALL
        SELECT entity_id, alias, normalized FROM entity_aliases WHERE ${has('normalized')}
      )
      SELECT e.id, e.kind, e.name, e.description, e.event_date_start AS date,
        max(CASE WHEN n.folded = @phrase THEN 3 WHEN substr(n.folded, 1, length(@phrase)) = @phrase THEN 2 ELSE 1 END)
          AS quality,
        n.label AS matched
      FROM names n JOIN entities e ON e.id = n.entity_id
      WHERE e.merged_into IS NULL${kindClause}
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
    if (seqs.length === 0) return new Map();
    // A long article's text is in parts (schema 12): its row's plain_text is empty.
    const rows = this.all<{ seq: number; plain_text: string; content_parts: string | null }>(
      `SELECT seq, plain_text, ${contentIdSql('sources')} AS content_parts FROM sources
       WHERE seq IN (SELECT value FROM json_each(@seqs))`,
      { seqs: JSON.stringify(seqs) },
    );
    return new Map(
      rows.map((row) => [
        row.seq,
        row.content_parts === null ? row.plain_text : this.parts.read(row.content_parts, 'plain_text'),
      ]),
    );
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
