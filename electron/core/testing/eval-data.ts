/**
 * Where the evaluation data lives (../shared/data beside the checkout, or $DOSSIER_EVAL_DATA), for tests,
 * the eval script, the bench and training. The data is read at run time and never copied into the repo.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../../..');

/** The evaluation data folder: $DOSSIER_EVAL_DATA, or ../shared/data beside the checkout. */
export function evalDataDir(): string {
  const fromEnv = process.env.DOSSIER_EVAL_DATA;
  return fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : join(repo, '..', 'shared', 'data');
}

/**
 * For a test that needs part of the evaluation data: the path of `sub` (a file or folder under the data
 * folder) when it exists. When it is missing, a CI run fails (throws, naming the path: a run that lost
 * its data must not say green) and a developer's run returns null after saying what is skipped; the caller
 * then skips with `describe.skipIf(path === null)`.
 */
export function requireEvalData(sub: string, what = sub): string | null {
  const path = join(evalDataDir(), sub);
  if (existsSync(path)) return path;
  const message = `${what}: the evaluation data ${path} is missing (set $DOSSIER_EVAL_DATA or put it in ../shared/data)`;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${message}. CI needs it.`);
  console.warn(`${message}: skipping.`);
  return null;
}
