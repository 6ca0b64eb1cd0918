import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillNotebook } from '../db/fixtures/fill';
import { openDatabase } from '../db/open';
import { notebookRows } from '../export/compare';
import { Notebook } from '../notebook';
import { DATABASE_FILE } from '../paths';
import { hashFile, makeTempDir } from '../testing/temp-dir';
import { diagnoseNotebook, lastGoodBackup, recoverFromLastGoodBackup } from './recovery';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir('dossier-recovery-');
  file = path.join(temp.dir, DATABASE_FILE);
});
afterEach(() => temp.remove());

function rows(): ReturnType<typeof notebookRows> {
  const db = new Database(file, { readonly: true });
  try {
    return notebookRows(db);
  } finally {
    db.close();
  }
}

/** A notebook with data and one backup of it; returns the rows at backup time. */
async function notebookWithBackup(): Promise<ReturnType<typeof notebookRows>> {
  const db = openDatabase(file);
  fillNotebook(db, 30, 4);
  db.close();
  const notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
  await notebook.backupNow();
  await notebook.close();
  return rows();
}

/** Garbage over the middle of every page after the first: a disk that went bad. */
function flipBytes(target: string): void {
  const bytes = fs.readFileSync(target);
  for (let page = 2; page * 4096 < bytes.length; page++) {
    for (let i = 50; i < 300; i++) bytes[page * 4096 + i] = (bytes[page * 4096 + i] ?? 0) ^ 0x5a;
  }
  fs.writeFileSync(target, bytes);
}

describe('diagnoseNotebook', () => {
  it('finds a healthy notebook healthy, and a missing one too', async () => {
    expect(diagnoseNotebook(temp.dir)).toEqual({ code: null, problems: [] });
    await notebookWithBackup();
    expect(diagnoseNotebook(temp.dir)).toEqual({ code: null, problems: [] });
  });

  it('finds flipped bytes, a file that is not a database and a newer schema, without changing them', async () => {
    await notebookWithBackup();
    flipBytes(file);
    let hash = hashFile(file);
    expect(diagnoseNotebook(temp.dir).code).toBe('DB_CORRUPT');
    expect(hashFile(file)).toBe(hash);

    fs.writeFileSync(file, 'not a database, just text '.repeat(500));
    hash = hashFile(file);
    expect(diagnoseNotebook(temp.dir).code).toBe('DB_CORRUPT');
    expect(hashFile(file)).toBe(hash);

    fs.rmSync(file);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    hash = hashFile(file);
    expect(diagnoseNotebook(temp.dir).code).toBe('DB_TOO_NEW');
    expect(hashFile(file)).toBe(hash);
  });
});

describe('recoverFromLastGoodBackup', () => {
  it('puts the newest good backup in place and keeps the damaged file untouched beside it', async () => {
    const atBackup = await notebookWithBackup();
    flipBytes(file);
    const damaged = hashFile(file);

    const result = recoverFromLastGoodBackup(temp.dir);

    expect(result).not.toBeNull();
    expect(hashFile(result!.movedAside!)).toBe(damaged);
    expect(rows()).toEqual(atBackup);
    expect(diagnoseNotebook(temp.dir).code).toBeNull();
  });

  it('skips damaged backups and changes nothing when there is no good one', async () => {
    await notebookWithBackup();
    const backup = lastGoodBackup(temp.dir)!;
    flipBytes(path.join(temp.dir, 'backups', backup.name));
    fs.writeFileSync(file, 'garbage');
    expect(lastGoodBackup(temp.dir)).toBeNull();
    expect(recoverFromLastGoodBackup(temp.dir)).toBeNull();
    expect(fs.readFileSync(file, 'utf8')).toBe('garbage');
  });
});
