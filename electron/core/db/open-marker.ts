/**
 * The "notebook in use" marker: a small file beside the database, written when a host opens the
 * notebook for writing and removed after it closed cleanly (checkpoint, close).
 *
 * Why: in WAL mode the newest commits live in `dossier.sqlite-wal` until a checkpoint copies them into
 * the main file. If Dossier stops without closing (crash, power cut, kill) and then the `-wal` is lost
 * (a sync tool or a backup program copied only `dossier.sqlite`, a user deleted the "temporary" file),
 * SQLite opens the main file without complaint: the lost commits are simply not there. SQLite alone
 * cannot tell that apart from a clean close, which also removes the `-wal`. The marker can: present
 * means the last session did not close cleanly, and then a missing `-wal` means writes may be lost.
 * An unclean stop WITH its `-wal` is fine (SQLite replays the log) and must not warn.
 */
import fs from 'node:fs';

/** Suffix of the marker file: `dossier.sqlite.in-use`. */
export const OPEN_MARKER_SUFFIX = '.in-use';

/** The marker file of the database at `databasePath`. */
export function openMarkerPath(databasePath: string): string {
  return `${databasePath}${OPEN_MARKER_SUFFIX}`;
}

/** True when the last session that opened `databasePath` for writing did not close it cleanly. */
export function hasOpenMarker(databasePath: string): boolean {
  return fs.existsSync(openMarkerPath(databasePath));
}

/**
 * Writes the marker (who opened the notebook and when, for a person looking at the folder). Written
 * after the database opened, so a failed open never leaves one; a marker that cannot be written only
 * costs the lost-log warning, so the failure is not fatal.
 */
export function writeOpenMarker(databasePath: string, host: string, now = new Date()): boolean {
  try {
    const text = JSON.stringify({ pid: process.pid, host, openedAt: now.toISOString() });
    fs.writeFileSync(openMarkerPath(databasePath), `${text}\n`);
    return true;
  } catch {
    return false;
  }
}

/** Removes the marker after a clean close. Never throws. */
export function removeOpenMarker(databasePath: string): void {
  fs.rmSync(openMarkerPath(databasePath), { force: true });
}

/**
 * True when the database's write-ahead log is missing after an unclean stop: the marker is there,
 * the database is there, and `-wal` is not. Reads the folder only; opens nothing (opening the
 * database would create a new, empty `-wal` and hide the loss).
 */
export function walLostAfterUncleanStop(databasePath: string): boolean {
  return hasOpenMarker(databasePath) && fs.existsSync(databasePath) && !fs.existsSync(`${databasePath}-wal`);
}
