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
 *
 * The app and the CLI may have the notebook open at the same time, so the marker lists every process
 * that holds it (one JSON line each); it is removed when the last of them closed cleanly.
 */
import fs from 'node:fs';
import os from 'node:os';

/** Suffix of the marker file: `dossier.sqlite.in-use`. */
export const OPEN_MARKER_SUFFIX = '.in-use';

/** The marker file of the database at `databasePath`. */
export function openMarkerPath(databasePath: string): string {
  return `${databasePath}${OPEN_MARKER_SUFFIX}`;
}

/** True when the marker is there: some process opened `databasePath` for writing and has not closed it cleanly. */
export function hasOpenMarker(databasePath: string): boolean {
  return fs.existsSync(openMarkerPath(databasePath));
}

/** One process that has the notebook open for writing: a line of the marker file. */
interface Holder {
  pid: number;
  host: string;
  openedAt: string;
  /**
   * When the computer running it started (ISO). After a power cut the computer restarts and a new
   * process may get the same pid; a holder from an earlier boot is never running. Absent in markers
   * written before it was added: the pid alone is asked then.
   */
  bootedAt?: string;
}

/**
 * When this computer started, from the clock and its uptime. Two readings in one boot agree to within
 * a second or two, or more if the clock was set meanwhile: hence the tolerance in {@link isRunning}.
 */
function bootTime(): number {
  return Date.now() - os.uptime() * 1000;
}

/** A clock set by less than this since start still counts as the same boot. */
const SAME_BOOT_TOLERANCE_MS = 120_000;

/** The holders named in the marker; a line that cannot be read names no one (an unknown holder). */
function readHolders(databasePath: string): { holders: Holder[]; unreadable: boolean } {
  let text: string;
  try {
    text = fs.readFileSync(openMarkerPath(databasePath), 'utf8');
  } catch {
    return { holders: [], unreadable: false };
  }
  const holders: Holder[] = [];
  let unreadable = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as Partial<Holder>;
      if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0) {
        holders.push({
          pid: value.pid,
          host: String(value.host ?? ''),
          openedAt: String(value.openedAt ?? ''),
          ...(typeof value.bootedAt === 'string' ? { bootedAt: value.bootedAt } : {}),
        });
      } else unreadable = true;
    } catch {
      unreadable = true;
    }
  }
  return { holders, unreadable };
}

/** Whether process `pid` is running on this computer. */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, as another user
  }
}

/** Whether `holder` is still running: same boot of this computer, and its pid is alive. */
function isRunning(holder: Holder): boolean {
  if (holder.bootedAt !== undefined) {
    const booted = Date.parse(holder.bootedAt);
    if (!Number.isFinite(booted) || Math.abs(booted - bootTime()) > SAME_BOOT_TOLERANCE_MS) return false;
  }
  return isAlive(holder.pid);
}

function writeHolders(databasePath: string, holders: readonly Holder[]): void {
  if (holders.length === 0) fs.rmSync(openMarkerPath(databasePath), { force: true });
  else fs.writeFileSync(openMarkerPath(databasePath), holders.map((h) => `${JSON.stringify(h)}\n`).join(''));
}

/**
 * True when the marker says the last session stopped without closing: it names a process that is no
 * longer running, or cannot be read. A marker whose holders are all running (the app while a CLI
 * command works on the same notebook) is no sign of an unclean stop.
 */
export function uncleanStopMarked(databasePath: string): boolean {
  if (!hasOpenMarker(databasePath)) return false;
  const { holders, unreadable } = readHolders(databasePath);
  return unreadable || holders.length === 0 || holders.some((holder) => !isRunning(holder));
}

/**
 * Adds this process to the marker (who opened the notebook and when, for a person looking at the
 * folder). Holders that are no longer running are dropped: their session is the unclean stop this open
 * recovers from. Other running processes stay, so that the first to close does not remove the marker
 * while another still writes. Written after the database opened, so a failed open never leaves one; a
 * marker that cannot be written only costs the lost-log warning, so the failure is not fatal.
 */
export function writeOpenMarker(databasePath: string, host: string, now = new Date()): boolean {
  try {
    const others = readHolders(databasePath).holders.filter(
      (holder) => holder.pid !== process.pid && isRunning(holder),
    );
    const self: Holder = {
      pid: process.pid,
      host,
      openedAt: now.toISOString(),
      bootedAt: new Date(bootTime()).toISOString(),
    };
    writeHolders(databasePath, [...others, self]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes this process off the marker after it closed cleanly; the file goes when no running process
 * is left on it. Never throws.
 */
export function releaseOpenMarker(databasePath: string): void {
  try {
    const others = readHolders(databasePath).holders.filter(
      (holder) => holder.pid !== process.pid && isRunning(holder),
    );
    writeHolders(databasePath, others);
  } catch {
    // A marker left behind only makes the next start check the file; it never hides a loss.
  }
}

/** Removes the marker whoever holds it: for a file that was just replaced or set aside. Never throws. */
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
