import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { openMarkerPath } from '../db/open-marker';
import { DATABASE_FILE } from '../paths';
import { hashFile, makeTempDir } from '../testing/temp-dir';
import { NotebookSession, QUICK_CHECK_ALWAYS_BYTES, shouldQuickCheck } from './session';

const HOLD_OPEN = path.join(import.meta.dirname, 'testing', 'hold-open.ts');

let temp: ReturnType<typeof makeTempDir>;
let file: string;
const sessions: NotebookSession[] = [];
const locked: string[] = [];

beforeEach(() => {
  temp = makeTempDir('dossier-startup-');
  file = path.join(temp.dir, DATABASE_FILE);
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
  for (const target of locked.splice(0)) unlock(target);
  temp.remove();
});

function start(): NotebookSession {
  const session = NotebookSession.start({ dataDir: temp.dir, host: 'test' });
  sessions.push(session);
  return session;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

/** A notebook with notes, a backup of it, then one more note the backup does not have; clean close. */
async function notebookWithBackup(): Promise<void> {
  const session = NotebookSession.start({ dataDir: temp.dir, host: 'test' });
  await session.createNote({ title: 'In the backup' });
  await session.createNote({ title: 'Also in the backup' });
  await session.backupNow();
  await session.createNote({ title: 'After the backup' });
  await session.close();
}

/** A serialized Lexical editor state with one paragraph of `text`. */
function lexicalText(text: string): string {
  const node = { detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 };
  const paragraph = {
    children: [node],
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
  };
  return JSON.stringify({
    root: { children: [paragraph], direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 },
  });
}

/** Garbage over the b-tree page headers of every page after the first two: a disk that went bad. */
function flipBytes(target: string): void {
  const bytes = fs.readFileSync(target);
  for (let page = 2; page * 4096 < bytes.length; page++) {
    for (let i = 0; i < 64; i++) bytes[page * 4096 + i] = (bytes[page * 4096 + i] ?? 0) ^ 0xa5;
  }
  fs.writeFileSync(target, bytes);
}

/** Every file in the data folder (not the backups) with its hash: proves nothing was written or added. */
function folderSnapshot(): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of fs.readdirSync(temp.dir)) {
    const full = path.join(temp.dir, name);
    if (fs.statSync(full).isFile()) result[name] = hashFile(full);
  }
  return result;
}

/** Makes `target` unwritable, also for root (chattr +i), as a read-only disk would be. */
function lock(target: string): void {
  if (process.getuid?.() === 0) execFileSync('chattr', ['+i', target]);
  else fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o555 : 0o444);
  locked.push(target);
}

function unlock(target: string): void {
  if (process.getuid?.() === 0) execFileSync('chattr', ['-i', target]);
  else fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o755 : 0o644);
}

/** Runs a host that saves a note titled `title` and is then killed with SIGKILL. */
async function saveAndKill(title: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLD_OPEN, temp.dir, title], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('saved')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`hold-open exited (${code}): ${output}`)));
  });
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('a healthy notebook', () => {
  it('opens normally, marks itself in use, and a clean close leaves neither marker nor log', async () => {
    const session = start();
    expect((await session.getStartupState()).mode).toBe('normal');
    await session.createNote({ title: 'Kept' });
    expect(fs.existsSync(openMarkerPath(file))).toBe(true);
    await session.close();
    expect(fs.existsSync(openMarkerPath(file))).toBe(false);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    const again = start();
    const state = await again.getStartupState();
    expect(state).toMatchObject({ mode: 'normal', problem: null, readOnlyReason: null });
    expect((await again.listNotes()).map((note) => note.title)).toEqual(['Kept']);
  });
});

describe('when start-up runs quick_check', () => {
  it('always up to the size limit, above it only after an unclean stop, never for a missing file', () => {
    expect(shouldQuickCheck(file, false)).toBe(false);
    fs.writeFileSync(file, '');
    fs.truncateSync(file, QUICK_CHECK_ALWAYS_BYTES); // sparse: no real 32 MB written
    expect(shouldQuickCheck(file, false)).toBe(true);
    fs.truncateSync(file, QUICK_CHECK_ALWAYS_BYTES + 4096);
    expect(shouldQuickCheck(file, false)).toBe(false);
    expect(shouldQuickCheck(file, true)).toBe(true);
  });
});

describe('the lost-log marker', () => {
  it('stays when the close-time checkpoint could not truncate the log (a reader held it)', async () => {
    const session = start();
    await session.createNote({ title: 'Only in the log until a checkpoint' });
    // Another program (the CLI, a backup tool) reading the notebook keeps the log from being truncated.
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM notes').get();
    const db = (session as unknown as { notebook: { db: Database.Database } }).notebook.db;
    db.pragma('busy_timeout = 0'); // report "busy" at once instead of waiting for the reader
    await session.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(fs.existsSync(openMarkerPath(file))).toBe(true);
    reader.exec('COMMIT');
    reader.close();
  });

  it('is shared with another running process: closing removes only this one from it', async () => {
    start();
    await sessions.pop()!.close();
    // The parent of this test process is alive: as a running app beside a CLI command would be.
    const held = `${JSON.stringify({ pid: process.ppid, host: 'electron', openedAt: '2026-01-01T00:00:00.000Z' })}\n`;
    fs.writeFileSync(openMarkerPath(file), held);
    fs.writeFileSync(`${file}-wal`, ''); // a running app has its log open
    const session = start();
    expect((await session.getStartupState()).mode).toBe('normal');
    await session.createNote({ title: 'From the CLI' });
    const during = fs.readFileSync(openMarkerPath(file), 'utf8');
    expect(during.startsWith(held)).toBe(true);
    expect(during).toContain(`"pid":${process.pid}`);
    await session.close();
    expect(fs.readFileSync(openMarkerPath(file), 'utf8')).toBe(held);
  });

  it('does not warn after a kill that left its -wal, and keeps the saved note', async () => {
    start(); // creates the notebook
    await sessions.pop()!.close();
    await saveAndKill('Saved before the kill');
    expect(fs.existsSync(openMarkerPath(file))).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);

    const session = start();
    expect((await session.getStartupState()).mode).toBe('normal');
    expect((await session.listNotes()).map((note) => note.title)).toContain('Saved before the kill');
  });

  it('warns when the -wal is gone after a kill, changes nothing, and can keep the notebook as it is', async () => {
    await notebookWithBackup();
    await saveAndKill('Only in the log');
    fs.rmSync(`${file}-wal`);
    fs.rmSync(`${file}-shm`, { force: true });
    const before = folderSnapshot();

    const session = start();
    const state = await session.getStartupState();
    expect(state.mode).toBe('problem');
    expect(state.problem).toMatchObject({ kind: 'wal-missing', title: 'Recent changes may be lost' });
    expect(state.problem!.message).toMatch(/may be gone/);
    expect(state.lastGoodBackup?.name).toMatch(/-manual\.sqlite$/);
    expect(state.restore.available).toBe(true);
    expect(state.openReadOnly.available).toBe(true);
    expect(state.openWithoutLostChanges.available).toBe(true);
    expect((await rejection(session.listNotes())).code).toBe('UNAVAILABLE');
    expect(folderSnapshot()).toEqual(before);

    // Starting again still warns: nothing was opened, so nothing hid the loss.
    await session.close();
    expect((await start().getStartupState()).problem?.kind).toBe('wal-missing');
    await sessions.pop()!.close();
    expect(folderSnapshot()).toEqual(before);

    const again = start();
    const kept = await again.openWithoutLostChanges();
    expect(kept.mode).toBe('normal');
    expect(kept.keptAside).toHaveLength(1);
    expect(hashFile(kept.keptAside[0]!)).toBe(before[DATABASE_FILE]);
    const titles = (await again.listNotes()).map((note) => note.title);
    expect(titles).toContain('After the backup');
    expect(titles).not.toContain('Only in the log');
  });
});

describe('a damaged file', () => {
  it('is found by the start-up check, left byte for byte, and replaced by the last good backup', async () => {
    await notebookWithBackup();
    flipBytes(file);
    const damaged = hashFile(file);

    const session = start();
    const state = await session.getStartupState();
    expect(state.mode).toBe('problem');
    expect(state.problem).toMatchObject({ kind: 'corrupt', title: 'The notebook file is damaged' });
    expect(state.problem!.details.length).toBeGreaterThan(0);
    expect(state.lastGoodBackup).toMatchObject({
      name: expect.stringMatching(/^dossier-.*-manual\.sqlite$/),
    });
    expect(Date.parse(state.lastGoodBackup!.createdAt)).not.toBeNaN();
    expect((await rejection(session.createNote({ title: 'x' }))).code).toBe('DB_CORRUPT');
    expect(hashFile(file)).toBe(damaged);

    const restored = await session.restoreFromLastGoodBackup();
    expect(restored).toMatchObject({ mode: 'normal', problem: null });
    expect(restored.keptAside).toHaveLength(1);
    expect(path.basename(restored.keptAside[0]!)).toMatch(/^dossier\.sqlite\.replaced-\d{8}T\d{9}Z$/);
    expect(hashFile(restored.keptAside[0]!)).toBe(damaged);
    expect((await session.listNotes()).map((note) => note.title).sort()).toEqual([
      'Also in the backup',
      'In the backup',
    ]);
    await session.createNote({ title: 'Writable again' });
  });

  it('opens read-only from a copy: reads work, writes are refused, the folder is untouched', async () => {
    await notebookWithBackup();
    // Damage one table's pages only, so the rest is readable: the first page of the file stays.
    const db = new Database(file);
    const rootpage = (
      db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'quotes'`).get() as { rootpage: number }
    ).rootpage;
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x42, (rootpage - 1) * 4096, rootpage * 4096);
    fs.writeFileSync(file, bytes);
    const before = folderSnapshot();

    const session = start();
    expect((await session.getStartupState()).problem?.kind).toBe('corrupt');
    const state = await session.openReadOnly();
    expect(state.mode).toBe('read-only');
    expect(state.readOnlyReason).toMatch(/damaged/);
    expect((await session.listNotes()).length).toBe(3);
    const refused = await rejection(session.createNote({ title: 'Nope' }));
    expect(refused.code).toBe('READ_ONLY');
    expect(refused.message).toMatch(/read-only .*Nothing stored was changed/);
    await session.close();
    expect(folderSnapshot()).toEqual(before);
  });

  it('says when there is no good backup, and a file that is not a database is a problem too', async () => {
    fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const before = hashFile(file);
    const session = start();
    const state = await session.getStartupState();
    expect(state.problem?.kind).toBe('corrupt');
    expect(state.lastGoodBackup).toBeNull();
    expect(state.restore).toEqual({
      available: false,
      reason: expect.stringMatching(/no backup of this notebook that passes/),
    });
    expect(state.openReadOnly.available).toBe(false);
    expect(state.openReadOnly.reason).toMatch(/cannot be read/);
    expect((await rejection(session.restoreFromLastGoodBackup())).code).toBe('NOT_FOUND');
    expect(hashFile(file)).toBe(before);
  });
});

// Regression (issue 19): a 0-byte or missing notebook file beside good backups opened "normally" as an
// empty notebook, offered no restore, and its rolling backups then pushed the last good one out.
describe('a notebook file that is empty or missing beside its backups', () => {
  it.each([
    ['emptied to 0 bytes', 'The notebook file is empty', () => fs.truncateSync(file, 0)],
    ['deleted', 'The notebook file is missing', () => fs.rmSync(file)],
  ])('when %s: is a problem, offers the newest good backup, and writes nothing', async (_, title, lose) => {
    await notebookWithBackup();
    lose();
    const before = folderSnapshot();
    const backupsBefore = fs.readdirSync(path.join(temp.dir, 'backups')).sort();

    const session = start();
    const state = await session.getStartupState();
    expect(state.mode).toBe('problem');
    expect(state.problem).toMatchObject({ kind: 'empty', title });
    expect(state.problem!.message).toMatch(
      /holds one backup of it, the newest from .*did not open it as a new, empty notebook/,
    );
    expect(state.lastGoodBackup?.name).toMatch(/^dossier-.*-manual\.sqlite$/);
    expect(state.restore.available).toBe(true);
    expect(state.startNew.available).toBe(true);
    expect(state.openReadOnly).toEqual({
      available: false,
      reason: expect.stringMatching(/nothing to read/),
    });
    expect((await rejection(session.listNotes())).code).toBe('UNAVAILABLE');
    await session.close();
    expect(folderSnapshot()).toEqual(before);
    expect(fs.existsSync(file) ? fs.statSync(file).size : 'missing').toBe(
      before[DATABASE_FILE] === undefined ? 'missing' : 0,
    );

    const again = start();
    const restored = await again.restoreFromLastGoodBackup();
    expect(restored).toMatchObject({ mode: 'normal', problem: null });
    expect((await again.listNotes()).map((note) => note.title).sort()).toEqual([
      'Also in the backup',
      'In the backup',
    ]);
    await again.createNote({ title: 'Writable again' });
    // The backups were read, never changed or removed.
    expect(fs.readdirSync(path.join(temp.dir, 'backups')).sort()).toEqual(backupsBefore);
  });

  it('can start a new, empty notebook instead, keeping the empty file aside and every backup', async () => {
    await notebookWithBackup();
    fs.truncateSync(file, 0);
    const backups = fs.readdirSync(path.join(temp.dir, 'backups')).filter((n) => n.endsWith('.sqlite'));
    const session = start();
    const state = await session.startNewNotebook();
    expect(state).toMatchObject({ mode: 'normal', problem: null });
    expect(state.keptAside).toHaveLength(1);
    expect(path.basename(state.keptAside[0]!)).toMatch(/^dossier\.sqlite\.empty-\d{8}T\d{9}Z$/);
    expect(await session.listNotes()).toEqual([]);
    await session.createNote({ title: 'A fresh start' });
    await session.backupNow();
    const after = fs.readdirSync(path.join(temp.dir, 'backups')).filter((n) => n.endsWith('.sqlite'));
    for (const name of backups) expect(after).toContain(name);
    await session.close();
    // Now it is a notebook with content: the next start is a normal one.
    expect((await start().getStartupState()).mode).toBe('normal');
  });

  it('is a first start, as before, when there is no backup at all', async () => {
    fs.writeFileSync(file, '');
    const session = start();
    expect((await session.getStartupState()).mode).toBe('normal');
    expect((await rejection(session.startNewNotebook())).code).toBe('INVALID_ARGUMENT');
  });

  it('survives a stop half-way through the restore: the next start offers it again', async () => {
    await notebookWithBackup();
    fs.truncateSync(file, 0);
    // What replaceDatabaseFile leaves when stopped between its renames: the file set aside, the
    // checked copy not yet in place.
    fs.renameSync(file, `${file}.replaced-20260101T000000000Z`);
    fs.writeFileSync(`${file}.restoring`, 'half a copy');
    const session = start();
    expect((await session.getStartupState()).problem?.kind).toBe('empty');
    await session.restoreFromLastGoodBackup();
    expect((await session.listNotes()).length).toBe(2);
  });
});

describe('a notebook from a newer Dossier', () => {
  async function newer(dropTable: boolean): Promise<void> {
    await notebookWithBackup();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    if (dropTable) db.exec('ALTER TABLE notes RENAME TO notes_v2');
    db.close();
  }

  it('can be read read-only when its layout still has what this version reads', async () => {
    await newer(false);
    const before = folderSnapshot();
    const session = start();
    const state = await session.getStartupState();
    expect(state.problem?.kind).toBe('too-new');
    expect(state.openReadOnly.available).toBe(true);
    await session.openReadOnly();
    expect((await session.listNotes()).length).toBe(3);
    expect((await rejection(session.createNote({}))).code).toBe('READ_ONLY');
    await session.close();
    expect(folderSnapshot()).toEqual(before);
  });

  it('is probed for read-only mode in place: no copy of the file, nothing beside it', async () => {
    await newer(false);
    const before = folderSnapshot();
    const savedTmp = process.env.TMPDIR;
    // A temp folder that does not exist: any copy of the notebook would fail, so none is made.
    process.env.TMPDIR = path.join(temp.dir, 'no-such-temp-folder');
    try {
      const state = await start().getStartupState();
      expect(state.problem?.kind).toBe('too-new');
      expect(state.openReadOnly).toEqual({ available: true, reason: null });
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    expect(folderSnapshot()).toEqual(before);
  });

  it('explains when its layout changed too much to read', async () => {
    await newer(true);
    const state = await start().getStartupState();
    expect(state.problem?.kind).toBe('too-new');
    expect(state.openReadOnly).toEqual({
      available: false,
      reason: expect.stringMatching(/table notes/),
    });
  });
});

describe('a write-protected notebook', () => {
  it('opens read-only by itself and writes nothing', async () => {
    await notebookWithBackup();
    lock(temp.dir);
    const before = folderSnapshot();
    const session = start();
    const state = await session.getStartupState();
    expect(state.mode).toBe('read-only');
    expect(state.problem).toBeNull();
    expect(state.readOnlyReason).toMatch(/cannot be written/);
    expect((await session.listNotes()).length).toBe(3);
    expect((await rejection(session.createNote({ title: 'x' }))).code).toBe('READ_ONLY');
    expect((await rejection(session.backupNow())).code).toBe('READ_ONLY');
    await session.close();
    expect(folderSnapshot()).toEqual(before);
  });
});

describe('a full disk', () => {
  it('refuses the write with DISK_FULL and loses nothing stored', async () => {
    const session = start();
    const kept = await session.createNote({ title: 'Stored before', content: '' });
    // The session's own connection, capped at its current size: the next page it needs is refused.
    const db = (session as unknown as { notebook: { db: Database.Database } }).notebook.db;
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);

    const big = lexicalText('A long paragraph. '.repeat(20_000));
    const created = await rejection(session.createNote({ title: 'Too big for the disk', content: big }));
    expect(created.code).toBe('DISK_FULL');
    expect(created.message).toMatch(/disk .* is full.*Nothing already stored was lost/);
    const updated = await rejection(
      session.updateNote({ id: kept.id, expectedVersion: 1, title: 'Changed', content: big }),
    );
    expect(updated.code).toBe('DISK_FULL');

    expect(await session.listNotes()).toEqual([
      expect.objectContaining({ id: kept.id, title: 'Stored before' }),
    ]);
    expect(await session.getNote(kept.id)).toEqual(kept);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    db.pragma('max_page_count = 1073741823');
    const saved = await session.updateNote({ id: kept.id, expectedVersion: 1, title: 'Changed' });
    expect(saved.version).toBe(2);
  });
});
