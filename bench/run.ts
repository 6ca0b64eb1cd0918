/**
 * `npm run bench`: measures the foundation's speed and prints a table, also written to
 * bench/results/latest.md. Runs against the built browser host (out/main/web.js) and the core, on real
 * SQLite files in a temp folder.
 *
 * Each suite runs in a fresh process of its own: in the app, searches and page loads run in the core
 * worker, whose heap holds only the notebook's work; run one after another in one process, later suites
 * were measured in a heap grown by earlier ones (bench/results/history.md has the numbers).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startHost, tempDataDir } from '../e2e/host';
import { Notebook } from '../electron/core/notebook';
import type { Note, NoteId } from '../shared/model';
import { HostClient } from './host-client';
import { markdownTable, row, type BenchRow } from './stats';
import { SUITES } from './suites';
import type { BenchSuite, SuiteResult } from './suites/types';

/** Other work on the machine slows every number: the table says how busy it was. */
const loadAtStart = loadavg()[0]!;
const STARTS = 10;
const SAVES = 1_000;

/** Browser host: process spawn until the first API call answers. */
async function measureStartup(): Promise<BenchRow> {
  const samples: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const dataDir = tempDataDir();
    const t0 = performance.now();
    const host = await startHost(dataDir);
    const client = await HostClient.connect(host.url);
    await client.call('getAppInfo', []);
    samples.push(performance.now() - t0);
    await host.stop();
  }
  return row('browser host: start to API-ready', samples, 'ms', {
    note: 'spawn node → first getAppInfo answered',
  });
}

/** The calls a save benchmark needs, whichever host answers them. */
interface SaveTarget {
  create(): Promise<{ id: string; version: number }>;
  /** Saves `content` at `expectedVersion`; resolves to the new version. */
  save(id: string, expectedVersion: number, content: string): Promise<number>;
}

/** Times SAVES saves of one growing note, each waiting for the previous one's new version. */
async function timeSaves(target: SaveTarget): Promise<number[]> {
  const note = await target.create();
  let version = note.version;
  const samples: number[] = [];
  const words: string[] = [];
  for (let i = 0; i < SAVES; i++) {
    words.push(`word${i}`);
    const content = editorState(words.join(' '));
    const t0 = performance.now();
    version = await target.save(note.id, version, content);
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Note save round trip through the browser host: HTTP → core worker → SQLite COMMIT (synchronous=FULL) → back. */
async function measureSaves(): Promise<BenchRow> {
  const host = await startHost(tempDataDir());
  try {
    const client = await HostClient.connect(host.url);
    const samples = await timeSaves({
      create: async () => (await client.call('createNote', [{ title: 'Bench' }])) as Note,
      save: async (id, expectedVersion, content) =>
        ((await client.call('updateNote', [{ id, expectedVersion, content }])) as Note).version,
    });
    return row('note save round trip (browser host)', samples, 'ms', {
      note: `${SAVES} saves, growing note`,
    });
  } finally {
    await host.stop();
  }
}

/** A minimal serialized Lexical state holding one paragraph of `text`. */
function editorState(text: string): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [{ type: 'text', version: 1, text, format: 0, mode: 'normal', style: '', detail: 0 }],
        },
      ],
    },
  });
}

/** The same saves in-process: SQLite plus the core's work, without the worker hop and HTTP. */
async function measureCoreSaves(): Promise<BenchRow> {
  const notebook = Notebook.open({ dataDir: tempDataDir(), host: 'test' });
  try {
    const samples = await timeSaves({
      create: () => notebook.createNote({ title: 'Bench' }),
      save: async (id, expectedVersion, content) =>
        (await notebook.updateNote({ id: id as NoteId, expectedVersion, content })).version,
    });
    return row('note save (core in-process, for comparison)', samples, 'ms', {
      note: 'same saves without worker hop and HTTP',
    });
  } finally {
    await notebook.close();
  }
}

const FOUNDATION: BenchSuite = {
  name: 'foundation',
  title: 'Foundation: start-up and note saves',
  run: async () => ({ rows: [await measureStartup(), await measureSaves(), await measureCoreSaves()] }),
};

/** Set in a suite's own process (see the top of this file): the suite to run and where to write its result. */
const CHILD_SUITE = '--child-suite';
const childAt = process.argv.indexOf(CHILD_SUITE);
if (childAt >= 0) {
  const [name, resultFile] = process.argv.slice(childAt + 1);
  const suite = [FOUNDATION, ...SUITES].find((s) => s.name === name);
  if (suite === undefined || resultFile === undefined) throw new Error(`No suite named ${name}.`);
  writeFileSync(resultFile, JSON.stringify(await suite.run()));
  process.exit(0);
}

/** Runs `suite` in a new Node process with this one's loader (tsx), and returns what it measured. */
function runInOwnProcess(suite: BenchSuite): SuiteResult {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-bench-suite-'));
  try {
    const resultFile = join(folder, 'result.json');
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, import.meta.filename, CHILD_SUITE, suite.name, resultFile],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) {
      throw new Error(
        `The ${suite.name} suite failed (exit ${child.status ?? child.signal}); see its output above.`,
      );
    }
    return JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// `npm run bench -- import search` runs only the suites named; without names, all of them.
const wanted = process.argv.slice(2);
const suites = [FOUNDATION, ...SUITES].filter((s) => wanted.length === 0 || wanted.includes(s.name));
const unknown = wanted.filter((name) => ![FOUNDATION, ...SUITES].some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown suite(s): ${unknown.join(', ')}. Known: ${[FOUNDATION, ...SUITES].map((s) => s.name).join(', ')}.`,
  );
  process.exit(2);
}

const sections: string[] = [];
for (const suite of suites) {
  console.log(`\n## ${suite.title}\n`);
  const result = runInOwnProcess(suite);
  const table = markdownTable(result.rows);
  const notes = (result.notes ?? []).map((n) => `- ${n}`).join('\n');
  const section = `## ${suite.title}\n\n${table}\n${notes === '' ? '' : `\n${notes}\n`}`;
  console.log(table);
  if (notes !== '') console.log(notes);
  sections.push(section);
}
const header = `# Dossier benchmarks\n\nRun ${new Date().toISOString()} on Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadAtStart.toFixed(1)} at the start of the run.\nCommand: \`npm run bench${wanted.length > 0 ? ` -- ${wanted.join(' ')}` : ''}\`.\n\n`;
const file = wanted.length === 0 ? 'latest.md' : `latest-${wanted.join('-')}.md`;
writeFileSync(join(import.meta.dirname, 'results', file), `${header}${sections.join('\n')}`);
