import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_VALIDATORS } from '../../../shared/areas/backup.args';
import { ApiError } from '../../../shared/errors';
import type { NoteId } from '../../../shared/model';
import type { CoreContext } from '../context';
import { fillNotebook } from '../db/fixtures/fill';
import { MIGRATIONS, migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { notebookRows } from '../export/compare';
import { Notebook } from '../notebook';
import { DATABASE_FILE } from '../paths';
import { makeTempDir } from '../testing/temp-dir';
import { BACKUP_FOLDER, backupFileName } from './names';
import { BackupService } from './service';

let temp: ReturnType<typeof makeTempDir>;
let notebook: Notebook;

beforeEach(() => {
  temp = makeTempDir('dossier-backup-');
  notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
});

afterEach(async () => {
  await notebook.close();
  temp.remove();
});

const backupsDir = (): string => path.join(temp.dir, BACKUP_FOLDER);

function rowsOf(file: string, withSeq = true): ReturnType<typeof notebookRows> {
  const db = new Database(file, { readonly: true });
  try {
    return notebookRows(db, { withSeq });
  } finally {
    db.close();
  }
}

function liveRows(): ReturnType<typeof notebookRows> {
  return rowsOf(path.join(temp.dir, DATABASE_FILE));
}

describe('backupNow', () => {
  it('writes one checked, self-contained file holding every row of the notebook', async () => {
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    fillNotebook(db, 4);
    db.close();
    await notebook.createNote({ title: 'kept' });

    const backup = await notebook.backupNow();

    expect(backup.kind).toBe('manual');
    expect(backup.integrity).toBe('ok');
    expect(backup.sizeBytes).toBeGreaterThan(0);
    // One file: no -wal/-shm beside it, no .partial left behind.
    expect(fs.readdirSync(backupsDir()).sort()).toEqual(['checks.json', backup.name]);
    expect(rowsOf(path.join(backupsDir(), backup.name))).toEqual(liveRows());
    const list = await notebook.listBackups();
    expect(list.backups.map((b) => b.name)).toEqual([backup.name]);
    expect(list.running).toBe(false);
  });

  it('keeps answering and includes writes made while the copy runs', async () => {
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    fillNotebook(db, 40); // several hundred pages, so the copy takes many steps
    db.close();
    const pending = notebook.backupNow();
    const written = await Promise.all(
      Array.from({ length: 5 }, (_, i) => notebook.createNote({ title: `during ${i}` })),
    );
    const backup = await pending;
    const titles = rowsOf(path.join(backupsDir(), backup.name)).notes!.map((row) => row.title);
    // Every note acknowledged before the copy finished is in it (SQLite updates a running backup
    // with the source connection's own writes).
    for (const note of written) expect(titles).toContain(note.title);
  });

  it('keeps only the newest N backups', async () => {
    await notebook.setBackupSettings({ keep: 2 });
    const names: string[] = [];
    for (let i = 0; i < 4; i++) names.push((await notebook.backupNow()).name);
    const left = (await notebook.listBackups()).backups.map((b) => b.name);
    expect(left).toEqual([names[3], names[2]]);
    expect(
      fs
        .readdirSync(backupsDir())
        .filter((f) => f.endsWith('.sqlite'))
        .sort(),
    ).toEqual([names[2], names[3]].sort());
  });

  // Regression (issue 19): once the notebook was emptied, its rolling backups pushed the last full
  // backup out after `keep` more.
  it('never prunes the backup holding the most data, nor the newest', async () => {
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    fillNotebook(db, 30);
    db.close();
    const full = (await notebook.backupNow()).name;
    // Everything deleted: the file keeps its size (free pages), the backups hold far less data.
    notebook.runOnDatabase((live) => {
      live.pragma('foreign_keys = OFF');
      for (const { name } of live
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%' AND name NOT LIKE '%fts%'`,
        )
        .all() as { name: string }[]) {
        live.exec(`DELETE FROM "${name}"`);
      }
      live.pragma('foreign_keys = ON');
    });
    await notebook.setBackupSettings({ keep: 2 });
    const later: string[] = [];
    for (let i = 0; i < 5; i++) later.push((await notebook.backupNow()).name);
    const left = (await notebook.listBackups()).backups.map((b) => b.name);
    expect(left).toEqual([later[4], later[3], full]);
  });

  it('says DB_READONLY and leaves nothing when the backups folder cannot be made', async () => {
    fs.writeFileSync(backupsDir(), 'a file where the folder should be');
    await expect(notebook.backupNow()).rejects.toMatchObject({
      code: 'DB_READONLY',
    });
    expect(fs.readFileSync(backupsDir(), 'utf8')).toBe('a file where the folder should be');
  });
});

describe('verifyBackup', () => {
  it('finds flipped bytes in a backup', async () => {
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    fillNotebook(db, 20);
    db.close();
    const backup = await notebook.backupNow();
    damage(path.join(backupsDir(), backup.name));
    const checked = await notebook.verifyBackup(backup.name);
    expect(checked.integrity).toBe('damaged');
    expect((await notebook.listBackups()).backups[0]!.integrity).toBe('damaged');
  });

  it('answers NOT_FOUND for a name that is not there', async () => {
    await expect(notebook.verifyBackup(backupFileName('auto', new Date()))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

/** Overwrites bytes in the middle of every page after the first few with garbage. */
function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let page = 2; page * 4096 < bytes.length; page++) {
    for (let i = 100; i < 400; i++) bytes[page * 4096 + i] = (i * 37) & 0xff;
  }
  fs.writeFileSync(file, bytes);
}

describe('restoreBackup', () => {
  it('brings back exactly the rows of the backup and saves the current notebook first', async () => {
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    fillNotebook(db, 3);
    db.close();
    const note = await notebook.createNote({ title: 'before' });
    const backup = await notebook.backupNow();
    const atBackup = liveRows();

    await notebook.updateNote({ id: note.id, expectedVersion: 1, title: 'after' });
    const added = await notebook.createNote({ title: 'added later' });
    const beforeRestore = liveRows();

    const result = await notebook.restoreBackup(backup.name);

    expect(result.restored.name).toBe(backup.name);
    expect(result.safetyBackup.kind).toBe('before-restore');
    // The settings table also comes back, so compare everything, including local row numbers.
    expect(liveRows()).toEqual(atBackup);
    expect((await notebook.getNote(note.id)).title).toBe('before');
    await expect(notebook.getNote(added.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The full-text index follows the restored rows.
    const live = new Database(path.join(temp.dir, DATABASE_FILE), { readonly: true });
    expect(live.prepare("SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH 'later'").get()).toEqual({
      n: 0,
    });
    expect(live.prepare("SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH 'before'").get()).toEqual({
      n: 1,
    });
    expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
    live.close();

    // Undo: the safety backup holds what the restore replaced.
    await notebook.restoreBackup(result.safetyBackup.name);
    expect(liveRows()).toEqual(beforeRestore);
    expect((await notebook.getNote(added.id)).title).toBe('added later');
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const db = openDatabase(path.join(temp.dir, DATABASE_FILE));
    fillNotebook(db, 20);
    db.close();
    const backup = await notebook.backupNow();
    await notebook.createNote({ title: 'newer' });
    const before = liveRows();
    damage(path.join(backupsDir(), backup.name));

    const failure = await notebook.restoreBackup(backup.name).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('DB_CORRUPT');
    expect((failure as ApiError).message).toMatch(/not changed/);
    expect(liveRows()).toEqual(before);
    expect((await notebook.listBackups()).backups.map((b) => b.kind)).toEqual(['manual']);
  });

  it('restores a backup made by an older schema, migrating a copy', async () => {
    const old = path.join(backupsDir(), backupFileName('manual', new Date(Date.UTC(2025, 0, 1))));
    fs.mkdirSync(backupsDir(), { recursive: true });
    const db = new Database(old);
    migrate(db, MIGRATIONS.slice(0, 1));
    const ids = fillNotebook(db, 2);
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytesBefore = fs.readFileSync(old);

    const result = await notebook.restoreBackup(path.basename(old));

    expect(result.fromSchemaVersion).toBe(1);
    expect((await notebook.getNote(ids.notes[0] as NoteId)).version).toBe(1);
    // The backup file itself is never changed by restoring it.
    expect(fs.readFileSync(old).equals(bytesBefore)).toBe(true);
  });
});

describe('the schedule', () => {
  function service(options: ConstructorParameters<typeof BackupService>[1]): {
    service: BackupService;
    close: () => Promise<void>;
  } {
    const db = openDatabase(path.join(temp.dir, 'scheduled', DATABASE_FILE));
    const ctx = {
      db,
      dataDir: path.join(temp.dir, 'scheduled'),
      databasePath: db.name,
      host: 'test',
      hooks: {} as CoreContext['hooks'],
    } satisfies CoreContext;
    const created = new BackupService(ctx, options);
    return {
      service: created,
      close: async () => {
        await created.close();
        db.close();
      },
    };
  }

  it('makes an automatic backup once the notebook has none, and plans the next one', async () => {
    const { service: backups, close } = service({ schedule: true, startupDelayMs: 20 });
    try {
      await vi.waitFor(async () => expect((await backups.listBackups()).backups).toHaveLength(1), {
        timeout: 5000,
      });
      await vi.waitFor(async () => expect((await backups.listBackups()).nextBackupAt).not.toBeNull());
      const list = await backups.listBackups();
      expect(list.backups[0]!.kind).toBe('auto');
      const gap = Date.parse(list.nextBackupAt!) - Date.parse(list.backups[0]!.createdAt);
      expect(gap).toBe(24 * 3_600_000);
    } finally {
      await close();
    }
  });

  it('counts a manual backup: the next automatic one is a full interval after it', async () => {
    const { service: backups, close } = service({ schedule: true, startupDelayMs: 3_600_000 });
    try {
      const made = await backups.backupNow();
      const next = (await backups.listBackups()).nextBackupAt;
      expect(Date.parse(next!) - Date.parse(made.createdAt)).toBe(24 * 3_600_000);
    } finally {
      await close();
    }
  });

  it('is off with everyHours 0 and stops on close', async () => {
    const { service: backups, close } = service({ schedule: true, startupDelayMs: 30 });
    await backups.setBackupSettings({ everyHours: 0 });
    expect((await backups.listBackups()).nextBackupAt).toBeNull();
    await backups.setBackupSettings({ everyHours: 1 });
    expect((await backups.listBackups()).nextBackupAt).not.toBeNull();
    await close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fs.existsSync(path.join(temp.dir, 'scheduled', BACKUP_FOLDER))).toBe(false);
  });
});

describe('validators', () => {
  it('accept backup names and settings in range only', () => {
    const good = backupFileName('auto', new Date());
    expect(BACKUP_VALIDATORS.restoreBackup([good])).toEqual([good]);
    for (const bad of ['../dossier.sqlite', `${good}/..`, '/etc/passwd', '', 7, `x${good}`]) {
      expect(() => BACKUP_VALIDATORS.restoreBackup([bad])).toThrow(/backup name/);
    }
    expect(BACKUP_VALIDATORS.setBackupSettings([{ keep: 3 }])).toEqual([{ keep: 3 }]);
    expect(() => BACKUP_VALIDATORS.setBackupSettings([{ keep: 0 }])).toThrow(/keep/);
    expect(() => BACKUP_VALIDATORS.setBackupSettings([{ everyHours: 1.5 }])).toThrow(/everyHours/);
    expect(() => BACKUP_VALIDATORS.setBackupSettings([{ folder: '/tmp' }])).toThrow(/unknown field/);
    expect(() => BACKUP_VALIDATORS.setBackupSettings([{}])).toThrow(/nothing to change/);
    expect(() => BACKUP_VALIDATORS.backupNow([1])).toThrow(/argument/);
  });
});
