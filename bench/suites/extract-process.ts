/**
 * Fresh-process measurements for the extraction bench: loading the entity model (CPU time and the
 * resident memory it adds), and `dossier extract` on article files against a plain compromise script
 * on the same files, each timed as a whole process (start-up included) by the shell's `times`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What loading the shipped models costs in a fresh process. */
export interface ModelLoad {
  /** CPU milliseconds of loading and checking ner.bin (module import excluded). */
  cpuMs: number;
  wallMs: number;
  /** Resident memory the loaded model adds, in MB (after a collection). */
  residentMb: number;
  /** Size of the model files, in MB. */
  fileMb: number;
  /**
   * Resident memory added once every shipped model has read the texts of `textsFile` (the tagger's
   * and the trigger model's per-word caches filled, compromise's lexicon loaded), in MB.
   */
  inUseMb: number;
}

/**
 * Loads the shipped entity model in a fresh Node process and reports what it cost; then extracts the
 * texts of `textsFile` (a JSON array of strings) and reports the memory in use after them.
 */
export function measureModelLoad(repo: string, textsFile: string): ModelLoad {
  const tagger = pathToFileURL(join(repo, 'electron/core/extract/ner/tagger.ts')).href;
  const extract = pathToFileURL(join(repo, 'electron/core/extract/index.ts')).href;
  const container = pathToFileURL(join(repo, 'electron/core/extract/models/container.ts')).href;
  const script = `
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const { shippedNerModel, NER_MODEL_FILE } = await import(${JSON.stringify(tagger)});
    const { modelsDir } = await import(${JSON.stringify(container)});
    const { statSync } = await import('node:fs');
    globalThis.gc(); globalThis.gc();
    const rss0 = process.memoryUsage().rss;
    const t0 = cpu(); const w0 = performance.now();
    const model = shippedNerModel();
    const cpuMs = cpu() - t0; const wallMs = performance.now() - w0;
    globalThis.gc(); globalThis.gc();
    const residentMb = (process.memoryUsage().rss - rss0) / 1e6;
    const fileMb = statSync(modelsDir() + '/' + NER_MODEL_FILE).size / 1e6;
    const { extractArticle } = await import(${JSON.stringify(extract)});
    const { readFileSync } = await import('node:fs');
    const texts = JSON.parse(readFileSync(${JSON.stringify(textsFile)}, 'utf8'));
    for (const text of texts) extractArticle(text, { published: '2016-10-01' });
    globalThis.gc(); globalThis.gc();
    const inUseMb = (process.memoryUsage().rss - rss0) / 1e6;
    console.log(JSON.stringify({ cpuMs, wallMs, residentMb, fileMb, inUseMb, kept: model !== undefined }));`;
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: repo, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ModelLoad;
}

/** CPU seconds (user + system of the child processes) and wall seconds of one command. */
function timed(command: readonly string[], cwd: string): { cpu: number; wall: number } {
  const started = performance.now();
  const result = spawnSync('bash', ['-c', '"$@" > /dev/null || exit 1; times', 'bash', ...command], {
    cwd,
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
  // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.056s".
  const children = result.stdout.trim().split('\n').pop() ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { cpu: seconds.reduce((a, b) => a + b, 0), wall };
}

const PLAIN_COMPROMISE = `
import nlp from 'compromise';
import { readFileSync } from 'node:fs';
for (const file of process.argv.slice(1)) {
  const doc = nlp(readFileSync(file, 'utf8'));
  console.log(JSON.stringify({ file, people: doc.people().out('array'), places: doc.places().out('array'),
    organizations: doc.organizations().out('array') }));
}`;

/** `dossier extract` and a plain compromise script, each once over the same article files. */
export function measureCliRuns(
  repo: string,
  texts: readonly string[],
): { dossier: { cpu: number; wall: number }; plain: { cpu: number; wall: number } } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-articles-'));
  try {
    const files = texts.map((text, i) => {
      const file = join(dir, `article-${String(i).padStart(3, '0')}.txt`);
      writeFileSync(file, text);
      return file;
    });
    const dossier = timed(
      [process.execPath, 'electron/cli/dossier.mjs', 'extract', '--date', '2016-10-01', ...files],
      repo,
    );
    const plain = timed([process.execPath, '--input-type=module', '-e', PLAIN_COMPROMISE, ...files], repo);
    return { dossier, plain };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
