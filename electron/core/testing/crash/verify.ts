/**
 * After a crash: opens the notebook the way the app would on its next start and checks that nothing
 * was lost or half-written. Every check is independent of the others, so one report lists them all.
 */
import fs from 'node:fs';
import { DEFAULT_BACKUP_SETTINGS } from '../../../../shared/areas/backup';
import path from 'node:path';
import { checkBackupFile } from '../../backup/backup-file';
import { BackupCatalog } from '../../backup/catalog';
import { BACKUP_FOLDER } from '../../backup/names';
import { virtualTables } from '../../backup/tables';
import { openDatabase } from '../../db/open';
import { lexicalPlainText } from '../../notes/plain-text';
import { DATABASE_FILE } from '../../paths';
import { missingOrEmpty } from '../../startup/empty-file';
import { noteContent, noteTitle, type Ack } from './protocol';
import { plainTextSql } from '../../db/source-parts';

/** What checking a notebook after a crash found. */
export interface CrashCheck {
  /** Acknowledged writes that are missing or older than acknowledged. */
  lost: string[];
  /** Everything else that is wrong: integrity, references, half-applied writes, bad backups. */
  problems: string[];
}

interface NoteRow {
  id: string;
  title: string;
  content: string;
  plain_text: string;
  version: number;
}

/** Checks the notebook in `dataDir` against every write acknowledged so far. */
export function verifyAfterCrash(dataDir: string, acks: readonly Ack[]): CrashCheck {
  const lost: string[] = [];
  const problems: string[] = [];
  // Killed while restoring over an emptied file: opening it here would create a new, empty notebook
  // and hide the loss from the next start. The next run restores; only the backups are checked now.
  if (missingOrEmpty(path.join(dataDir, DATABASE_FILE)) !== null) {
    checkBackups(dataDir, acks, lost, problems);
    return { lost, problems };
  }
  let db;
  try {
    db = openDatabase(path.join(dataDir, DATABASE_FILE));
  } catch (error) {
    return { lost: [], problems: [`the notebook does not open: ${String(error)}`] };
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) problems.push(`foreign_key_check: ${dangling.length} row(s)`);
    for (const table of virtualTables(db, 'main')) {
      try {
        db.prepare(`INSERT INTO "${table}" ("${table}") VALUES ('integrity-check')`).run();
      } catch (error) {
        problems.push(`full-text index ${table}: ${String(error)}`);
      }
    }

    // Notes: each acknowledged save is there (or a later one), and every note is one whole version.
    const notes = new Map(
      (db.prepare('SELECT id, title, content, plain_text, version FROM notes').all() as NoteRow[]).map(
        (n) => [n.id, n],
      ),
    );
    const newestAck = new Map<string, number>();
    for (const a of acks)
      if (a.kind === 'note') newestAck.set(a.id, Math.max(a.version, newestAck.get(a.id) ?? 0));
    for (const [id, version] of newestAck) {
      const note = notes.get(id);
      if (note === undefined) lost.push(`note ${id} (acknowledged at version ${version}) is missing`);
      else if (note.version < version)
        lost.push(`note ${id} is at version ${note.version}, acknowledged ${version}`);
    }
    for (const note of notes.values()) {
      if (note.title === 'new' && note.version === 1 && note.content === '') continue; // created, not yet saved
      if (note.title !== 'new' && !note.title.startsWith('crash ')) continue; // a batch's note, checked below
      if (
        note.title !== noteTitle(note.id, note.version) ||
        note.content !== noteContent(note.id, note.version)
      ) {
        problems.push(`note ${note.id} mixes versions: title "${note.title}" at version ${note.version}`);
      } else if (note.plain_text !== lexicalPlainText(note.content)) {
        problems.push(`note ${note.id}: plain text does not match its content`);
      }
    }

    // Batches: all rows of a batch, over ten tables, or none.
    const batches = db
      .prepare(
        `SELECT substr(url, 23, instr(substr(url, 23), '/') - 1) AS seed, count(*) AS n FROM sources
         WHERE url LIKE 'https://example.org/a/%' GROUP BY seed`,
      )
      .all() as { seed: string; n: number }[];
    const stored = new Map(batches.map((b) => [Number(b.seed), b.n]));
    for (const a of acks) {
      if (a.kind === 'batch' && stored.get(a.seed) !== a.count) {
        lost.push(`batch ${a.seed}: ${stored.get(a.seed) ?? 0} of ${a.count} sources`);
      }
    }
    for (const [seed, n] of stored) {
      const count = (sql: string): number => (db!.prepare(sql).get(`${seed}-%`) as { n: number }).n;
      const people = count(
        "SELECT count(*) AS n FROM entities WHERE kind = 'person' AND name LIKE 'Person ' || ?",
      );
      const events = count(
        "SELECT count(*) AS n FROM entities WHERE kind = 'event' AND name LIKE 'Event ' || ?",
      );
      if (people !== n || events !== n)
        problems.push(`batch ${seed} is half-applied (${n} sources, ${people} people, ${events} events)`);
    }

    // Clips: the source and its text.
    for (const a of acks) {
      if (a.kind !== 'clip') continue;
      const row = db
        .prepare(`SELECT ${plainTextSql('s')} AS plain_text FROM sources s WHERE id = ?`)
        .get(a.id) as { plain_text: string } | undefined;
      if (row === undefined) lost.push(`clip ${a.id} is missing`);
      else if (!row.plain_text.includes(a.marker)) problems.push(`clip ${a.id} lost its text`);
    }
  } finally {
    db.close();
  }
  checkBackups(dataDir, acks, lost, problems);
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) problems.push('the notebook file is gone');
  return { lost, problems };
}

/** Backups: acknowledged ones exist, and every file with a backup's name passes the check. */
function checkBackups(dataDir: string, acks: readonly Ack[], lost: string[], problems: string[]): void {
  const catalog = new BackupCatalog(path.join(dataDir, BACKUP_FOLDER));
  const names = new Set(catalog.list().map((b) => b.name));
  for (const a of acks) {
    if (a.kind !== 'backup' || names.has(a.name)) continue;
    // Rotation deletes a backup once `keep` newer ones exist (the child keeps the default setting);
    // names sort by time.
    const newer = [...names].filter((name) => name > a.name).length;
    if (newer < DEFAULT_BACKUP_SETTINGS.keep) lost.push(`backup ${a.name} is missing`);
  }
  for (const name of names) {
    const check = checkBackupFile(catalog.pathOf(name));
    if (!check.ok) problems.push(`backup ${name} is listed but damaged: ${check.problems.join('; ')}`);
  }
}
