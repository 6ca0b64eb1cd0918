#!/usr/bin/env node
// node electron/scripts/start.mjs preview|dev
//
// `npm start` (preview: build, then run the built app) and `npm run dev` (hot-reloading renderer).
// Electron's binary comes first, so a machine that cannot have it learns so in a second, not after a
// build: present, it is used; missing, it is downloaded the way Electron does; refused, one paragraph
// says why and what works instead (`npm run web`), and the exit code is 1. Then the build, better-sqlite3
// for Electron (rebuilt and checked by native.mjs), and electron-vite, told where the binary is.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, ensureElectron, refusalParagraph } from './electron-binary.mjs';
import { prepareElectronNative } from './native.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const mode = process.argv[2] ?? 'preview';

/** Runs electron-vite with `args`; resolves its exit code. */
function electronVite(args, env = process.env) {
  const require = createRequire(join(ROOT, 'package.json'));
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`electron-vite could not start: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  if (mode !== 'preview' && mode !== 'dev') {
    console.error('Usage: node electron/scripts/start.mjs preview|dev');
    return 2;
  }
  const electronDir = electronPackageDir(ROOT);
  const electron = await ensureElectron({ electronDir });
  if (!electron.ok) {
    console.error(refusalParagraph(electron.reason));
    return 1;
  }
  if (mode === 'preview') {
    const built = await electronVite(['build']);
    if (built !== 0) return built;
  }
  const { version } = createRequire(join(ROOT, 'package.json'))('electron/package.json');
  const native = await prepareElectronNative({
    root: ROOT,
    binary: electron.binary,
    electronVersion: version,
  });
  if (!native.ok) {
    console.error(native.message);
    return 1;
  }
  // electron-vite finds Electron through path.txt only; ELECTRON_EXEC_PATH also covers an override dist.
  return electronVite([mode], { ...process.env, ELECTRON_EXEC_PATH: electron.binary });
}

process.exitCode = await main();
