/** Prepared statements of one connection, cached by their SQL (built from fixed fragments only). */
import type Database from 'better-sqlite3';
import { StatementCache } from '../db/statement-cache';

/** A statement cache that runs statements with named parameters. */
export class Statements {
  private readonly cache: StatementCache;

  constructor(db: Database.Database) {
    this.cache = new StatementCache(db);
  }

  /** Runs `sql` (prepared once) with those of `params` it names, and returns every row. */
  all<T>(sql: string, params: Record<string, unknown>): T[] {
    const statement = this.cache.get(sql);
    // better-sqlite3 refuses named parameters the statement does not use, so pass only those.
    const used: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params)) if (sql.includes(`@${key}`)) used[key] = value;
    return statement.all(used) as T[];
  }
}
