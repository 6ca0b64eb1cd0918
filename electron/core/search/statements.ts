/** Prepared statements of one connection, cached by their SQL (built from fixed fragments only). */
import type Database from 'better-sqlite3';

/** A statement cache that runs statements with named parameters. */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Runs `sql` (prepared once) with those of `params` it names, and returns every row. */
  all<T>(sql: string, params: Record<string, unknown>): T[] {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    // better-sqlite3 refuses named parameters the statement does not use, so pass only those.
    const used: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params)) if (sql.includes(`@${key}`)) used[key] = value;
    return statement.all(used) as T[];
  }
}
