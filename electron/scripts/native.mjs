#!/usr/bin/env node
// node electron/scripts/native.mjs node|electron
//
// better-sqlite3 is a native module, compiled for one ABI at a time: Node's (tests, the CLI, the
// browser host) or Electron's (the desktop app). Each script that needs one calls this first, so
// switching between `npm test` and `npm start` never leaves a module that fails to load.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const target = process.argv[2];
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command with the user's terminal; returns true when it succeeded. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

/** Loads better-sqlite3 in this Node; returns null when it works, else the error. */
function loadInNode() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return null;
  } catch (error) {
    return error;
  }
}

function isAbiMismatch(error) {
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|Could not locate the bindings file/.test(
    String(error?.message ?? error),
  );
}

if (target === 'node') {
  const error = loadInNode();
  if (error === null) process.exit(0);
  if (!isAbiMismatch(error)) {
    console.error(`better-sqlite3 does not load: ${error.message}`);
    process.exit(1);
  }
  console.log('better-sqlite3 is built for another runtime (probably Electron); rebuilding it for Node...');
  rmSync(join(root, 'node_modules', '.dossier-native-abi'), { force: true });
  if (!run('npm', ['rebuild', 'better-sqlite3'])) process.exit(1);
  // Check in a fresh process: this one has already failed to load the old binary.
  const check = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    stdio: 'inherit',
  });
  if (check.status !== 0) {
    console.error('better-sqlite3 still does not load after the rebuild; see the errors above.');
    process.exit(1);
  }
} else if (target === 'electron') {
  // Electron's documented manual build: npm's own node-gyp (and better-sqlite3's prebuild-install, which
  // fetches a ready binary when it can) told to target Electron's runtime and headers. No extra tool,
  // and it works on the Node versions Dossier supports. A stamp skips the rebuild when nothing changed.
  const electronVersion = require('electron/package.json').version;
  const stamp = join(root, 'node_modules', '.dossier-native-abi');
  const wanted = `electron-${electronVersion}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) process.exit(0);
  console.log(`Building better-sqlite3 for Electron ${electronVersion}...`);
  const ok = run('npm', ['rebuild', 'better-sqlite3'], {
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
  });
  if (!ok) {
    console.error(
      "Could not build better-sqlite3 for Electron: the build downloads Electron's headers once. Connect to " +
        'the network and run `npm start` again. (`npm run web` works offline.)',
    );
    process.exit(1);
  }
  writeFileSync(stamp, wanted);
} else {
  console.error('Usage: node electron/scripts/native.mjs node|electron');
  process.exit(2);
}
