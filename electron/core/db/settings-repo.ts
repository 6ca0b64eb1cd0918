/**
 * The notebook's preferences: one JSON value per key in the `settings` table. Each area reads its own
 * keys with a default, so a notebook that never saved a preference behaves like a fresh one.
 */
import type Database from 'better-sqlite3';

/** Reads and writes settings of one open notebook. */
export class SettingsRepo {
  private readonly getStmt: Database.Statement<[string], { value: string }>;
  private readonly setStmt: Database.Statement<[string, string, string]>;

  constructor(db: Database.Database) {
    this.getStmt = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.setStmt = db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
  }

  /** The stored value of `key`, or `fallback` when there is none or it cannot be read. */
  get<T>(key: string, fallback: T): T {
    const row = this.getStmt.get(key);
    if (row === undefined) return fallback;
    try {
      return JSON.parse(row.value) as T;
    } catch {
      return fallback;
    }
  }

  /** Stores `value` (any JSON-serializable value) under `key`. */
  set(key: string, value: unknown): void {
    this.setStmt.run(key, JSON.stringify(value), new Date().toISOString());
  }
}
