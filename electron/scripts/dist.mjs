#!/usr/bin/env node
// node electron/scripts/dist.mjs [electron-builder options...]      (npm run dist)
//
// Builds the installers of this machine's platform into dist/ with electron-builder
// (electron-builder.yml): AppImage and .deb on Linux, .dmg on macOS, NSIS on Windows. Before that, as
// `npm start` does: Electron's binary (downloaded the way Electron does, or a clear refusal), the
// build, and better-sqlite3 rebuilt for Electron and checked by loading it in Electron
// (native.mjs); electron-builder itself is told not to rebuild it again (npmRebuild: false).
// Extra arguments go to electron-builder, e.g. `npm run dist -- --dir` for an unpacked app only.
import { fileURLToPath } from 'node:url';
import { packageFile, prepareDesktop, runNode } from './desktop-steps.mjs';
import { electronPackageDir, ensureElectron, refusalParagraph } from './electron-binary.mjs';
import { electronBuildEnv } from './native.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function main() {
  const electron = await ensureElectron({ electronDir: electronPackageDir(ROOT) });
  if (!electron.ok) {
    console.error(refusalParagraph(electron.reason));
    return 1;
  }
  const prepared = await prepareDesktop({ root: ROOT, binary: electron.binary });
  if (prepared !== 0) return prepared;
  // electron-builder runs node-gyp for nothing now, but keep npm's nodedir away from any tool it calls.
  const { env } = electronBuildEnv(process.env);
  const builder = packageFile(ROOT, 'electron-builder', 'cli.js');
  return runNode({ cwd: ROOT, script: builder, args: ['--publish', 'never', ...process.argv.slice(2)], env });
}

process.exitCode = await main();
