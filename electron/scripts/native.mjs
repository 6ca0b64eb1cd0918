#!/usr/bin/env node
// node electron/scripts/native.mjs node|electron
//
// better-sqlite3 is a native module, compiled for one ABI at a time: Node's (tests, the CLI, the
// browser host) or Electron's (the desktop app). Each script that needs one calls this first, so
// switching between `npm test` and `npm start` never leaves a module that fails to load.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const target = process.argv[2];
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command with the user's terminal; returns true when it succeeded. */
function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
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
  // Downloads Electron's headers on first use; offline that fails and `npm start` cannot work yet.
  if (!run('npx', ['--no-install', 'electron-rebuild', '-f', '-w', 'better-sqlite3'])) {
    console.error(
      "Could not rebuild better-sqlite3 for Electron. electron-rebuild needs to download Electron's headers " +
        'once: connect to the network and run `npm start` again. (`npm run web` works offline.)',
    );
    process.exit(1);
  }
} else {
  console.error('Usage: node electron/scripts/native.mjs node|electron');
  process.exit(2);
}
