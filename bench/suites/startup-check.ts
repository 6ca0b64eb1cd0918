/**
 * What the start-up check costs on a big notebook: `PRAGMA quick_check` alone, and the whole start of a
 * NotebookSession (electron/core/startup/session.ts) after a clean stop and after an unclean one. Runs
 * on a copy of the 100k-source library of the search benchmark (bench/library-gen.ts, cached), so the
 * cache is never opened for writing.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openMarkerPath } from '../../electron/core/db/open-marker';
import { DATABASE_FILE } from '../../electron/core/paths';
import { NotebookSession, QUICK_CHECK_ALWAYS_BYTES } from '../../electron/core/startup/session';
import { evalDataDir, generateLibrary, loadBaseArticles } from '../library-gen';
import { row, type BenchRow } from '../stats';
import type { BenchSuite, SuiteResult } from './types';

const REPS = 3;
const SIZE = Number(process.env.DOSSIER_BENCH_STARTUP_SIZE ?? 100_000);

async function timed(action: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await action();
  return performance.now() - t0;
}

async function run(): Promise<SuiteResult> {
  const data = evalDataDir();
  if (data === null) {
    return {
      rows: [],
      notes: ['Skipped: the evaluation data (../shared/data or $DOSSIER_EVAL_DATA) is not there.'],
    };
  }
  const library = await generateLibrary(loadBaseArticles(data), SIZE);
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-startup-'));
  try {
    const file = join(dir, DATABASE_FILE);
    copyFileSync(join(library.dataDir, DATABASE_FILE), file);
    const megabytes = statSync(file).size / 1_048_576;
    const rows: BenchRow[] = [];

    const check: number[] = [];
    for (let i = 0; i < REPS; i++) {
      const db = new Database(file, { readonly: true });
      check.push(await timed(() => db.pragma('quick_check')));
      db.close();
    }
    rows.push(row(`PRAGMA quick_check, ${SIZE} sources (${megabytes.toFixed(0)} MB)`, check, 'ms'));

    // Not timed: brings the copy to the current schema (the cache may predate recent migrations).
    await NotebookSession.start({ dataDir: dir, host: 'test' }).close();
    const start = async (unclean: boolean): Promise<number[]> => {
      const samples: number[] = [];
      for (let i = 0; i < REPS; i++) {
        // An unclean stop leaves the marker and a -wal; quick_check then runs whatever the size.
        if (unclean) {
          writeFileSync(openMarkerPath(file), '{}\n');
          writeFileSync(`${file}-wal`, '');
        }
        let session: NotebookSession | undefined;
        samples.push(
          await timed(async () => {
            session = NotebookSession.start({ dataDir: dir, host: 'test' });
            await session.listNotes();
          }),
        );
        const state = await session!.getStartupState();
        if (state.mode !== 'normal') throw new Error(`start-up found a problem: ${state.problem?.title}`);
        await session!.close();
      }
      return samples;
    };
    rows.push(row('start to first listNotes, after a clean stop', await start(false), 'ms'));
    rows.push(row('start to first listNotes, after an unclean stop', await start(true), 'ms'));
    return {
      rows,
      notes: [
        `quick_check runs on every start up to ${QUICK_CHECK_ALWAYS_BYTES / 1_048_576} MB; larger ` +
          'notebooks get it after an unclean stop only (the marker file says so).',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The start-up check suite. */
export const STARTUP_CHECK_SUITE: BenchSuite = {
  name: 'startup-check',
  title: 'Start-up integrity check',
  run,
};
