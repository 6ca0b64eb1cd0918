/** Prepared statements of one connection, cached by their SQL (built from fixed fragments only). */
import type Database from 'better-sqlite3';

/**
 * Prepares each statement once. For the statements run once per row of a large write (a mention, a
 * quote, an event link): preparing costs about as much as running them.
 */
export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** `sql`, prepared on first use. */
  get(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}
