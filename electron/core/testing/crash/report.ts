/**
 * Writes bench/results/reliability.md: crash runs survived, fuzz cases run, malicious inputs tried and
 * data lost, each with the command that produced it. Runs everything itself (a few minutes).
 *
 * Usage: tsx electron/core/testing/crash/report.ts [--crash-runs 50] [--fuzz-runs 1000] [--seed S]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clipHtml } from '../../clip/clip-html';
import { isClipError } from '../../clip/errors';
import { XSS_CORPUS } from '../../clip/xss-corpus';
import { checkFuzz, FUZZ_PROPERTIES, unsafeParts, type FuzzName } from '../../fuzz/properties';
import { makeTempDir } from '../temp-dir';
import { runCrashSeries, STANDARD_SERIES } from './harness';

const { values } = parseArgs({
  options: {
    'crash-runs': { type: 'string', default: '50' },
    'fuzz-runs': { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    out: { type: 'string', default: 'bench/results/reliability.md' },
  },
});
const crashRuns = Number(values['crash-runs']);
const fuzzRuns = Number(values['fuzz-runs']);
const seed = Number(values.seed);
const command = `npx tsx electron/core/testing/crash/report.ts --crash-runs ${crashRuns} --fuzz-runs ${fuzzRuns} --seed ${seed}`;
const log = (text: string): boolean => process.stderr.write(`${text}\n`);

// 1. Crashes.
log(`Crash runs: ${crashRuns} ...`);
const temp = makeTempDir('dossier-reliability-');
let survived = 0;
const crash = await runCrashSeries({
  baseDir: temp.dir,
  runs: crashRuns,
  seed,
  ...STANDARD_SERIES,
  onRun: (_index, run) => {
    if (run.killed && run.check.lost.length === 0 && run.check.problems.length === 0) survived += 1;
  },
}).finally(() => temp.remove());

// 2. Fuzzing.
const fuzzRows: { name: string; cases: number; failed: string | null }[] = [];
for (const name of Object.keys(FUZZ_PROPERTIES) as FuzzName[]) {
  log(`Fuzzing: ${name} ...`);
  const details = checkFuzz(name, fuzzRuns);
  fuzzRows.push({
    name,
    cases: details.numRuns,
    failed: details.failed
      ? `${String(details.errorInstance)} on ${JSON.stringify(details.counterexample).slice(0, 200)}`
      : null,
  });
}

// 3. The XSS corpus, each payload alone in an article.
let corpusEscaped = 0;
for (const payload of XSS_CORPUS) {
  const html = `<html><body><article><h1>Report</h1><p>${'Words of the article. '.repeat(20)}</p>${payload.html}<p>End.</p></article></body></html>`;
  try {
    if (unsafeParts(clipHtml({ html, url: 'https://example.org/a' }).html).length > 0) corpusEscaped += 1;
  } catch (error) {
    if (!isClipError(error)) corpusEscaped += 1;
  }
}

const fuzzCases = fuzzRows.reduce((sum, row) => sum + row.cases, 0);
const hostileNames: FuzzName[] = [
  'clipHtml on hostile HTML: only ClipError, and nothing unsafe survives',
  'API validators on malicious arguments: only INVALID_ARGUMENT',
  'JSON import of spoiled exports: only ApiError, and a refused file changes nothing',
];
const hostileCases = fuzzRows
  .filter((row) => hostileNames.includes(row.name as FuzzName))
  .reduce((s, r) => s + r.cases, 0);
const fuzzFailures = fuzzRows.filter((row) => row.failed !== null);
const dataLost = crash.losses;

const lines = [
  '# Reliability',
  '',
  `Generated ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, by:`,
  '',
  '```sh',
  command,
  '```',
  '',
  '| measure | result | produced by |',
  '| --- | ---: | --- |',
  `| crash runs survived (real core in a child process, SIGKILL at a random moment; integrity_check ok, foreign_key_check empty, every acknowledged write present, none half-applied) | ${survived} of ${crash.runs} | the command above (\`npm run test:crash -- --runs ${crashRuns} --seed ${seed}\` runs the same series) |`,
  `| … of which killed while opening/recovering the notebook | ${crash.killsWhileOpening} | same |`,
  `| … of which started from a notebook file emptied to 0 bytes beside its backups / killed while restoring the newest backup over it | ${crash.emptied} / ${crash.killsByStage.restoring} | same |`,
  `| … of which killed during a clip over the isolation size | ${crash.killsByStage['large-clip']} | same |`,
  `| writes acknowledged after COMMIT, then checked after the kills (${Object.entries(crash.ackedByKind)
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ')}) | ${crash.acked} | same |`,
  `| fuzz cases run (${fuzzRows.length} properties) | ${fuzzCases} | \`${command}\` (\`npx vitest run electron/core/fuzz\` runs ${Object.values(FUZZ_PROPERTIES).reduce((s, p) => s + p.runs, 0)}) |`,
  `| fuzz properties that failed | ${fuzzFailures.length} | same |`,
  `| malicious inputs tried (XSS corpus payloads + generated hostile HTML, hostile API arguments, spoiled export files) | ${XSS_CORPUS.length + hostileCases} | same |`,
  `| XSS corpus payloads that survived sanitizing | ${corpusEscaped} of ${XSS_CORPUS.length} | same |`,
  `| **data lost** (acknowledged writes missing after a crash) | **${dataLost}** | same |`,
  '',
  '## Fuzz properties',
  '',
  '| property | cases | result |',
  '| --- | ---: | --- |',
  ...fuzzRows.map(
    (row) =>
      `| ${row.name} | ${row.cases} | ${row.failed === null ? 'passed' : `FAILED: ${row.failed.replace(/\|/g, '\\|')}`} |`,
  ),
  '',
];
if (crash.problems.length > 0) {
  lines.push('## Problems found after crashes', '', ...crash.problems.slice(0, 30).map((p) => `- ${p}`), '');
}
fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
// The "Damaged data" section at the end is written by electron/core/startup/testing/damage-report.ts
// --write: keep it, so one report does not erase the other's numbers.
const previous = fs.existsSync(path.resolve(values.out))
  ? fs.readFileSync(path.resolve(values.out), 'utf8')
  : '';
const damaged = previous.indexOf('\n## Damaged data\n');
fs.writeFileSync(path.resolve(values.out), lines.join('\n') + (damaged >= 0 ? previous.slice(damaged) : ''));
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = crash.problems.length === 0 && fuzzFailures.length === 0 && corpusEscaped === 0 ? 0 : 1;
