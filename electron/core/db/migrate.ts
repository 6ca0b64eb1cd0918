/**
 * Numbered schema migrations, applied in order. Each one runs in its own transaction together with
 * `PRAGMA user_version = N`, so the file is always at exactly one known schema: a migration that fails
 * half-way rolls back to the previous version and nothing of it remains.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import { MIGRATION_001_INIT } from './migrations/001_init';
import { MIGRATION_002_SETTINGS } from './migrations/002_settings';
import { MIGRATION_003_SOURCE_IMAGES } from './migrations/003_source_images';
import { MIGRATION_004_ANALYSIS } from './migrations/004_analysis';
import { MIGRATION_005_SEARCH_SPEED } from './migrations/005_search_speed';
import { MIGRATION_006_ENTITY_PAGE } from './migrations/006_entity_page';
import { MIGRATION_007_NOTES_LIST } from './migrations/007_notes_list';
import { MIGRATION_008_SEARCH_LISTING } from './migrations/008_search_listing';
import { MIGRATION_009_SOURCE_PROVENANCE } from './migrations/009_source_provenance';
import { MIGRATION_010_QUOTE_EVIDENCE } from './migrations/010_quote_evidence';
import { MIGRATION_011_EVENTS } from './migrations/011_events';
import { MIGRATION_012_SOURCE_PARTS } from './migrations/012_source_parts';
import { MIGRATION_013_EXTRACTION_SLICES } from './migrations/013_extraction_slices';
import { MIGRATION_014_ARTICLE_FIGURES } from './migrations/014_article_figures';
import { describeSqliteFailure } from './sqlite-errors';

/** One step of the schema: the SQL that takes `user_version` from `version - 1` to `version`. */
export interface Migration {
  version: number;
  /** Short name for messages and logs, e.g. `init`. */
  name: string;
  sql: string;
}

/** Every migration this build knows, oldest first. Append only: shipped migrations never change. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: MIGRATION_001_INIT },
  { version: 2, name: 'settings', sql: MIGRATION_002_SETTINGS },
  { version: 3, name: 'source images', sql: MIGRATION_003_SOURCE_IMAGES },
  { version: 4, name: 'analysis', sql: MIGRATION_004_ANALYSIS },
  { version: 5, name: 'search speed', sql: MIGRATION_005_SEARCH_SPEED },
  { version: 6, name: 'entity page', sql: MIGRATION_006_ENTITY_PAGE },
  { version: 7, name: 'notes list', sql: MIGRATION_007_NOTES_LIST },
  { version: 8, name: 'search listing', sql: MIGRATION_008_SEARCH_LISTING },
  { version: 9, name: 'source provenance', sql: MIGRATION_009_SOURCE_PROVENANCE },
  { version: 10, name: 'quote evidence', sql: MIGRATION_010_QUOTE_EVIDENCE },
  { version: 11, name: 'events', sql: MIGRATION_011_EVENTS },
  { version: 12, name: 'source parts', sql: MIGRATION_012_SOURCE_PARTS },
  { version: 13, name: 'extraction slices', sql: MIGRATION_013_EXTRACTION_SLICES },
  { version: 14, name: 'article numbers and days', sql: MIGRATION_014_ARTICLE_FIGURES },
];

/** The schema version a database has after all of {@link MIGRATIONS}. */
export const LATEST_SCHEMA_VERSION: number = latestVersion(MIGRATIONS);

/** What {@link migrate} did: the schema version before and after. */
export interface MigrationResult {
  from: number;
  to: number;
}

/** Reads `PRAGMA user_version` (0 for a new, empty database). Never writes. */
export function schemaVersion(db: Database.Database): number {
  const value: unknown = db.pragma('user_version', { simple: true });
  return typeof value === 'number' ? value : 0;
}

/**
 * The error for a database written by a newer Dossier. Refusing is the only safe choice: an older
 * build cannot know what the newer schema means, and writing to it could lose the user's work.
 */
export function tooNewError(found: number, supported: number, path: string): ApiError {
  return new ApiError(
    'DB_TOO_NEW',
    `This notebook was written by a newer version of Dossier (schema ${found}; this version knows up to ` +
      `${supported}). Update Dossier to open it. The file was not changed.`,
    { found, supported, path },
  );
}

/**
 * Brings `db` up to the newest of `migrations` (defaults to {@link MIGRATIONS}; tests pass their own).
 * Throws DB_TOO_NEW, without writing, when the database is newer than the list. A failing migration is
 * rolled back completely and rethrown; migrations before it stay applied.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  const latest = latestVersion(migrations);
  const from = schemaVersion(db);
  if (from > latest) throw tooNewError(from, latest, db.name);

  for (const migration of migrations) {
    try {
      db.transaction(() => {
        // Checked inside the (immediate, so write-locked) transaction: another process opening the same
        // notebook at the same moment may have applied this migration while we waited for the lock.
        if (schemaVersion(db) >= migration.version) return;
        db.exec(migration.sql);
        // A migration that rebuilds a table can leave dangling references that no statement reported;
        // checking inside the transaction makes that a rollback instead of a quietly broken notebook.
        const dangling = db.pragma('foreign_key_check') as unknown[];
        if (dangling.length > 0) {
          throw new Error(`${dangling.length} row(s) would reference records that do not exist`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (error) {
      throw describeSqliteFailure(
        error,
        db.name,
        `Dossier could not upgrade the notebook to schema ${migration.version} (${migration.name}); ` +
          `the notebook was left at schema ${migration.version - 1}, as it was before this step`,
      );
    }
  }
  return { from, to: schemaVersion(db) };
}

/** The last version of a list, after checking the list is 1, 2, 3 ... with no gaps (a bug otherwise). */
function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
  return migrations.length;
}
