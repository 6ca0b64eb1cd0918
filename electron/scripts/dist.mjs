#!/usr/bin/env node
// node electron/scripts/dist.mjs [electron-builder options...]      (npm run dist)
//
// Builds the installers of this machine's platform into dist/ with electron-builder
// (electron-builder.yml): AppImage and .deb on Linux, .dmg on macOS, NSIS on Windows. Before that, as
// `npm start` does: Electron's binary (downloaded the way Electron does, or a clear refusal), the
// build, and better-sqlite3 rebuilt for Electron and checked by loading it in Electron
// (native.mjs); electron-builder itself is told not to rebuild it again (npmRebuild: false).
// Extra arguments go to electron-builder, e.g. `npm run dist -- --dir` for an unpacked app only.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, ensureElectron, refusalParagraph } from './electron-binary.mjs';
import { electronBuildEnv, prepareElectronNative } from './native.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(ROOT, 'package.json'));

/** Runs a Node script of a package's bin; resolves its exit code. */
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
    console.error(refusalParagraph(electron.reason));
    return 1;
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
  // electron-builder runs node-gyp for nothing now, but keep npm's nodedir away from any tool it calls.
  const { env } = electronBuildEnv(process.env);
  const builder = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  return runNode(builder, ['--publish', 'never', ...process.argv.slice(2)], env);
}

process.exitCode = await main();
