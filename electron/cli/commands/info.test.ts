import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../core/db/migrate';
import { openMarkerPath } from '../../core/db/open-marker';
import { Notebook } from '../../core/notebook';
import { DATABASE_FILE } from '../../core/paths';
import { hashFile, makeTempDir } from '../../core/testing/temp-dir';
import { runCli } from '../testing';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir('dossier-info-');
  file = path.join(temp.dir, DATABASE_FILE);
});
afterEach(() => temp.remove());

/** Names and hashes of every file in the data folder: proves `info` created and changed nothing. */
function folder(): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of fs.readdirSync(temp.dir)) result[name] = hashFile(path.join(temp.dir, name));
  return result;
}

async function notebookWithNotes(): Promise<void> {
  const notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
  for (let i = 0; i < 40; i++) await notebook.createNote({ title: `Note ${i}`.repeat(20) });
  await notebook.close();
}

describe('dossier info on damaged data', () => {
  it('says there is no notebook at a mistyped folder, and creates nothing', async () => {
    const mistyped = path.join(temp.dir, 'notebok');
    const { code, stdout, stderr } = await runCli(['info', '--data-dir', mistyped]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `No notebook at ${mistyped} (there is no ${path.join(mistyped, DATABASE_FILE)}). ` +
        'Check --data-dir; nothing was created.\n',
    );
    expect(fs.existsSync(mistyped)).toBe(false);
  });

  it('checks a healthy notebook without adding a -wal or -shm beside it', async () => {
    await notebookWithNotes();
    const before = folder();
    const { code, stdout } = await runCli(['info', '--data-dir', temp.dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Check:        quick_check ok');
    expect(stdout).toContain(`Schema:       ${LATEST_SCHEMA_VERSION}`);
    expect(folder()).toEqual(before);
  });

  it('reads the notebook in place: no copy of it, and nothing added beside it', async () => {
    await notebookWithNotes();
    const before = folder();
    const savedTmp = process.env.TMPDIR;
    // A temp folder that does not exist: a copy of the notebook would fail, so none may be needed.
    process.env.TMPDIR = path.join(temp.dir, 'no-such-temp-folder');
    try {
      const { code, stdout, stderr } = await runCli(['info', '--data-dir', temp.dir]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('Check:        quick_check ok');
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    expect(folder()).toEqual(before);
  });

  it('reads the -wal a killed app left (from a copy), and leaves the folder as it was', async () => {
    await notebookWithNotes();
    const writer = new Database(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("UPDATE notes SET title = 'Only in the log'").run();
    // Copies of the database and its log as a killed app leaves them: its connection never closed.
    const kept = path.join(temp.dir, 'kept');
    fs.mkdirSync(kept);
    fs.copyFileSync(file, path.join(kept, DATABASE_FILE));
    fs.copyFileSync(`${file}-wal`, path.join(kept, `${DATABASE_FILE}-wal`));
    writer.close();
    const files = (): Record<string, string> =>
      Object.fromEntries(fs.readdirSync(kept).map((name) => [name, hashFile(path.join(kept, name))]));
    const before = files();
    const { code, stdout } = await runCli(['info', '--json', '--data-dir', kept]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ quickChecked: true, readOnly: null });
    expect(files()).toEqual(before);
  });

  it('diagnoses flipped bytes: exit 1, what quick_check found, the file unchanged', async () => {
    await notebookWithNotes();
    const bytes = fs.readFileSync(file);
    for (let page = 2; page * 4096 < bytes.length; page++) {
      for (let i = 0; i < 64; i++) bytes[page * 4096 + i] = (bytes[page * 4096 + i] ?? 0) ^ 0xa5;
    }
    fs.writeFileSync(file, bytes);
    const before = folder();

    const text = await runCli(['info', '--data-dir', temp.dir]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^The notebook file is damaged: /);
    expect(text.stderr.split('\n').length).toBeGreaterThan(2); // the check's findings follow
    const json = await runCli(['info', '--json', '--data-dir', temp.dir]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problem: { kind: 'corrupt' } });
    expect(folder()).toEqual(before);
  });

  it('diagnoses a lost -wal after an unclean stop, and a newer schema', async () => {
    await notebookWithNotes();
    fs.writeFileSync(openMarkerPath(file), '{}\n'); // as a killed host leaves it, minus its -wal
    let before = folder();
    const lost = await runCli(['info', '--data-dir', temp.dir]);
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(/^Recent changes may be lost: /);
    expect(folder()).toEqual(before);

    fs.rmSync(openMarkerPath(file));
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    db.close();
    before = folder();
    const newer = await runCli(['info', '--json', '--data-dir', temp.dir]);
    expect(newer.code).toBe(1);
    expect(JSON.parse(newer.stdout)).toMatchObject({ problem: { kind: 'too-new' } });
    expect(folder()).toEqual(before);
  });
});
