#!/usr/bin/env node
// node electron/scripts/start.mjs preview|dev
//
// `npm start` (preview: build, then run the built app) and `npm run dev` (hot-reloading renderer).
// Electron's binary comes first, so a machine that cannot have it learns so in a second, not after a
// build: present, it is used; missing, it is downloaded the way Electron does; refused, one paragraph
// says why and what works instead (`npm run web`), and the exit code is 1. Then the build, better-sqlite3
// for Electron (rebuilt and checked by native.mjs), and electron-vite, told where the binary is.
import { fileURLToPath } from 'node:url';
import { electronVite, prepareDesktop } from './desktop-steps.mjs';
import { electronPackageDir, ensureElectron, refusalParagraph } from './electron-binary.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const mode = process.argv[2] ?? 'preview';

async function main() {
  if (mode !== 'preview' && mode !== 'dev') {
    console.error('Usage: node electron/scripts/start.mjs preview|dev');
    return 2;
  }
  const electron = await ensureElectron({ electronDir: electronPackageDir(ROOT) });
  if (!electron.ok) {
    console.error(refusalParagraph(electron.reason));
    return 1;
  }
  const prepared = await prepareDesktop({ root: ROOT, binary: electron.binary, build: mode === 'preview' });
  if (prepared !== 0) return prepared;
  // electron-vite finds Electron through path.txt only; ELECTRON_EXEC_PATH also covers an override dist.
  return electronVite(ROOT, [mode], { ...process.env, ELECTRON_EXEC_PATH: electron.binary });
}

process.exitCode = await main();
