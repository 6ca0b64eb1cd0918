import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillNotebook } from '../../core/db/fixtures/fill';
import { openDatabase } from '../../core/db/open';
import { notebookRows } from '../../core/export/compare';
import { makeTempDir, hashFile } from '../../core/testing/temp-dir';
import { runCli } from '../testing';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('dossier-cli-backup-');
});
afterEach(() => temp.remove());

const dbFile = (dir: string): string => path.join(dir, 'dossier.sqlite');

function rows(dir: string): ReturnType<typeof notebookRows> {
  const db = new Database(dbFile(dir), { readonly: true });
  try {
    return notebookRows(db);
  } finally {
    db.close();
  }
}

function seed(dir: string, count = 3, seedValue = 1): void {
  const db = openDatabase(dbFile(dir));
  fillNotebook(db, count, seedValue);
  db.close();
}

describe('dossier backup and restore', () => {
  it('backs up, lists, and restores a notebook', async () => {
    const dir = path.join(temp.dir, 'nb');
    seed(dir, 3, 1);
    const atBackup = rows(dir);

    const made = await runCli(['backup', '--data-dir', dir, '--json']);
    expect(made.code).toBe(0);
    const info = JSON.parse(made.stdout) as { name: string; integrity: string };
    expect(info.integrity).toBe('ok');

    seed(dir, 2, 9); // more work after the backup
    const list = await runCli(['backup', '--list', '--data-dir', dir]);
    expect(list.stdout).toContain(info.name);

    const restored = await runCli(['restore', '--data-dir', dir, info.name]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/saved as dossier-.*-before-restore\.sqlite/);
    expect(rows(dir)).toEqual(atBackup);
  });

  it('restores over a damaged notebook without destroying it', async () => {
    const dir = path.join(temp.dir, 'nb');
    seed(dir, 3, 2);
    expect((await runCli(['backup', '--data-dir', dir])).code).toBe(0);
    const atBackup = rows(dir);
    // Damage the notebook: garbage over its header.
    const bytes = fs.readFileSync(dbFile(dir));
    bytes.fill(0x41, 0, 100);
    fs.writeFileSync(dbFile(dir), bytes);
    const damagedHash = hashFile(dbFile(dir));
    expect((await runCli(['info', '--data-dir', dir])).stderr).toMatch(/damaged/);

    const restored = await runCli(['restore', '--data-dir', dir, '--latest', '--json']);
    expect(restored.code).toBe(0);
    const result = JSON.parse(restored.stdout) as { mode: string; movedAside: string };
    expect(result.mode).toBe('replaced-file');
    expect(hashFile(result.movedAside)).toBe(damagedHash);
    expect(rows(dir)).toEqual(atBackup);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const dir = path.join(temp.dir, 'nb');
    seed(dir);
    const before = hashFile(dbFile(dir));
    const notBackup = path.join(temp.dir, 'notes.txt');
    fs.writeFileSync(notBackup, 'just text, not a database at all');
    const result = await runCli(['restore', '--data-dir', dir, notBackup]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot be restored.*not changed/);
    expect(hashFile(dbFile(dir))).toBe(before);
    expect((await runCli(['restore', '--data-dir', dir])).code).toBe(2);
  });

  // Regression (issue 19): these said "unable to open database file" and "disk I/O error".
  it('says when the backup named does not exist, or is a folder, and changes nothing', async () => {
    const dir = path.join(temp.dir, 'nb');
    seed(dir);
    const before = hashFile(dbFile(dir));
    const missing = await runCli(['restore', '--data-dir', dir, 'dossier-nosuch-manual.sqlite']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      `There is no backup named dossier-nosuch-manual.sqlite in ${path.join(dir, 'backups')}, and no file at`,
    );
    expect(missing.stderr).toContain('dossier backup --list');
    expect(missing.stderr).not.toMatch(/unable to open database file/);

    const folder = path.join(temp.dir, 'a-folder');
    fs.mkdirSync(folder);
    const refused = await runCli(['restore', '--data-dir', dir, folder]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${folder} is a folder, not a backup file.`);
    expect(refused.stderr).not.toMatch(/disk I\/O error/);
    expect(hashFile(dbFile(dir))).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false); // no before-restore backup either
  });

  it('does not create a notebook in an empty folder when the backup named is not there', async () => {
    const dir = path.join(temp.dir, 'empty');
    fs.mkdirSync(dir);
    const missing = await runCli(['restore', '--data-dir', dir, path.join(temp.dir, 'nothing.sqlite')]);
    expect(missing.code).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('dossier export --json and import-json', () => {
  it('round-trips a notebook into an empty data folder, and merges a second time without doubling', async () => {
    const a = path.join(temp.dir, 'a');
    const b = path.join(temp.dir, 'b');
    seed(a, 4, 3);
    const out = path.join(temp.dir, 'export.jsonl');
    const exported = await runCli(['export', '--json', '--data-dir', a, '--out', out]);
    expect(exported.code).toBe(0);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);

    const first = await runCli(['import-json', '--data-dir', b, out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/notes\s+4 added/);
    const second = await runCli(['import-json', '--data-dir', b, out, '--json']);
    const summary = JSON.parse(second.stdout) as Record<string, { added: number; unchanged: number }>;
    expect(summary.notes).toMatchObject({ added: 0, unchanged: 4 });

    const { settings: _a, ...fromA } = rows(a);
    const { settings: _b, ...inB } = rows(b);
    expect(inB).toEqual(fromA);
  });

  it('writes to standard output and insists on the format flag', async () => {
    const a = path.join(temp.dir, 'a');
    seed(a, 1, 1);
    const result = await runCli(['export', '--json', '--data-dir', a]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'dossier-export', version: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true });
    expect((await runCli(['export', '--data-dir', a])).code).toBe(2);
  });
});
