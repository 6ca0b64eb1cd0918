#!/usr/bin/env node
// node electron/scripts/test-electron.mjs [playwright options...]      (npm run test:electron)
//
// The real-Electron tier: the built app in Electron, driven by Playwright (playwright.electron.config.ts,
// e2e/electron/). Electron's binary is had as `npm start` has it (present, or downloaded the way
// Electron does). Where it cannot be had, this says so, runs nothing and exits 0: a machine without
// Electron has nothing to test here, and nothing is claimed to have passed. Otherwise: the build,
// better-sqlite3 rebuilt for Electron and checked, and the tests, whose exit code is this one's.
// Linux needs a display: run it under `xvfb-run -a` where there is none.
import { fileURLToPath } from 'node:url';
import { packageFile, prepareDesktop, runNode } from './desktop-steps.mjs';
import { electronPackageDir, ensureElectron } from './electron-binary.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The message when there is no Electron to test with. */
export function noElectronMessage(reason) {
  return (
    `No Electron binary could be had (${reason}), so the real-Electron tests did not run: nothing was ` +
    'tested and nothing passed. The browser end-to-end tests (`npm test`) cover the same UI in Chromium.'
  );
}

async function main() {
  const electron = await ensureElectron({ electronDir: electronPackageDir(ROOT) });
  if (!electron.ok) {
    console.log(noElectronMessage(electron.reason));
    return 0;
  }
  const prepared = await prepareDesktop({ root: ROOT, binary: electron.binary });
  if (prepared !== 0) return prepared;
  return runNode({
    cwd: ROOT,
    script: packageFile(ROOT, '@playwright/test', 'cli.js'),
    args: ['test', '--config', 'playwright.electron.config.ts', ...process.argv.slice(2)],
    env: { ...process.env, DOSSIER_ELECTRON_BINARY: electron.binary },
  });
}

process.exitCode = await main();
