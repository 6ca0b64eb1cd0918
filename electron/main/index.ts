/**
 * The Electron main process: lifecycle only. It picks the data folder, starts the notebook core in a
 * worker thread (so SQLite never blocks the UI), serves the UI over app://, wires the API over IPC and
 * closes the core cleanly on quit. Product logic lives in electron/core.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
// Before the core worker starts: lets it read a damaged notebook in place instead of copying it.
import '../core/db/uri-filenames';
import { DATA_DIR_ENV, parseDataDirFlag, resolveDataDir } from '../core/paths';
import { startCoreWorker, type CoreWorker } from '../core/worker/client';
import { BUNDLED_WORKER_FILE } from '../core/worker/script';
import { serializeError } from '../../shared/errors';
import { currentDevServerUrl } from './dev-server';
import { createSenderCheck, registerApiHandlers, trackCalls, type TrackedCaller } from './ipc';
import { appResources, shareModelsDir } from './app-resources';
import { buildMenuTemplate } from './menu';
import { createRenderedPageFetcher } from './page-fetcher';
import { APP_ENTRY_URL, isAppUrl, registerAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, installWebContentsHardening } from './security';
import { createMainWindow } from './window';

const APP_NAME = 'Dossier';
/** out/main: the built entry's folder; the preload, the renderer and the worker sit relative to it. */
const MAIN_DIR = import.meta.dirname;
const PRELOAD_PATH = join(MAIN_DIR, '../preload/index.cjs');
const RENDERER_DIR = join(MAIN_DIR, '../renderer');
const WORKER_FILE = join(MAIN_DIR, BUNDLED_WORKER_FILE);
/** How long quitting waits for the core to close before giving up (the WAL keeps saved data safe). */
const CLOSE_TIMEOUT_MS = 15_000;

/**
 * The data folder. `--data-dir` or DOSSIER_DATA_DIR become Electron's userData too, so Chromium's own
 * files and the single-instance lock follow the notebook. Otherwise Electron's userData is used, named
 * "Dossier" explicitly: Electron derives it from package.json's lowercase "dossier", which on Linux
 * would be a different folder from the one the README, the CLI and the browser host use.
 */
function chooseDataDir(): string {
  const flag = parseDataDirFlag(process.argv);
  const fromEnv = process.env[DATA_DIR_ENV];
  const dataDir =
    flag !== undefined || (fromEnv !== undefined && fromEnv !== '')
      ? resolveDataDir({ flag, env: process.env })
      : join(app.getPath('appData'), APP_NAME);
  // app.setPath refuses a folder that does not exist yet.
  mkdirSync(dataDir, { recursive: true });
  app.setPath('userData', dataDir);
  return app.getPath('userData');
}

/** Tells the user why the notebook cannot open and what to do; the database file is left untouched. */
function showStartupError(error: unknown, dataDir: string): void {
  const { message } = serializeError(error);
  dialog.showErrorBox('Dossier cannot open your notebook', `${message}\n\nNotebook folder: ${dataDir}`);
}

function main(): void {
  // Both must happen before the app is ready.
  registerAppScheme(protocol);
  app.enableSandbox();
  app.setName(APP_NAME);

  let dataDir: string;
  try {
    dataDir = chooseDataDir();
  } catch (error) {
    showStartupError(error, resolveDataDir({ flag: parseDataDirFlag(process.argv), env: process.env }));
    app.exit(1);
    return;
  }

  // One app per data folder: a second launch focuses the first window instead of opening the database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // Only `electron-vite dev` may point the window (and its API access) at the dev server, and only
  // at one on this computer: see dev-server.ts. Elsewhere the variable is ignored.
  const devServerUrl = currentDevServerUrl(app.isPackaged);
  const isOwnUrl = (url: string): boolean => isAppUrl(url, devServerUrl);
  // clipUrl renders pages in hidden windows that carry their own, stricter guards (page-fetcher.ts).
  const pageFetcher = createRenderedPageFetcher();
  installWebContentsHardening(app, { devServerUrl, guardsItself: pageFetcher.owns });

  const resources = appResources(app.getAppPath());
  shareModelsDir(process.env, resources.modelsDir);

  // Started now so the worker opens the database while Chromium starts; settled so an early failure
  // is reported on ready rather than as an unhandled rejection.
  const coreStart = startCoreWorker({
    dataDir,
    host: 'electron',
    workerFile: WORKER_FILE,
    hostHooks: {
      fetchPage: pageFetcher.fetchPage,
      // The core only asks to reveal what it wrote in the data folder's exports folder.
      revealPath: async (target) => shell.showItemInFolder(target),
    },
  }).then(
    (core) => ({ ok: true as const, core }),
    (error: unknown) => ({ ok: false as const, error }),
  );

  let core: CoreWorker | null = null;
  let calls: TrackedCaller | null = null;
  let mainWindow: BrowserWindow | null = null;
  let coreClosing = false;
  let coreClosed = false;

  const isTrustedSender = createSenderCheck(
    () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null),
    isOwnUrl,
  );

  /**
   * The windows the user has. The clipper's hidden pages (page-fetcher.ts) are windows to Electron but
   * not to the user: closing the last real one while a clip is in flight must still quit, and
   * activating on macOS must still bring a window back.
   */
  const userWindows = (): BrowserWindow[] =>
    BrowserWindow.getAllWindows().filter(
      (window) => !window.isDestroyed() && !pageFetcher.owns(window.webContents),
    );
  const lastUserWindowClosed = (): void => {
    if (process.platform !== 'darwin') app.quit();
  };

  const openWindow = (): void => {
    const window = createMainWindow({
      preloadPath: PRELOAD_PATH,
      url: devServerUrl ?? APP_ENTRY_URL,
      icon: resources.windowIcon,
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
      // Electron's 'window-all-closed' waits for the hidden clipper windows too.
      if (userWindows().every((other) => other === window)) lastUserWindowClosed();
    });
    mainWindow = window;
  };

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', lastUserWindowClosed);

  app.on('activate', () => {
    if (core !== null && !coreClosing && userWindows().length === 0) openWindow();
  });

  // 'will-quit' comes after every window has closed, i.e. after the renderer's pagehide autosave was
  // sent; a window that refuses to close cancels the quit before this point. Hold the exit once,
  // let in-flight saves answer, close the core (checkpoint, release the file), then quit for real.
  app.on('will-quit', (event) => {
    const open = core;
    if (open === null || coreClosed) return;
    event.preventDefault();
    if (coreClosing) return;
    coreClosing = true;
    const closing = (async () => {
      await calls?.settled();
      await open.close();
    })();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    void Promise.race([closing, timeout])
      .catch((error: unknown) => console.error('Dossier could not close the notebook cleanly:', error))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });

  const onReady = async (): Promise<void> => {
    denyAllPermissions(session.defaultSession);
    registerAppProtocol(protocol, RENDERER_DIR);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          appName: APP_NAME,
          isMac: process.platform === 'darwin',
          isDev: !app.isPackaged,
        }),
      ),
    );

    const started = await coreStart;
    if (!started.ok) {
      showStartupError(started.error, dataDir);
      app.exit(1);
      return;
    }
    core = started.core;
    calls = trackCalls(core);
    registerApiHandlers(ipcMain, calls, isTrustedSender);
    openWindow();
  };

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      showStartupError(error, dataDir);
      app.exit(1);
    });
}

main();
