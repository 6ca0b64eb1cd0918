/**
 * Backup file names: `dossier-20261128T082152123Z-manual.sqlite`. The name alone says when and why a
 * backup was made, so listing the folder needs no database, and names sort by time.
 */
import { BACKUP_NAME_PATTERN, type BackupKind } from '../../../shared/areas/backup';

/** The folder, inside the data folder, that holds the backups. */
export const BACKUP_FOLDER = 'backups';

/** Suffix of a backup still being written or checked; such files are never listed or restored. */
export const PARTIAL_SUFFIX = '.partial';

/** The name of a backup of `kind` made at `date`. */
export function backupFileName(kind: BackupKind, date: Date): string {
  const stamp = date.toISOString().replace(/[-:.]/g, ''); // 20261128T082152123Z
  return `dossier-${stamp}-${kind}.sqlite`;
}

/** When and why a backup was made, read from its name; null for any other file. */
export function parseBackupFileName(name: string): { kind: BackupKind; createdAt: Date } | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  if (match === null) return null;
  const stamp = /^dossier-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(name);
  if (stamp === null) return null;
  const [, y, mo, d, h, mi, s, ms] = stamp;
  const createdAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { kind: match[1] as BackupKind, createdAt };
}
