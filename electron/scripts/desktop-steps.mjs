// The steps `npm start`, `npm run dev`, `npm run dist` and `npm run test:electron` share: run an
// installed package's Node script, and prepare the desktop build (the build itself, then
// better-sqlite3 rebuilt for Electron and checked by loading it there, native.mjs).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { prepareElectronNative } from './native.mjs';

/** The file `relative` inside package `name` as the project at `root` resolves it. */
export function packageFile(root, name, relative) {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve(`${name}/package.json`)), relative);
}

/** Runs `script` with this Node in `cwd`; resolves its exit code (1 when it could not start). */
export function runNode({ cwd, script, args = [], env = process.env }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`${script} could not start: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs electron-vite with `args` in `root`; resolves its exit code. */
export function electronVite(root, args, env = process.env) {
  return runNode({
    cwd: root,
    script: packageFile(root, 'electron-vite', 'bin/electron-vite.js'),
    args,
    env,
  });
}

/**
 * Builds (unless `build` is false) and makes better-sqlite3 load in the Electron at `binary`.
 * Resolves 0, or an exit code after saying what failed.
 */
export async function prepareDesktop({ root, binary, build = true }) {
  if (build) {
    const built = await electronVite(root, ['build']);
    if (built !== 0) return built;
  }
  const { version } = createRequire(join(root, 'package.json'))('electron/package.json');
  const native = await prepareElectronNative({ root, binary, electronVersion: version });
  if (!native.ok) {
    console.error(native.message);
    return 1;
  }
  return 0;
}
