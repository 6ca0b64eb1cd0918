/**
 * Where the notebook lives on disk. Every host (Electron, browser host, CLI) resolves the data folder
 * the same way, so `dossier --data-dir X` and the app opened with `--data-dir X` see the same notebook.
 */
import os from 'node:os';
import path from 'node:path';

/** File name of the notebook database inside the data folder. */
export const DATABASE_FILE = 'dossier.sqlite';

/** Environment variable that overrides the default data folder (the `--data-dir` flag wins over it). */
export const DATA_DIR_ENV = 'DOSSIER_DATA_DIR';

const APP_FOLDER = 'Dossier';

/**
 * The per-user data folder each platform expects an app to use (the same folder Electron's
 * `app.getPath('userData')` would pick for an app named Dossier, computed without Electron so the CLI
 * and the browser host agree with the app).
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    // path.win32 so the result is a Windows path even when computed (in tests) on another platform.
    const appData = nonEmpty(env.APPDATA) ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  const configHome = xdg !== undefined && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(configHome, APP_FOLDER);
}

/**
 * The data folder to use, as an absolute path: the `--data-dir` flag, else `DOSSIER_DATA_DIR`, else
 * {@link defaultDataDir}. Relative values are resolved against the current working directory.
 */
export function resolveDataDir(options: { flag?: string | undefined; env?: NodeJS.ProcessEnv }): string {
  const env = options.env ?? process.env;
  const chosen =
    nonEmpty(options.flag) ?? nonEmpty(env[DATA_DIR_ENV]) ?? defaultDataDir(process.platform, env);
  return path.resolve(chosen);
}

/**
 * The value of `--data-dir X` or `--data-dir=X` in `argv`, or undefined. When given more than once the
 * last one wins, as with most command-line tools. A flag with no value is ignored.
 */
export function parseDataDirFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        found = next;
        i++;
      }
    } else if (arg?.startsWith('--data-dir=')) {
      found = nonEmpty(arg.slice('--data-dir='.length)) ?? found;
    }
  }
  return found;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
