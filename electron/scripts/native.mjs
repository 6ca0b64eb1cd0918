#!/usr/bin/env node
// node electron/scripts/native.mjs node|electron
//
// better-sqlite3 is a native module, compiled for one ABI at a time: Node's (tests, the CLI, the
// browser host) or Electron's (the desktop app). Each script that needs one calls this first, so
// switching between `npm test` and `npm start` never leaves a module that fails to load.
//
// For Electron the module is rebuilt by @electron/rebuild (Electron's own tool: a prebuilt binary when
// one can be downloaded, else node-gyp against Electron's headers), then checked: Electron's binary
// runs as Node (ELECTRON_RUN_AS_NODE=1) and loads it. Only a module that loads there gets the stamp
// that skips the rebuild next time. The check is what catches a "rebuild for Electron" that quietly
// built for Node, as npm's `nodedir` setting pointing at Node's headers (/usr on Debian) makes happen.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronPackageDir, locateElectron } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The file recording which runtime better-sqlite3 was last built and checked for. */
export function stampFile(root) {
  return join(root, 'node_modules', '.dossier-native-abi');
}

/** Where the output of the last Electron rebuild is kept for when it fails. */
export function buildLogFile(root) {
  return join(root, 'node_modules', '.dossier-native-build.log');
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

/** Switches better-sqlite3 back to Node's ABI when it is built for another runtime. Exits on failure. */
function ensureNodeAbi(root) {
  const error = loadInNode();
  if (error === null) return;
  if (!isAbiMismatch(error)) {
    console.error(`better-sqlite3 does not load: ${error.message}`);
    process.exit(1);
  }
  console.log('better-sqlite3 is built for another runtime (probably Electron); rebuilding it for Node...');
  rmSync(stampFile(root), { force: true });
  const rebuilt = spawnSync('npm', ['rebuild', 'better-sqlite3'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (rebuilt.status !== 0) process.exit(1);
  // Check in a fresh process: this one has already failed to load the old binary.
  const check = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    stdio: 'inherit',
  });
  if (check.status !== 0) {
    console.error('better-sqlite3 still does not load after the rebuild; see the errors above.');
    process.exit(1);
  }
}

/**
 * The environment for building against Electron's headers: npm's `nodedir` removed (npm passes its
 * settings to child processes as npm_config_*, and node-gyp reads them). `nodedir` names the headers
 * of one runtime, normally Node's; kept, it makes node-gyp ignore Electron's target and build for Node.
 */
export function electronBuildEnv(env) {
  const clean = { ...env };
  let nodedir;
  for (const key of Object.keys(clean)) {
    if (key.toLowerCase() === 'npm_config_nodedir') {
      if (clean[key]) nodedir = clean[key];
      delete clean[key];
    }
  }
  return { env: clean, nodedir };
}

/** The @electron/rebuild command that builds only better-sqlite3 for `electronVersion`. */
export function electronRebuildCommand({ root, electronVersion }) {
  // The package exports only its API (lib/main.js); its command line sits beside it.
  const cli = join(dirname(require.resolve('@electron/rebuild', { paths: [root] })), 'cli.js');
  return {
    command: process.execPath,
    args: [
      cli,
      '--force',
      '--which-module',
      'better-sqlite3',
      '--only',
      'better-sqlite3',
      '--version',
      electronVersion,
      '--module-dir',
      root,
    ],
  };
}

/** Runs the rebuild with its output kept in `logFile`; resolves { ok, output }. */
function runElectronRebuild({ root, electronVersion, env, logFile }) {
  const { command, args } = electronRebuildCommand({ root, electronVersion });
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
    child.once('close', (code) => {
      writeFileSync(logFile, output);
      resolve({ ok: code === 0, output });
    });
  });
}

/** One line run by Electron as Node: what it is, and whether better-sqlite3 loads in it. */
export const ABI_PROBE =
  "const v=process.versions;let error=null;try{new(require('better-sqlite3'))(':memory:').close()}" +
  'catch(e){error=String(e&&e.message||e)}' +
  'process.stdout.write(JSON.stringify({electron:v.electron||null,modules:v.modules,error}))';

/**
 * Runs Electron's binary as Node (ELECTRON_RUN_AS_NODE=1) in `root` and loads better-sqlite3 there.
 * Returns { ok: true, modules } when the module loads in Electron `electronVersion`, else
 * { ok: false, problem } saying what went wrong. This is the unpackaged binary in node_modules; the
 * packaged app's copy has the RunAsNode fuse turned off, which this never touches.
 */
export function probeElectronAbi({ root, binary, electronVersion, env = process.env }) {
  const result = spawnSync(binary, ['-e', ABI_PROBE], {
    cwd: root,
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error)
    return { ok: false, problem: `Electron (${binary}) could not run: ${result.error.message}` };
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    const said = `${result.stderr ?? ''}`.trim().split('\n')[0] ?? '';
    return {
      ok: false,
      problem: `Electron (${binary}) did not run the check as Node (exit ${result.status}${said ? `: ${said}` : ''})`,
    };
  }
  if (report.electron !== electronVersion) {
    return {
      ok: false,
      problem: report.electron
        ? `${binary} is Electron ${report.electron}, not ${electronVersion}`
        : `${binary} is not Electron (it reports no Electron version)`,
    };
  }
  if (report.error !== null) {
    return {
      ok: false,
      problem: report.error.split('\n').join(' ').replace(/\s+/g, ' '),
      modules: report.modules,
    };
  }
  return { ok: true, modules: report.modules };
}

/**
 * What node-gyp recorded about its last build of better-sqlite3 (build/config.gypi): the headers it
 * used and their ABI. Null when there is no record newer than `since` (a prebuilt download writes none).
 */
export function nodeGypRecord(root, since = 0) {
  const file = join(root, 'node_modules', 'better-sqlite3', 'build', 'config.gypi');
  try {
    if (statSync(file).mtimeMs < since) return null;
    const text = readFileSync(file, 'utf8').replace(/^#.*$/gm, '');
    const variables = JSON.parse(text).variables ?? {};
    return { nodedir: variables.nodedir ?? null, moduleVersion: variables.node_module_version ?? null };
  } catch {
    return null;
  }
}

/** The ABI Electron's package says its binary has (node_modules/electron/abi_version), or null. */
function electronAbi(electronDir) {
  try {
    return readFileSync(join(electronDir, 'abi_version'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** The message for a module that was built but does not load in Electron: what was built, how to fix. */
export function abiFailureMessage({ electronVersion, expectedAbi, problem, record, nodedir }) {
  const needs = expectedAbi ? ` (NODE_MODULE_VERSION ${expectedAbi})` : '';
  const built =
    record !== null
      ? ` node-gyp built it against the headers in ${record.nodedir ?? 'its download cache'}` +
        `${record.moduleVersion !== null ? `, NODE_MODULE_VERSION ${record.moduleVersion}` : ''}.`
      : '';
  const setting = nodedir
    ? ` npm's nodedir setting is ${nodedir}; Dossier ignores it for this build, but check \`npm config get nodedir\`.`
    : " If `npm config get nodedir` names a folder, it points node-gyp at one runtime's headers: remove it with `npm config delete nodedir`.";
  return (
    `better-sqlite3 was rebuilt for Electron ${electronVersion}${needs} but does not load in it: ${problem}.${built}` +
    `${setting} Then run \`npm start\` again; \`npm run web\` runs Dossier in your browser meanwhile.`
  );
}

/**
 * Makes better-sqlite3 load in Electron: skips when the stamp says so and the probe agrees, else
 * rebuilds, probes, and writes the stamp only after the probe passed. Resolves { ok: true } or
 * { ok: false, message }. `rebuild` is the build step (tests replace it).
 */
export async function prepareElectronNative({
  root,
  binary,
  electronVersion,
  electronDir = electronPackageDir(root),
  env = process.env,
  log = console.log,
  rebuild = runElectronRebuild,
}) {
  const stamp = stampFile(root);
  const wanted = `electron-${electronVersion}`;
  const stamped = existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted;
  if (stamped && probeElectronAbi({ root, binary, electronVersion, env }).ok) return { ok: true };

  rmSync(stamp, { force: true });
  const { env: buildEnv, nodedir } = electronBuildEnv(env);
  if (nodedir) log(`Ignoring npm's nodedir (${nodedir}) for this build: Electron needs its own headers.`);
  log(`Building better-sqlite3 for Electron ${electronVersion} (once)...`);
  const started = Date.now() - 1000;
  const logFile = buildLogFile(root);
  const built = await rebuild({ root, electronVersion, env: buildEnv, logFile });
  if (!built.ok) {
    const offline = /network|ENOTFOUND|ECONNREFUSED|ENETUNREACH|EAI_AGAIN|ETIMEDOUT|getaddrinfo/i.test(
      built.output,
    );
    return {
      ok: false,
      message:
        `better-sqlite3 could not be built for Electron ${electronVersion}` +
        (offline
          ? ": the build downloads Electron's headers (or a prebuilt module) once, and the download failed."
          : '.') +
        ` The build's output is in ${logFile}. \`npm run web\` runs Dossier in your browser with the same notebook.`,
    };
  }
  const probe = probeElectronAbi({ root, binary, electronVersion, env });
  if (!probe.ok) {
    return {
      ok: false,
      message: abiFailureMessage({
        electronVersion,
        expectedAbi: electronAbi(electronDir),
        problem: probe.problem,
        record: nodeGypRecord(root, started),
        nodedir,
      }),
    };
  }
  writeFileSync(stamp, wanted);
  return { ok: true };
}

async function main() {
  const target = process.argv[2];
  if (target === 'node') {
    ensureNodeAbi(ROOT);
  } else if (target === 'electron') {
    const electronDir = electronPackageDir(ROOT);
    const found = locateElectron({ electronDir });
    if (!found.present) {
      console.error(
        'Electron is not downloaded yet: `npm start` downloads it, then builds better-sqlite3 for it.',
      );
      process.exit(1);
    }
    const prepared = await prepareElectronNative({
      root: ROOT,
      binary: found.binary,
      electronVersion: found.version,
    });
    if (!prepared.ok) {
      console.error(prepared.message);
      process.exit(1);
    }
  } else {
    console.error('Usage: node electron/scripts/native.mjs node|electron');
    process.exit(2);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
