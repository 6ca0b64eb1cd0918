/**
 * Finding and loading the core worker's script: the bundled `core-worker.js` in a build, or `entry.ts`
 * through tsx when running from source (tests, development).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApiError } from '../../../shared/errors';

/** File name of the bundled worker in the build output (see electron.vite.config.ts). */
export const BUNDLED_WORKER_FILE = 'core-worker.js';

const SOURCE_ENTRY_FILE = 'entry.ts';

/** Which worker to find: its bundled file name, and its entry's file name beside the caller in source. */
export interface WorkerScriptNames {
  bundled: string;
  source: string;
}

/** The core worker's names. */
export const CORE_WORKER_NAMES: WorkerScriptNames = {
  bundled: BUNDLED_WORKER_FILE,
  source: SOURCE_ENTRY_FILE,
};

function toPath(file: string | URL): string {
  if (file instanceof URL) return fileURLToPath(file);
  return file.startsWith('file:') ? fileURLToPath(file) : path.resolve(file);
}

/**
 * The absolute path of the worker script: `workerFile` if given, else a default relative to
 * `importerUrl` (the `import.meta.url` of the module asking), by `names` (default: the core worker's):
 * - from source (`*.ts`): `entry.ts` beside it;
 * - from a build: `core-worker.js` beside it, or one folder up. The bundler may place this code in the
 *   entry that imports it (`out/main/index.js`) or in a shared chunk (`out/main/chunks/*.js`), and the
 *   worker is always at `out/main/core-worker.js`.
 * Hosts should pass `workerFile` anyway; the default keeps simple callers (scripts, benchmarks) working.
 * Throws UNAVAILABLE when no script is found.
 */
export function resolveWorkerScript(
  workerFile: string | URL | undefined,
  importerUrl: string,
  names: WorkerScriptNames = CORE_WORKER_NAMES,
): string {
  if (workerFile !== undefined) return toPath(workerFile);
  const here = fileURLToPath(importerUrl);
  // File names held in variables: a literal `new URL('./x.js', import.meta.url)` is rewritten by Vite.
  if (/\.[cm]?tsx?$/.test(here)) return path.join(path.dirname(here), names.source);
  const candidates = [
    path.join(path.dirname(here), names.bundled),
    path.join(path.dirname(here), '..', names.bundled),
  ];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found === undefined) {
    throw new ApiError(
      'UNAVAILABLE',
      `Dossier's notebook engine (${names.bundled}) is missing from ${path.dirname(here)}. ` +
        'Reinstall Dossier, or run `npm run build` when working from source.',
      { searched: candidates },
    );
  }
  return found;
}

/** What to hand `new Worker(...)`: a script file, or (for TypeScript) a bootstrap to evaluate. */
export interface WorkerSource {
  filename: string;
  eval: boolean;
}

/** The URL of tsx's ESM register API, found through tsx's own package exports. */
function tsxRegisterUrl(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest: unknown = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const entry = (manifest as { exports?: Record<string, { import?: { default?: unknown } }> }).exports?.[
    './esm/api'
  ]?.import?.default;
  if (typeof entry !== 'string') throw new Error('This version of tsx has no ESM register API.');
  return pathToFileURL(path.join(path.dirname(manifestPath), entry)).href;
}

/**
 * How to start `script`. JavaScript runs as is. TypeScript runs through tsx, registered inside the
 * worker: on Node 20 a worker's `execArgv: ['--import', 'tsx']` does not apply the loader to the
 * worker's own entry module (it fails with ERR_UNKNOWN_FILE_EXTENSION), so a small bootstrap registers
 * tsx's hooks and then imports the script.
 */
export function workerSource(script: string): WorkerSource {
  if (!/\.[cm]?tsx?$/.test(script)) return { filename: script, eval: false };
  let tsx: string;
  try {
    tsx = tsxRegisterUrl();
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      'UNAVAILABLE',
      `The worker script ${script} is TypeScript, which needs tsx (a development dependency): ${cause}. ` +
        'Run `npm run build` and use the bundled core-worker.js instead.',
      { workerFile: script },
    );
  }
  const bootstrap =
    `import(${JSON.stringify(tsx)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); });`;
  return { filename: bootstrap, eval: true };
}
