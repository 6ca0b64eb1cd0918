// Finding Electron's binary, and getting it the way Electron itself does when it is missing.
//
// Electron's npm package (45 and later) has no install script: its binary is downloaded on demand, by
// its `install-electron` bin (node_modules/electron/install.js, which uses @electron/get) or by the
// first `require('electron')`, into node_modules/electron/dist, and node_modules/electron/path.txt
// names the executable inside. electron-vite reads only path.txt and throws "Electron uninstall" when
// it is missing, so `npm start` (electron/scripts/start.mjs) calls ensureElectron() first.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The preload that makes the install script's error one line with its cause (see install-errors.cjs). */
const INSTALL_ERRORS_PRELOAD = fileURLToPath(new URL('./install-errors.cjs', import.meta.url));

/** node_modules/electron as the project at `root` resolves it. */
export function electronPackageDir(root) {
  return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Where Electron's binary is, by the rules of Electron's own index.js: with ELECTRON_OVERRIDE_DIST_PATH,
 * that folder joined with path.txt's name (or "electron"); otherwise dist/ joined with path.txt's name.
 * `present` also requires dist/version to be this package's version, as Electron's install script
 * does, so an upgraded package does not run the previous binary (an override is taken as it is).
 */
export function locateElectron({ electronDir, env = process.env }) {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const recorded = readText(join(electronDir, 'path.txt'));
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, recorded || 'electron');
    return { version, binary, override, present: existsSync(binary) };
  }
  if (recorded === '') return { version, binary: null, override: null, present: false };
  const binary = join(electronDir, 'dist', recorded);
  const distVersion = readText(join(electronDir, 'dist', 'version'))
    .trim()
    .replace(/^v/, '');
  return { version, binary, override: null, present: existsSync(binary) && distVersion === version };
}

/**
 * Why the install script failed, in one line, from what it printed on stderr: the last line that is
 * not a stack frame ("    at ..."), without the error's class name. With install-errors.cjs loaded
 * that line is the message and its causes; without it, still the message.
 */
export function installFailureReason(stderr, exitCode) {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^at\s/.test(line));
  const last = lines.at(-1);
  if (last === undefined) return `Electron's install script exited with code ${exitCode}`;
  return last.replace(/^[A-Za-z]*Error:\s*/, '');
}

/**
 * Runs Electron's own install script (its `install-electron` bin) in a child process, so every
 * setting Electron documents for it applies unchanged: ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR,
 * ELECTRON_CUSTOM_FILENAME, electron_config_cache, ELECTRON_GET_USE_PROXY, force_no_cache,
 * electron_use_remote_checksums, ELECTRON_INSTALL_PLATFORM/ARCH. Its stderr is kept: on failure the
 * script prints a stack trace, which the user never needs to see. Resolves { ok, reason? }.
 */
export function runElectronInstaller({ electronDir, env = process.env }) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--require', INSTALL_ERRORS_PRELOAD, join(electronDir, 'install.js')],
      {
        cwd: electronDir,
        env,
        stdio: ['ignore', 'inherit', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', (error) => resolve({ ok: false, reason: error.message }));
    child.once('close', (code, signal) => {
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, reason: installFailureReason(stderr, code ?? signal) });
    });
  });
}

/**
 * The paragraph `npm start` prints when Electron cannot be had: why, what works instead, and how to
 * try again. One paragraph, no stack trace.
 */
export function refusalParagraph(reason) {
  return (
    `Electron could not be downloaded (${reason}): \`npm run web\` runs Dossier in your browser with the ` +
    'same notebook. To get the desktop app, run `npm start` again when the download can work; behind a ' +
    'proxy or with a mirror, set ELECTRON_GET_USE_PROXY (with HTTPS_PROXY) or ELECTRON_MIRROR as ' +
    "Electron's installation guide describes."
  );
}

/**
 * Makes sure Electron's binary is there: present, it is used; missing, it is downloaded by Electron's
 * install script; refused, the reason is returned. Resolves { ok: true, binary, downloaded } or
 * { ok: false, reason }. `log` receives progress lines for the user.
 */
export async function ensureElectron({ electronDir, env = process.env, log = console.log }) {
  const found = locateElectron({ electronDir, env });
  if (found.present) return { ok: true, binary: found.binary, downloaded: false };
  if (found.override) {
    // Electron's install script never downloads into an override folder: say what is wrong with it.
    return {
      ok: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH is ${found.override}, which has no Electron binary at ${found.binary}`,
    };
  }
  log(`Downloading Electron ${found.version} (once; Electron keeps it in its download cache)...`);
  const installed = await runElectronInstaller({ electronDir, env });
  if (!installed.ok) return { ok: false, reason: installed.reason };
  const after = locateElectron({ electronDir, env });
  if (!after.present) {
    return {
      ok: false,
      reason: `Electron's install script finished, but ${after.binary ?? join(electronDir, 'path.txt')} is missing`,
    };
  }
  return { ok: true, binary: after.binary, downloaded: true };
}
