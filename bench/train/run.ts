/**
 * `npm run train [-- NAME...] [--out DIR] [--check]`: rebuilds the shipped extraction models from the
 * training splits in ../shared/data (never the dev splits) into resources/models.
 * `--check` trains twice into two temporary folders and fails unless both runs wrote the same bytes and
 * those bytes equal the committed files (the models are reproducible and the committed ones are current).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { evalDataDir } from '../../electron/core/testing/eval-data';
import { MODELS } from './models';
import type { TrainableModel } from './types';

const SEED = 20261205;
const repo = resolve(import.meta.dirname, '../..');

function parseArgs(argv: string[]): { names: string[]; out: string; check: boolean } {
  const names: string[] = [];
  let out = join(repo, 'resources', 'models');
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--check') check = true;
    else if (arg === '--out') out = resolve(argv[++i] ?? '');
    else if (arg.startsWith('--'))
      throw new Error(`Unknown option ${arg}. Usage: npm run train [-- NAME...] [--out DIR] [--check]`);
    else names.push(arg);
  }
  return { names, out, check };
}

async function trainAll(models: TrainableModel[], outDir: string, dataDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const model of models) {
    const started = process.hrtime.bigint();
    console.log(`training ${model.name} -> ${outDir}`);
    await model.train({
      dataDir,
      outDir,
      seed: SEED,
      log: (line) => console.log(`  [${model.name}] ${line}`),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`trained ${model.name} in ${seconds.toFixed(1)} s`);
  }
}

function differences(models: TrainableModel[], a: string, b: string): string[] {
  const found: string[] = [];
  for (const file of models.flatMap((m) => m.files)) {
    const left = join(a, file);
    const right = join(b, file);
    if (!existsSync(left) || !existsSync(right))
      found.push(`${file}: missing in ${existsSync(left) ? b : a}`);
    else if (!readFileSync(left).equals(readFileSync(right))) found.push(`${file}: ${a} and ${b} differ`);
  }
  return found;
}

async function main(): Promise<void> {
  const { names, out, check } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((n) => !MODELS.some((m) => m.name === n));
  if (unknown.length > 0) {
    throw new Error(`No model named ${unknown.join(', ')}; models: ${MODELS.map((m) => m.name).join(', ')}`);
  }
  const models = names.length === 0 ? MODELS : MODELS.filter((m) => names.includes(m.name));
  const dataDir = evalDataDir();
  if (!existsSync(dataDir))
    throw new Error(`The training data ${dataDir} is missing (set $DOSSIER_EVAL_DATA).`);
  if (!check) {
    await trainAll(models, out, dataDir);
    return;
  }
  const first = mkdtempSync(join(tmpdir(), 'dossier-train-a-'));
  const second = mkdtempSync(join(tmpdir(), 'dossier-train-b-'));
  try {
    await trainAll(models, first, dataDir);
    await trainAll(models, second, dataDir);
    const problems = [...differences(models, first, second), ...differences(models, first, out)];
    if (problems.length > 0) {
      console.error(
        `Training is not reproducible or the committed models are stale:\n  ${problems.join('\n  ')}`,
      );
      process.exitCode = 1;
    } else {
      console.log(`Two runs wrote identical files, equal to those in ${out}.`);
    }
  } finally {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
