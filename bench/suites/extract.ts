/**
 * Extraction speed (issues 4 and 14): words per second of the whole extraction (`extractArticle` as
 * built into out/main, the code the app and the CLI run; the sources through tsx beside it) over the
 * PolNeAR dev texts, next to plain compromise (`nlp(text).people()`, `.places()`, `.organizations()`)
 * on the same texts in the same run; the first call's warm-up, the entity model's load time and resident
 * memory in fresh Node processes; and the `dossier extract` process on 100 articles against a plain
 * compromise script on the same files.
 * Speeds use the process's CPU time (one thread), so other work on the machine skews them less than
 * wall time would; wall time is shown beside. The texts are read from ../shared/data at run time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { loadOldRules, RULES_COMMIT } from '../baseline/old-rules';
import { loadPolnear } from '../eval/extraction-data';
import { extractArticle as extractFromSources } from '../../electron/core/extract';
import { row, type BenchRow } from '../stats';
import { measureCliRuns, measureModelLoad, type ModelLoad } from './extract-process';
import type { BenchSuite, SuiteResult } from './types';

const PASSES = 5;
const BASELINE_PASSES = 2;
const WARMUP_RUNS = 5;
/**
 * Untimed passes over all the texts before the timed ones, the same for Dossier and for plain
 * compromise: V8 takes several passes to compile the hot code (Dossier's first pass ran at about 30,000
 * words/s, the second 65,000, the fourth 94,000; compromise 19,000 then 23,000, 25,000, 28,000), and a
 * worker importing a library runs at the steady speed. The cold first call is measured apart (fresh
 * process, below).
 */
const WARM_PASSES = 4;
const LOAD_RUNS = 5;
const CLI_RUNS = 3;
const CLI_ARTICLES = 100;

const repo = resolve(import.meta.dirname, '..', '..');
const dataDir = resolve(process.env.DOSSIER_EVAL_DATA ?? join(repo, '..', 'shared', 'data'));

/** CPU milliseconds this process has used (user + system). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Words per CPU second and per wall second of one pass of `run` over every text. */
function pass(texts: readonly string[], words: number, run: (text: string) => void): [number, number] {
  const cpu0 = cpuMs();
  const wall0 = performance.now();
  for (const text of texts) run(text);
  return [(words / (cpuMs() - cpu0)) * 1000, (words / (performance.now() - wall0)) * 1000];
}

/** {@link WARM_PASSES} untimed passes of `run` over every text, then `passes` timed ones. */
function warmPasses(
  texts: readonly string[],
  words: number,
  run: (text: string) => void,
  passes: number,
): Array<[number, number]> {
  for (let i = 0; i < WARM_PASSES; i++) pass(texts, words, run);
  return Array.from({ length: passes }, () => pass(texts, words, run));
}

/**
 * `extractArticle` as the app's worker and the CLI run it: from the electron-vite build in out/main
 * (`npm run bench` builds first), found by its name in the chunk's export list. The sources run through
 * tsx are measured too, apart: tsx's transform renames every named inner function at run time
 * (`__name`), work the shipped code does not do.
 */
async function shippedExtractor(): Promise<typeof extractFromSources> {
  const dir = join(repo, 'out', 'main', 'chunks');
  const chunks = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  for (const file of chunks) {
    const exported = /\bextractArticle(?:\$\d+)? as ([\w$]+)/.exec(readFileSync(join(dir, file), 'utf8'));
    if (exported === null) continue;
    const chunk = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    const fn = chunk[exported[1] as string];
    if (typeof fn === 'function') return fn as typeof extractFromSources;
  }
  throw new Error(`no chunk in ${dir} exports extractArticle: run \`npm run build\` first`);
}

/**
 * CPU time of the first `extractArticle` call in a fresh process (module import and the preload the
 * worker runs after start-up excluded, reported apart), so caches this process already filled cannot
 * hide it.
 */
function warmUp(): { firstCall: number; importMs: number } {
  const entry = pathToFileURL(join(repo, 'electron/core/extract/index.ts')).href;
  const script = `
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const t0 = cpu();
    const { extractArticle, prepareExtractor } = await import(${JSON.stringify(entry)});
    // What the core worker does in the background after start-up (electron/core/worker/thread.ts).
    prepareExtractor();
    const t1 = cpu();
    extractArticle('Russian President Vladimir Putin said on Thursday that “the idea is right,” according to the Kremlin. He met Steve Witkoff in Moscow last summer.', { published: '2025-03-14' });
    const t2 = cpu();
    console.log(JSON.stringify({ importMs: t1 - t0, firstCall: t2 - t1 }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repo,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { firstCall: number; importMs: number };
}

async function run(): Promise<SuiteResult> {
  const polnear = join(dataDir, 'quotes/polnear/data/dev');
  if (!existsSync(polnear)) {
    return { rows: [], notes: [`skipped: ${polnear} is missing (set DOSSIER_EVAL_DATA).`] };
  }
  const texts = loadPolnear(dataDir, 'dev').map((doc) => doc.text);
  const words = texts.reduce((n, text) => n + (text.match(/\S+/g)?.length ?? 0), 0);
  const published = { published: '2016-10-01' };
  const extractArticle = await shippedExtractor();
  const plain = (text: string): void => {
    const doc = nlp(text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
  };
  const dossier = (text: string): void => void extractArticle(text, published);
  // Each side warms up right before its own timed passes, as a worker doing only that would be. (Taking
  // turns pass by pass was tried: compromise's passes slowed Dossier's next ones, whose lemmas and verb
  // forms come from compromise's code too, by about a tenth.)
  const ours = warmPasses(texts, words, dossier, PASSES);
  const base = warmPasses(texts, words, plain, PASSES);
  const sources = warmPasses(texts, words, (t) => void extractFromSources(t, published), BASELINE_PASSES);
  const oldRules = await loadOldRules();
  const rules = warmPasses(texts, words, (t) => void oldRules(t, published), BASELINE_PASSES);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
  const warm = Array.from({ length: WARMUP_RUNS }, warmUp);
  const textsDir = mkdtempSync(join(tmpdir(), 'dossier-bench-texts-'));
  const textsFile = join(textsDir, 'polnear-dev.json');
  writeFileSync(textsFile, JSON.stringify(texts));
  let loads: ModelLoad[];
  try {
    loads = Array.from({ length: LOAD_RUNS }, () => measureModelLoad(repo, textsFile));
  } finally {
    rmSync(textsDir, { recursive: true, force: true });
  }
  // PolNeAR dev has 84 texts: the CLI's 100 articles are those and the first training texts after them.
  const cliTexts = [...texts, ...loadPolnear(dataDir, 'train').map((doc) => doc.text)].slice(0, CLI_ARTICLES);
  const cli = Array.from({ length: CLI_RUNS }, () => measureCliRuns(repo, cliTexts));
  const cliRatio = median(cli.map((c) => c.plain.cpu)) / median(cli.map((c) => c.dossier.cpu));
  const ratio = median(ours.map((s) => s[0])) / median(base.map((s) => s[0]));
  const rulesRatio = median(ours.map((s) => s[0])) / median(rules.map((s) => s[0]));
  const rows: BenchRow[] = [
    row(
      'extractArticle as built (out/main), PolNeAR dev (CPU)',
      ours.map((s) => s[0]),
      'words/s',
      {
        target: '>= 100,000',
        note: `${texts.length} texts, ${words} words; ${ratio.toFixed(1)}x plain compromise (target >= 5x), ${rulesRatio.toFixed(2)}x the old rules`,
      },
    ),
    row(
      'extractArticle as built, PolNeAR dev (wall)',
      ours.map((s) => s[1]),
      'words/s',
    ),
    row(
      'extractArticle from the sources through tsx (CPU)',
      sources.map((s) => s[0]),
      'words/s',
      {
        note: `the same code before the build (tsx renames named inner functions at run time); ${(median(sources.map((s) => s[0])) / median(base.map((s) => s[0]))).toFixed(1)}x plain compromise`,
      },
    ),
    row(
      'plain compromise people/places/orgs (CPU)',
      base.map((s) => s[0]),
      'words/s',
      {
        note: 'baseline: nlp(text).people() / .places() / .organizations()',
      },
    ),
    row(
      'plain compromise (wall)',
      base.map((s) => s[1]),
      'words/s',
    ),
    row(
      'old rule cascade, extractArticle of ' + RULES_COMMIT + ' (CPU)',
      rules.map((s) => s[0]),
      'words/s',
      {
        note: 'the hand-written rules the trained tagger replaced (bench/baseline/old-rules.ts), same texts',
      },
    ),
    row(
      'first extractArticle call, fresh process (CPU)',
      warm.map((w) => w.firstCall),
      'ms',
      {
        target: '< 300',
        note: "import and the worker's background preload excluded (next row)",
      },
    ),
    row(
      'import + preload of electron/core/extract, fresh process (CPU)',
      warm.map((w) => w.importMs),
      'ms',
      {
        note: 'the entity model and compromise loaded by prepareExtractor(), as the idle worker does; includes tsx transpiling',
      },
    ),
    row(
      'entity model load, fresh process (CPU)',
      loads.map((l) => l.cpuMs),
      'ms',
      {
        target: '< 200',
        note: `resources/models/ner.bin, ${loads[0]?.fileMb.toFixed(1)} MB: read, SHA-256 checked, viewed in place`,
      },
    ),
    row(
      'entity model resident memory',
      loads.map((l) => l.residentMb),
      'MB',
      { target: '< 150', note: 'RSS added by loading the shipped models, after garbage collection' },
    ),
    row(
      'models in use: resident memory after extracting PolNeAR dev',
      loads.map((l) => l.inUseMb),
      'MB',
      {
        target: '< 150',
        note: "RSS added since before the model load, after garbage collection: every model loaded, compromise's lexicon, the per-word caches filled",
      },
    ),
    row(
      `dossier extract, ${cliTexts.length} articles, whole process (CPU)`,
      cli.map((c) => c.dossier.cpu),
      's',
      {
        target: '>= 5x faster',
        note: `${cliRatio.toFixed(1)}x faster than a plain compromise script on the same files (next row); wall ${median(cli.map((c) => c.dossier.wall)).toFixed(1)} s`,
      },
    ),
    row(
      `plain compromise script, ${cliTexts.length} articles, whole process (CPU)`,
      cli.map((c) => c.plain.cpu),
      's',
      {
        note: `baseline: node + compromise, people/places/organizations per file; wall ${median(cli.map((c) => c.plain.wall)).toFixed(1)} s`,
      },
    ),
  ];
  return {
    rows,
    notes: [
      `Speeds are per CPU second of the process (its compiler and garbage-collector threads included); ${PASSES} passes of Dossier, then of plain compromise (other baselines ${BASELINE_PASSES}), each side after ${WARM_PASSES} untimed passes of its own over the same texts. This machine's speed drifts over minutes: compare rows of one run.`,
    ],
  };
}

/** The `extract` suite: `npm run bench -- extract`. */
export const extractSuite: BenchSuite = {
  name: 'extract',
  title: 'Extraction speed (PolNeAR dev texts)',
  run,
};
