/**
 * Turns on SQLite URI filenames for this process, which db/read-in-place.ts needs for `?immutable=1`.
 * Imported for its effect only, before the first connection.
 *
 * better-sqlite3 reads SQLITE_USE_URI from the environment when its native addon loads, on the first
 * connection of the process (SQLite's setting is process-wide and fixed at first use). Ordinary paths
 * are unaffected: only names starting with "file:" are read as URIs, and Dossier's paths are absolute.
 * In a worker thread process.env is a copy the addon does not see: the host's main thread imports this
 * module before it starts the core worker (electron/main does). Where it is off, nothing breaks:
 * reading in place is refused and a private copy is read instead. A value already set is respected.
 */
if (process.env.SQLITE_USE_URI === undefined) process.env.SQLITE_USE_URI = '1';

export {};
