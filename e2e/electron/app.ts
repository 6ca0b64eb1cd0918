/**
 * Starts the built desktop app (out/, loaded by `electron .` as `npm start` does) in real Electron with
 * Playwright's Electron launcher, on a data folder the test chooses. `npm run test:electron`
 * (electron/scripts/test-electron.mjs) names the binary in DOSSIER_ELECTRON_BINARY after making sure it
 * is there and that better-sqlite3 loads in it.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';

export const REPO = resolve(import.meta.dirname, '..', '..');

/** The Electron binary the runner checked. */
export function electronBinary(): string {
  const binary = process.env.DOSSIER_ELECTRON_BINARY;
  if (!binary)
    throw new Error('DOSSIER_ELECTRON_BINARY is not set: run these tests with `npm run test:electron`.');
  return binary;
}

/** A fresh, empty data folder for one test. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'dossier-electron-e2e-'));
}

/** A running desktop app and its window. */
export interface RunningApp {
  app: ElectronApplication;
  window: Page;
  dataDir: string;
}

/** Launches the app on `dataDir` and resolves once its window shows the notebook. */
export async function launchApp(dataDir: string): Promise<RunningApp> {
  const args = [REPO, '--data-dir', dataDir];
  // Chromium refuses to start as root with its sandbox on; the renderer sandbox (webPreferences) stays.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app = await _electron.launch({
    executablePath: electronBinary(),
    args,
    cwd: REPO,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const window = await app.firstWindow();
  await window.getByTestId('nav-notes').waitFor({ timeout: 60_000 });
  return { app, window, dataDir };
}

/** Saves a screenshot of the window to test-results/screenshots/<name>.png. */
export async function screenshot(window: Page, name: string): Promise<void> {
  mkdirSync(join(REPO, 'test-results', 'screenshots'), { recursive: true });
  await window.screenshot({ path: join(REPO, 'test-results', 'screenshots', `${name}.png`) });
}
