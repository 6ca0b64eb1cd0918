/**
 * `npm run test:crash`: the long crash test. Kills the crash child at random moments (200 runs by
 * default; CI may pass fewer), checks the notebook after each, prints runs, kills (by stage: while
 * opening, while restoring a backup over a notebook file emptied to 0 bytes, during a clip over the 1 MB
 * isolation threshold, while writing), acknowledged writes and losses, and exits non-zero on any loss
 * or problem. (bench/results/reliability.md comes from
 * report.ts, which runs the same harness.)
 *
 * Usage: tsx electron/core/testing/crash/run.ts [--runs N] [--seed S] [--max-kill-ms MS] [--empty-file-chance P]
 *   [--large-clip-chance P]
 */
import { parseArgs } from 'node:util';
import { makeTempDir } from '../temp-dir';
import { runCrashSeries, STANDARD_SERIES } from './harness';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    'max-kill-ms': { type: 'string', default: String(STANDARD_SERIES.maxKillMs) },
    'empty-file-chance': { type: 'string', default: String(STANDARD_SERIES.emptyFileChance) },
    'large-clip-chance': { type: 'string', default: String(STANDARD_SERIES.largeClipChance) },
    quiet: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const temp = makeTempDir('dossier-crash-');
try {
  const summary = await runCrashSeries({
    baseDir: temp.dir,
    runs,
    seed,
    maxKillMs: Number(values['max-kill-ms']),
    emptyFileChance: Number(values['empty-file-chance']),
    largeClipChance: Number(values['large-clip-chance']),
    seedNotebook: STANDARD_SERIES.seedNotebook,
    onRun: (index, run) => {
      if (values.quiet) return;
      const bad = run.check.lost.length + run.check.problems.length;
      process.stdout.write(
        `run ${String(index + 1).padStart(3)}: ${run.emptied ? 'file emptied, ' : ''}killed while ${run.stage}, ` +
          `${run.acked} write(s) acknowledged${bad > 0 ? `, ${bad} PROBLEM(S)` : ''}\n`,
      );
    },
  });
  const table = [
    '| runs | kills | killed while opening | files emptied | killed while restoring | killed during a large clip | acknowledged writes | losses | other problems | seed |',
    '| ---: | ----: | -------------------: | ------------: | ---------------------: | -------------------------: | ------------------: | -----: | -------------: | ---: |',
    `| ${summary.runs} | ${summary.kills} | ${summary.killsWhileOpening} | ${summary.emptied} | ${summary.killsByStage.restoring} | ${summary.killsByStage['large-clip']} | ${summary.acked} | ${summary.losses} | ${summary.problems.length - summary.losses} | ${seed} |`,
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  process.stdout.write(
    `acknowledged by kind: ${Object.entries(summary.ackedByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}\n`,
  );
  for (const problem of summary.problems.slice(0, 20)) process.stdout.write(`  - ${problem}\n`);
  process.exitCode = summary.problems.length === 0 && summary.kills === summary.runs ? 0 : 1;
} finally {
  temp.remove();
}
