/**
 * CLI commands on a notebook the app would not open: they run the app's start-up checks, refuse (or
 * read a private copy) with a message that names the problem and the restore command, and never change
 * the damaged file or hide its damage from the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrate';
import { openMarkerPath } from '../core/db/open-marker';
import { DATABASE_FILE } from '../core/paths';
import { NotebookSession } from '../core/startup/session';
import { hashFile, makeTempDir } from '../core/testing/temp-dir';
import { runCli } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir('dossier-cli-damaged-');
  file = path.join(temp.dir, DATABASE_FILE);
});
afterEach(() => temp.remove());

/** Every file in the data folder (not the backups) with its hash. */
function folder(): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of fs.readdirSync(temp.dir)) {
    const full = path.join(temp.dir, name);
    if (fs.statSync(full).isFile()) result[name] = hashFile(full);
  }
  return result;
}

/** Notes "First" and "Second" and a backup of them, closed cleanly. */
async function notebook(): Promise<void> {
  const session = NotebookSession.start({ dataDir: temp.dir, host: 'test' });
  await session.createNote({ title: 'First' });
  await session.createNote({ title: 'Second' });
  await session.backupNow();
  await session.close();
}

/** As a killed app leaves it, after which its -wal was lost: the marker stays, there is no -wal. */
function loseWal(): void {
  fs.writeFileSync(openMarkerPath(file), '{"pid":2147483646,"host":"electron","openedAt":"x"}\n');
}

function flipBytes(): void {
  const bytes = fs.readFileSync(file);
  for (let page = 2; page * 4096 < bytes.length; page++) {
    for (let i = 0; i < 64; i++) bytes[page * 4096 + i] = (bytes[page * 4096 + i] ?? 0) ^ 0xa5;
  }
  fs.writeFileSync(file, bytes);
}

const dir = () => ['--data-dir', temp.dir];

// Regression (issue 19): an emptied notebook file was opened as a new notebook by every command.
describe('CLI commands on a notebook file emptied to 0 bytes beside its backup', () => {
  it('refuse and say so, `info` names it, and `restore --latest` brings the backup back', async () => {
    await notebook();
    fs.truncateSync(file, 0);
    const before = folder();

    const listed = await runCli(['notes', 'list', ...dir()]);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toMatch(/^dossier notes: The notebook file is empty\. /);
    expect(listed.stderr).toContain(
      `To restore the newest good backup: dossier restore --latest --data-dir ${temp.dir}`,
    );
    expect(listed.stderr).toContain('Dossier never deletes backups');
    const info = await runCli(['info', ...dir()]);
    expect(`${info.stdout}${info.stderr}`).toMatch(/The notebook file is empty/);
    expect(folder()).toEqual(before);

    const restored = await runCli(['restore', '--latest', '--json', ...dir()]);
    expect(restored.stderr).toBe('');
    expect(JSON.parse(restored.stdout)).toMatchObject({ mode: 'replaced-file' });
    const titles = await runCli(['notes', 'list', ...dir()]);
    expect(titles.stdout).toContain('First');
    expect(titles.stdout).toContain('Second');
  });
});

describe('CLI commands on a damaged notebook', () => {
  it('refuse after a lost -wal, say how to restore, and leave the loss for the app to find', async () => {
    await notebook();
    loseWal();
    const before = folder();

    const listed = await runCli(['notes', 'list', ...dir()]);
    expect(listed.code).toBe(1);
    expect(listed.stdout).toBe('');
    expect(listed.stderr).toMatch(/^dossier notes: Recent changes may be lost\. /);
    expect(listed.stderr).toContain(`dossier restore --latest --data-dir ${temp.dir}`);
    const imported = await runCli(['import-json', ...dir(), path.join(temp.dir, DATABASE_FILE)]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/Recent changes may be lost/);
    expect(folder()).toEqual(before);

    const session = NotebookSession.start({ dataDir: temp.dir, host: 'test' });
    expect(session.problem?.kind).toBe('wal-missing');
    await session.close();
  });

  it('run the start-up integrity check: flipped bytes are refused, and the file is not touched', async () => {
    await notebook();
    flipBytes();
    const before = folder();
    for (const argv of [['notes', 'list'], ['search', 'First'], ['backup']]) {
      const run = await runCli([...argv, ...dir()]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/The notebook file is damaged\. /);
      expect(run.stderr).toContain('dossier restore --latest');
    }
    expect(folder()).toEqual(before);
  });

  it('refuse a notebook from a newer Dossier without changing it', async () => {
    await notebook();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = folder();
    const run = await runCli(['notes', 'list', ...dir()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/This notebook was made by a newer Dossier\. /);
    expect(folder()).toEqual(before);
  });

  it('export what can still be read from a private copy, saying so, and change nothing', async () => {
    await notebook();
    loseWal();
    const before = folder();
    const run = await runCli(['export', '--json', ...dir()]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /Recent changes may be lost; reading what remains from a private read-only copy/,
    );
    const titles = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { table?: string; row?: { title?: string } })
      .filter((line) => line.table === 'notes')
      .map((line) => line.row?.title);
    expect(titles.sort()).toEqual(['First', 'Second']);
    const list = await runCli(['backup', '--list', '--json', ...dir()]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ backups: [expect.objectContaining({ kind: 'manual' })] });
    expect(folder()).toEqual(before);
  });

  it('restore --latest, as the message says, leaves a notebook the app opens normally', async () => {
    await notebook();
    loseWal();
    const restored = await runCli(['restore', '--latest', ...dir()]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(fs.existsSync(openMarkerPath(file))).toBe(false);
    const session = NotebookSession.start({ dataDir: temp.dir, host: 'test' });
    expect(session.mode).toBe('normal');
    expect((await session.listNotes()).map((note) => note.title).sort()).toEqual(['First', 'Second']);
    await session.close();
  });

  it('on a healthy notebook, leave no in-use marker and no log behind', async () => {
    await notebook();
    const run = await runCli(['notes', 'list', ...dir()]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
    expect(fs.existsSync(openMarkerPath(file))).toBe(false);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
