import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { hashFile, makeTempDir } from '../testing/temp-dir';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './migrate';
import { CACHE_KIB, openDatabase } from './open';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'nested', 'folder', 'dossier.sqlite');
});

afterEach(() => temp.remove());

function openError(target: string, options?: { readonly?: boolean }): ApiError {
  try {
    openDatabase(target, options).close();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('openDatabase did not fail');
}

/** Bytes of the database and of any -wal/-shm beside it, so a leftover journal with content shows. */
function snapshot(target: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of fs.readdirSync(path.dirname(target))) {
    const full = path.join(path.dirname(target), name);
    if (name.startsWith(path.basename(target)) && fs.statSync(full).size > 0) result[name] = hashFile(full);
  }
  return result;
}

describe('openDatabase', () => {
  it('creates the folder and sets the pragmas on every connection', () => {
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('cache_size', { simple: true })).toBe(-CACHE_KIB);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      db.close();
    }
  });

  it('keeps data across reopening', () => {
    const first = openDatabase(file);
    first
      .prepare(`INSERT INTO notes (id, title, created_at, updated_at) VALUES ('n1', 'Kept', 'x', 'x')`)
      .run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare(`SELECT title FROM notes WHERE id = 'n1'`).get()).toEqual({ title: 'Kept' });
    second.close();
  });

  it('refuses a database from a newer Dossier without changing a byte', () => {
    const db = openDatabase(file);
    db.prepare(
      `INSERT INTO notes (id, title, created_at, updated_at) VALUES ('n1', 'Future', 'x', 'x')`,
    ).run();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    // Also a file that was never in WAL mode: opening must not switch it.
    const legacy = path.join(temp.dir, 'legacy.sqlite');
    const plain = new Database(legacy);
    plain.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    plain.close();

    for (const target of [file, legacy]) {
      const before = snapshot(target);
      const error = openError(target);
      expect(error.code).toBe('DB_TOO_NEW');
      expect(error.message).toMatch(/written by a newer version of Dossier/);
      expect(error.message).toMatch(/Update Dossier to open it\. The file was not changed\./);
      expect(error.message).toContain(`this version knows up to ${LATEST_SCHEMA_VERSION}`);
      expect(error.details).toMatchObject({ supported: LATEST_SCHEMA_VERSION, path: target });
      expect(snapshot(target)).toEqual(before);
    }
    const check = new Database(legacy, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('refuses a file that is not a database, leaving it as it was', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'These are my meeting notes, not a database.\n'.repeat(100));
    const before = hashFile(file);
    const error = openError(file);
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/not a Dossier notebook or is damaged/);
    expect(error.message).toMatch(/The file was not changed/);
    expect(error.details).toMatchObject({ path: file });
    expect(hashFile(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['dossier.sqlite']);
  });

  it('reports a folder it cannot create as DB_READONLY', () => {
    const blocker = path.join(temp.dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const error = openError(path.join(blocker, 'sub', 'dossier.sqlite'));
    // ENOTDIR is not a permission problem; what matters is a clear error rather than a crash.
    expect(['DB_READONLY', 'INTERNAL']).toContain(error.code);
    expect(error.message).toMatch(/could not open the notebook/);
  });

  it.skipIf(process.getuid?.() === 0)('reports a write-protected file as DB_READONLY', () => {
    openDatabase(file).close();
    fs.chmodSync(file, 0o444);
    const error = openError(file);
    expect(error.code).toBe('DB_READONLY');
    expect(error.message).toMatch(/cannot write/);
  });

  it('opens read-only without writing, and refuses writes', () => {
    openDatabase(file).close();
    const before = hashFile(file);
    const db = openDatabase(file, { readonly: true });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare(`DELETE FROM notes`).run()).toThrow();
    db.close();
    expect(hashFile(file)).toBe(before);
    expect(openError(path.join(temp.dir, 'missing.sqlite'), { readonly: true }).code).not.toBe('DB_TOO_NEW');
  });
});
