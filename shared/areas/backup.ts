/**
 * The backup area of the API: automatic rolling backups of the notebook (daily by default), "Back up
 * now", checking a backup, and restoring one.
 *
 * Backups are whole copies of the notebook database made with SQLite's online backup API, so the app
 * keeps working while one is written. Each lands in the `backups` folder of the data folder under a
 * name that says when and why it was made, and only after it passed `PRAGMA integrity_check`.
 * Restoring first saves the current notebook as a `before-restore` backup, so a restore can be undone.
 */

import type { IsoTimestamp } from '../model';
import type { BackupSettingsChange } from './backup.args';

// The argument types are inferred from the schemas (see the .args file); the UI imports them from here.
export type { BackupSettingsChange };

/** Why a backup was made. */
export type BackupKind =
  /** By the schedule. */
  | 'auto'
  /** "Back up now" or `dossier backup`. */
  | 'manual'
  /** The notebook as it was just before a restore replaced it. */
  | 'before-restore'
  /** The notebook as it was just before a JSON export was merged into it. */
  | 'before-import';

/** The kinds of backup, as they appear in file names. */
export const BACKUP_KINDS: readonly BackupKind[] = ['auto', 'manual', 'before-restore', 'before-import'];

/**
 * A backup's file name: `dossier-20261128T082152123Z-manual.sqlite` (UTC time, to the millisecond).
 * The API accepts only names of this shape, so a name can never point outside the backups folder.
 */
export const BACKUP_NAME_PATTERN =
  /^dossier-\d{8}T\d{9}Z-(auto|manual|before-restore|before-import)\.sqlite$/;

/** The result of checking a backup file. */
export type BackupIntegrity =
  /** `PRAGMA integrity_check` said ok (and the file is a Dossier notebook this version can open). */
  | 'ok'
  /** The check found damage, or the file is not a notebook; restoring it is refused. */
  | 'damaged'
  /** Never checked by this Dossier (e.g. the file was copied into the folder by hand). */
  | 'unchecked';

/** One backup file. */
export interface BackupInfo {
  /** The file name inside the backups folder; pass it to restoreBackup or verifyBackup. */
  name: string;
  kind: BackupKind;
  createdAt: IsoTimestamp;
  sizeBytes: number;
  integrity: BackupIntegrity;
  /** When the integrity was last checked, or null if never. */
  checkedAt: IsoTimestamp | null;
  /** The backup's schema version (`PRAGMA user_version`), or null when unknown. */
  schemaVersion: number | null;
}

/** How automatic backups run. */
export interface BackupSettings {
  /** Hours between automatic backups; 0 turns them off. Default 24. */
  everyHours: number;
  /** How many backups to keep; older ones are deleted after each new backup. Default 10. */
  keep: number;
}

/** Defaults for a notebook that never changed its backup settings. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { everyHours: 24, keep: 10 };
/** Most hours between automatic backups (30 days). */
export const MAX_BACKUP_EVERY_HOURS = 720;
/** Most backups kept. */
export const MAX_BACKUP_KEEP = 100;

/** The backups of the notebook and what the backup schedule is doing. */
export interface BackupList {
  /** The folder the backups are in (absolute path). */
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
  settings: BackupSettings;
  /** True while a backup is being written. */
  running: boolean;
  /** How far the running backup is, from 0 to 1, or null when none runs. */
  progress: number | null;
  /** When the next automatic backup is due, or null when they are off (or this host runs none). */
  nextBackupAt: IsoTimestamp | null;
  /** Why the last automatic backup failed, or null. */
  lastError: string | null;
}

/** What a restore did. */
export interface RestoreResult {
  /** The backup whose contents the notebook now has. */
  restored: BackupInfo;
  /** The notebook as it was before the restore, saved so the restore can be undone. */
  safetyBackup: BackupInfo;
  /** Schema version of the backup before it was brought up to date. */
  fromSchemaVersion: number;
}

/** Methods of the backup area. */
export interface BackupApi {
  /** The backups (newest first), the settings and the state of the schedule. */
  listBackups(): Promise<BackupList>;

  /**
   * Writes a backup now (kind `manual`), checks it and returns it. The app stays usable meanwhile.
   * Rejects with DB_READONLY when the backups folder cannot be written (e.g. the disk is full); a
   * backup that fails its check is deleted and the call rejects with DB_CORRUPT.
   */
  backupNow(): Promise<BackupInfo>;

  /** The automatic backup settings. */
  getBackupSettings(): Promise<BackupSettings>;

  /** Changes the automatic backup settings (only the fields given) and returns all of them. */
  setBackupSettings(input: BackupSettingsChange): Promise<BackupSettings>;

  /** Runs the integrity check on one backup again and returns what it found. NOT_FOUND for an unknown name. */
  verifyBackup(name: string): Promise<BackupInfo>;

  /**
   * Replaces the notebook's contents with those of a backup, in one transaction: either all of the
   * backup is in the notebook afterwards or nothing changed. The backup is checked first (a damaged
   * one is refused with DB_CORRUPT, one from a newer Dossier with DB_TOO_NEW) and brought up to the
   * current schema on a copy; the current notebook is saved as a `before-restore` backup first. The UI
   * should reload everything it shows afterwards.
   */
  restoreBackup(name: string): Promise<RestoreResult>;
}

/** The backup area's methods, in the order hosts register them. */
export const BACKUP_METHODS = [
  'listBackups',
  'backupNow',
  'getBackupSettings',
  'setBackupSettings',
  'verifyBackup',
  'restoreBackup',
] as const satisfies readonly (keyof BackupApi)[];
