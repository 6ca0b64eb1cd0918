/**
 * Reading the notebook file where it is, for a quick look (`dossier info`, the start screen's "can it
 * be read read-only?" probe), without copying it and without changing anything beside it.
 *
 * SQLite's `immutable` URI parameter does that: no locks, no `-wal`, no `-shm`, nothing written. A
 * plain `readonly: true` connection is no option: measured with SQLite 3.53 (better-sqlite3 12.11), it
 * creates `-wal` and `-shm` beside a WAL database and leaves them there after closing, which would also
 * hide a lost `-wal` (db/open-marker.ts). The alternative, a private copy (read-only-copy.ts), reads and
 * writes the whole file: 700 MB for the notebook of 100k sources.
 *
 * `immutable` promises SQLite that nobody changes the file meanwhile, and it ignores a `-wal` (the
 * newest commits) and a rollback `-journal`. So it is used only for short reads, and only when neither
 * is beside the file: no connection in WAL mode has it open then (an open one keeps its `-wal`).
 * Where this process cannot read URI filenames, {@link canReadInPlace} says no and callers copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
// Before any connection: see uri-filenames.ts.
import './uri-filenames';

/** The `file:` URI that opens `file` with SQLite's immutable flag. */
export function immutableUri(file: string): string {
  const parts = path.resolve(file).split(path.sep);
  // Every character SQLite would read as URI syntax (%, ?, #) is escaped; a drive letter stays as is.
  const encoded = parts.map((part, i) =>
    i === 0 && /^[A-Za-z]:$/.test(part) ? part : encodeURIComponent(part),
  );
  const joined = encoded.join('/');
  return `file:${joined.startsWith('/') ? '' : '/'}${joined}?immutable=1`;
}

let uriFilenamesOn = false;

/**
 * Whether `databasePath` can be read in place now: it exists, has no `-wal` or `-journal` beside it,
 * and this process reads URI filenames. Opening does not read the file, so this costs next to nothing.
 */
export function canReadInPlace(databasePath: string): boolean {
  if (!fs.existsSync(databasePath)) return false;
  if (fs.existsSync(`${databasePath}-wal`) || fs.existsSync(`${databasePath}-journal`)) return false;
  if (uriFilenamesOn) return true;
  try {
    // With URI filenames off this is a relative name that does not exist; read-only never creates it.
    new Database(immutableUri(databasePath), { readonly: true, fileMustExist: true }).close();
    uriFilenamesOn = true;
  } catch {
    return false;
  }
  return true;
}
