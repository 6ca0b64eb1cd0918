/**
 * `npx tsx electron/core/startup/testing/damage-report.ts [--runs N]`: damages real notebooks in each
 * way the start screen handles, starts a NotebookSession on them, and prints a Markdown table per damage
 * kind: how often it was detected as what, how many damaged files changed by even one byte (must be 0),
 * and how many recoveries brought back every note of the backup with the damaged file kept aside.
 * The numbers in bench/results/reliability.md ("Damaged data") come from this command; with `--write`
 * it replaces that section of the file (the crash/fuzz report above it is kept).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { openMarkerPath } from '../../db/open-marker';
import { DATABASE_FILE } from '../../paths';
import { NotebookSession } from '../session';

interface Outcome {
  detected: string;
  changedBytes: boolean;
  /** null when no restore was offered (a write-protected folder opens read-only instead). */
  recovered: boolean | null;
}

const hash = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A notebook with `notes` notes and one backup of them; returns the titles in the backup. */
async function notebook(dir: string, notes: number): Promise<string[]> {
  const session = NotebookSession.start({ dataDir: dir, host: 'test' });
  const titles: string[] = [];
  for (let i = 0; i < notes; i++) titles.push((await session.createNote({ title: `Note ${i}` })).title);
  await session.backupNow();
  await session.createNote({ title: 'After the backup' });
  await session.close();
  return titles.sort();
}

/** Damages the notebook; may return how to undo what would stop the temp folder's removal. */
type Damage = (file: string, run: number) => void | (() => void);

/** Write-protects the folder, also for root (chattr +i), as a read-only disk would. */
function writeProtect(dir: string, on: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [on ? '+i' : '-i', dir]);
  else fs.chmodSync(dir, on ? 0o555 : 0o755);
}

const DAMAGES: Record<string, Damage> = {
  'flipped bytes in pages': (file, run) => {
    const bytes = fs.readFileSync(file);
    // A different run of pages each time: every page after the second, offset by the run number.
    for (let page = 2 + (run % 3); page * 4096 < bytes.length; page += 1) {
      for (let i = 0; i < 48; i++) bytes[page * 4096 + i] = (bytes[page * 4096 + i] ?? 0) ^ (0x5a + run);
    }
    fs.writeFileSync(file, bytes);
  },
  'not a database (overwritten with text)': (file) => fs.writeFileSync(file, 'my notes\n'.repeat(2000)),
  '-wal missing after an unclean stop': (file) => {
    fs.writeFileSync(openMarkerPath(file), '{}\n');
    fs.rmSync(`${file}-wal`, { force: true });
  },
  'schema from a newer Dossier': (file) => {
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
  },
  'write-protected notebook folder': (file) => {
    writeProtect(path.dirname(file), true);
    return () => writeProtect(path.dirname(file), false);
  },
};

async function attempt(damage: Damage, run: number): Promise<Outcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-damage-'));
  let undo: void | (() => void) = undefined;
  try {
    const inBackup = await notebook(dir, 5 + run);
    const file = path.join(dir, DATABASE_FILE);
    undo = damage(file, run);
    const damaged = hash(file);
    const session = NotebookSession.start({ dataDir: dir, host: 'test' });
    const state = await session.getStartupState();
    const detected = state.problem?.kind ?? state.mode;
    let changedBytes = hash(file) !== damaged;
    let recovered: boolean | null = null;
    if (state.restore.available) {
      const after = await session.restoreFromLastGoodBackup();
      const titles = (await session.listNotes()).map((note) => note.title).sort();
      const aside = after.keptAside[0];
      changedBytes ||= aside === undefined || hash(aside) !== damaged;
      recovered = JSON.stringify(titles) === JSON.stringify(inBackup);
    }
    await session.close();
    changedBytes ||= hash(file) !== damaged && recovered === null;
    return { detected, changedBytes, recovered };
  } finally {
    undo?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, write: { type: 'boolean', default: false } },
  });
  const runs = Number(values.runs);
  const lines = [
    '| damage | runs | detected as | damaged files changed | restored from last good backup, damaged file kept aside |',
    '| --- | ---: | --- | ---: | ---: |',
  ];
  for (const [name, damage] of Object.entries(DAMAGES)) {
    const outcomes: Outcome[] = [];
    for (let run = 0; run < runs; run++) outcomes.push(await attempt(damage, run));
    const kinds = [...new Set(outcomes.map((o) => o.detected))].join(', ');
    const changed = outcomes.filter((o) => o.changedBytes).length;
    const recovered = outcomes.filter((o) => o.recovered === true).length;
    const offered = outcomes.some((o) => o.recovered !== null);
    const restore = offered ? `${recovered} of ${runs}` : 'not offered: opens read-only';
    lines.push(`| ${name} | ${runs} | ${kinds} | ${changed} | ${restore} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.write) writeSection(lines, runs);
}

/** Replaces the "Damaged data" section at the end of bench/results/reliability.md. */
function writeSection(table: string[], runs: number): void {
  const out = path.resolve('bench/results/reliability.md');
  const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '# Reliability\n';
  const at = previous.indexOf('\n## Damaged data\n');
  const head = (at >= 0 ? previous.slice(0, at) : previous).trimEnd();
  const section = [
    '',
    '## Damaged data',
    '',
    `Generated ${new Date().toISOString()} by:`,
    '',
    '```sh',
    `npx tsx electron/core/startup/testing/damage-report.ts --runs ${runs} --write`,
    '```',
    '',
    'Each run: a real notebook with notes and a backup, damaged as named, then a start-up (NotebookSession) on it; hashes prove the damaged file was not changed, and after "Restore from last good backup" the notes of the backup are all there and the damaged file is kept aside, byte for byte. A full disk (SQLITE_FULL on a write: DISK_FULL, nothing stored lost) is proven by `npx vitest run electron/core/startup`.',
    '',
    ...table,
    '',
  ];
  fs.writeFileSync(out, `${head}\n${section.join('\n')}`);
}

await main();
