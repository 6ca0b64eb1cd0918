#!/usr/bin/env node
// node electron/scripts/test-electron.mjs [playwright options...]      (npm run test:electron)
//
// The real-Electron tier: the built app in Electron, driven by Playwright (playwright.electron.config.ts,
// e2e/electron/). Electron's binary is had as `npm start` has it (present, or downloaded the way
// Electron does). Where it cannot be had, this says so, runs nothing and exits 0: a machine without
// Electron has nothing to test here, and nothing is claimed to have passed. Otherwise: the build,
// better-sqlite3 rebuilt for Electron and checked, and the tests, whose exit code is this one's.
// Linux needs a display: run it under `xvfb-run -a` where there is none.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, ensureElectron } from './electron-binary.mjs';
import { prepareElectronNative } from './native.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(ROOT, 'package.json'));

/** The message when there is no Electron to test with. */
export function noElectronMessage(reason) {
  return (
    `No Electron binary could be had (${reason}), so the real-Electron tests did not run: nothing was ` +
    'tested and nothing passed. The browser end-to-end tests (`npm test`) cover the same UI in Chromium.'
  );
}

function runNode(script, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`${script} could not start: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const electron = await ensureElectron({ electronDir: electronPackageDir(ROOT) });
  if (!electron.ok) {
    console.log(noElectronMessage(electron.reason));
    return 0;
  }
  const electronVite = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  const built = await runNode(electronVite, ['build']);
  if (built !== 0) return built;
  const { version } = require('electron/package.json');
  const native = await prepareElectronNative({
    root: ROOT,
    binary: electron.binary,
    electronVersion: version,
  });
  if (!native.ok) {
    console.error(native.message);
    return 1;
  }
  const playwright = join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
  return runNode(
    playwright,
    ['test', '--config', 'playwright.electron.config.ts', ...process.argv.slice(2)],
    {
      ...process.env,
      DOSSIER_ELECTRON_BINARY: electron.binary,
    },
  );
}

process.exitCode = await main();
