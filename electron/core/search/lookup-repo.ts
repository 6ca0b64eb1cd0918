/**
 * The lookups around a search: the words the word being typed stands for, entities by name, the
 * speaker filter's entities, and the texts of the page's hits (for snippets).
 */
import type Database from 'better-sqlite3';
import type { EntityKind } from '../../../shared/model';
import { Statements } from './statements';

/**
 * The most words the word being typed is expanded to (see LookupRepo.completions): bm25 counts each
 * one's matches, so rare completions beyond these are left out until the word is longer or finished.
 */
export const MAX_COMPLETIONS = 8;

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

  constructor(private readonly db: Database.Database) {
    this.statements = new Statements(db);
  }

  private all<T>(sql: string, params: Record<string, unknown>): T[] {
    return this.statements.all<T>(sql, params);
  }

  /**
   * The indexed words (of sources and notes) that start with `prefix`, folded: the word itself first
   * when it is one, then by how many records hold them, at most `max`. Empty when none does, or when
   * the vocabulary cannot be read (a read-only connection): the caller then lets FTS5 expand it.
   *
   * Read from fts5vocab tables (views over the indexes' term lists), created in this connection's
   * temp schema: FTS5's own prefix query (`camp*`) merges the full lists of every such word into one
   * buffer before returning a row, while this costs one pass over them; a prefix index would avoid
   * both but multiplies the index size. Temp tables stay out of the notebook's schema, so backups,
   * exports and restores never see them.
   */
  completions(prefix: string, max: number = MAX_COMPLETIONS): string[] {
    if (!this.vocabulary()) return [];
    const range = 'term >= @prefix AND term < @prefix || char(1114111)';
    return this.all<{ term: string }>(
      `SELECT term FROM (
          SELECT term, doc FROM temp.search_sources_vocab WHERE ${range}
          UNION ALL SELECT term, doc FROM temp.search_notes_vocab WHERE ${range})
        GROUP BY term ORDER BY term = @prefix DESC, sum(doc) DESC, term LIMIT @max`,
      { prefix, max },
    ).map((row) => row.term);
  }

  private vocabularyReady: boolean | null = null;

  /** Creates the vocabulary tables once per connection; false when the connection cannot. */
  private vocabulary(): boolean {
    if (this.vocabularyReady === null) {
      try {
        this.db.exec(`
          CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_sources_vocab USING fts5vocab (main, sources_fts, 'row');
          CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_notes_vocab USING fts5vocab (main, notes_fts, 'row');`);
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
