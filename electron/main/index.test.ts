/**
 * Loads the real main entry against a fake `electron` and a fake core, and checks the wiring a user's
 * safety depends on: the window's preferences, the navigation and permission guards, the app://
 * protocol, the IPC surface, startup failures and a clean close of the core on quit.
 */
import type * as NodeFs from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import type { RpcOutcome } from '../../shared/rpc';
import type * as PageFetcher from './page-fetcher';
import { FakeEvent, fakeFrame, type FakeElectron } from './testing/fake-electron';

const hoisted = await vi.hoisted(async () => {
  const { createFakeElectron, delegatingModule } = await import('./testing/fake-electron');
  const { vi: v } = await import('vitest');
  const core = {
    call: v.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, result: 'core answer' })),
    close: v.fn(async () => undefined),
  };
  const fakes = { current: createFakeElectron() as FakeElectron };
  return {
    fakes,
    /** Web contents the page fetcher owns: a clip in flight, as a test sets it up. */
    clipperContents: new Set<unknown>(),
    electronModule: delegatingModule(() => fakes.current),
    core,
    startCoreWorker: v.fn(async (_options: unknown): Promise<unknown> => core),
  };
});
const { fakes, core, startCoreWorker } = hoisted;

vi.mock('electron', () => hoisted.electronModule);
vi.mock('../core/worker/client', () => ({ startCoreWorker: hoisted.startCoreWorker }));
// The real fetcher, except that a test can say which windows are its hidden clip windows (making one
// for real needs the clipper session, which page-fetcher.test.ts covers).
vi.mock('./page-fetcher', async (importOriginal) => {
  const real = await importOriginal<typeof PageFetcher>();
  return {
    ...real,
    createRenderedPageFetcher: () => {
      const fetcher = real.createRenderedPageFetcher();
      return {
        fetchPage: fetcher.fetchPage,
        owns: (contents: never) => hoisted.clipperContents.has(contents) || fetcher.owns(contents),
      };
    },
  };
});
vi.mock('node:fs', async (importOriginal) => ({
  ...(await importOriginal<typeof NodeFs>()),
  // The default data folder of the fake app does not exist; creating it is not what is under test.
  mkdirSync: vi.fn(),
}));

const { secureWebPreferences } = await import('./security');
const { CONTENT_SECURITY_POLICY } = await import('./protocol');

const savedArgv = process.argv;
const savedEnv = { ...process.env };

/** Loads index.ts afresh with the given argv and environment and lets the app become ready. */
async function launch(
  options: { argv?: string[]; env?: Record<string, string>; ready?: boolean; packaged?: boolean } = {},
) {
  vi.resetModules();
  fakes.current = (await import('./testing/fake-electron')).createFakeElectron();
  fakes.current.app.isPackaged = options.packaged ?? false;
  process.argv = ['/usr/bin/electron', '.', ...(options.argv ?? [])];
  delete process.env.DOSSIER_DATA_DIR;
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.DOSSIER_MODELS_DIR;
  delete process.env.NODE_ENV_ELECTRON_VITE;
  Object.assign(process.env, options.env ?? {});
  await import('./index');
  const electron = fakes.current;
  if (options.ready !== false) {
    electron.app.readyResolve();
    await vi.waitFor(() => {
      if (electron.windows.length === 0 && electron.app.exit.mock.calls.length === 0)
        throw new Error('not ready');
    });
  }
  return electron;
}

beforeEach(() => {
  core.call.mockClear();
  core.close.mockClear();
  startCoreWorker.mockClear();
  startCoreWorker.mockImplementation(async () => core);
});
afterEach(() => {
  process.argv = savedArgv;
  process.env = { ...savedEnv };
});

describe('main process', () => {
  it('registers app:// as privileged and enables the sandbox before the app is ready', async () => {
    const electron = await launch({ ready: false });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.setName).toHaveBeenCalledWith('Dossier');
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });

  it('uses Electron userData named Dossier by default and starts the core worker there', async () => {
    const electron = await launch();
    expect(electron.app.paths.get('userData')).toBe(join('/fake/appData', 'Dossier'));
    expect(startCoreWorker).toHaveBeenCalledTimes(1);
    const options = startCoreWorker.mock.calls[0]![0] as {
      dataDir: string;
      host: string;
      workerFile: string;
    };
    expect(options.dataDir).toBe(join('/fake/appData', 'Dossier'));
    expect(options.host).toBe('electron');
    expect(String(options.workerFile)).toMatch(/[/\\]core-worker\.js$/);
  });

  it('gives the core the hidden-window page fetcher as its fetchPage hook, creating no window yet', async () => {
    const electron = await launch();
    const options = startCoreWorker.mock.calls[0]![0] as { hostHooks?: { fetchPage?: unknown } };
    expect(typeof options.hostHooks?.fetchPage).toBe('function');
    // Only the main window exists: the clipper's window is made per fetch (page-fetcher.test.ts).
    expect(electron.windows).toHaveLength(1);
  });

  it('uses --data-dir (over DOSSIER_DATA_DIR) as the data folder and userData', async () => {
    const fromFlag = mkdtempSync(join(tmpdir(), 'dossier-flag-'));
    const fromEnv = mkdtempSync(join(tmpdir(), 'dossier-env-'));
    let electron = await launch({ argv: ['--data-dir', fromFlag], env: { DOSSIER_DATA_DIR: fromEnv } });
    expect(electron.app.paths.get('userData')).toBe(fromFlag);
    expect(startCoreWorker.mock.calls[0]![0]).toMatchObject({ dataDir: fromFlag });
    startCoreWorker.mockClear();
    electron = await launch({ env: { DOSSIER_DATA_DIR: fromEnv } });
    expect(electron.app.paths.get('userData')).toBe(fromEnv);
    expect(startCoreWorker.mock.calls[0]![0]).toMatchObject({ dataDir: fromEnv });
  });

  it('creates the window through secureWebPreferences with the built preload, on app://', async () => {
    const electron = await launch();
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0]!;
    const preferences = window.options.webPreferences as { preload: string };
    expect(preferences.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(preferences).toEqual(secureWebPreferences(preferences.preload));
    expect(window.loadURL).toHaveBeenCalledWith('app://dossier/index.html');
  });

  it("gives the window the app's icon and the core worker the app's models folder", async () => {
    const electron = await launch();
    expect(electron.windows[0]!.options.icon).toBe(join('/fake/app', 'resources', 'icons', '256x256.png'));
    // Set before the worker starts, so the worker (which inherits the environment) reads it.
    expect(startCoreWorker).toHaveBeenCalledTimes(1);
    expect(process.env.DOSSIER_MODELS_DIR).toBe(join('/fake/app', 'resources', 'models'));
    // A folder the user chose is kept.
    await launch({ env: { DOSSIER_MODELS_DIR: '/my/models' } });
    expect(process.env.DOSSIER_MODELS_DIR).toBe('/my/models');
  });

  it('hardens the window: window.open denied, foreign navigation and webviews prevented', async () => {
    const electron = await launch();
    const { webContents } = electron.windows[0]!;
    expect(webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
    for (const [name, url, prevented] of [
      ['will-navigate', 'https://evil.example/', true],
      ['will-redirect', 'https://evil.example/', true],
      ['will-navigate', 'app://dossier/index.html', false],
      ['will-attach-webview', '', true],
    ] as const) {
      const event = new FakeEvent(url);
      webContents.emit(name, event, url);
      expect(event.defaultPrevented, `${name} ${url}`).toBe(prevented);
    }
  });

  it('denies every permission request and check', async () => {
    const electron = await launch();
    const { setPermissionRequestHandler, setPermissionCheckHandler } = electron.session.defaultSession;
    const request = setPermissionRequestHandler.mock.calls[0]![0] as (...args: unknown[]) => void;
    const callback = vi.fn();
    request({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    const check = setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'notifications', 'app://dossier', {})).toBe(false);
  });

  it('serves app:// with the CSP', async () => {
    const electron = await launch();
    const handler = electron.protocol.handlers.get('app')!;
    const response = await handler(new Request('app://dossier/no-such-file.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('registers exactly the API channels, answering only our window', async () => {
    const electron = await launch();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(
      API_METHODS.map((m) => ipcChannel(m)).sort(),
    );
    expect(electron.ipcMain.on).not.toHaveBeenCalled();
    const handler = electron.ipcMain.handlers.get('dossier:listNotes')! as (
      event: unknown,
      ...args: unknown[]
    ) => Promise<RpcOutcome>;
    const mainFrame = electron.windows[0]!.webContents.mainFrame;
    await expect(handler({ senderFrame: mainFrame })).resolves.toEqual({ ok: true, result: 'core answer' });
    expect(core.call).toHaveBeenCalledWith('listNotes', []);
    core.call.mockClear();
    for (const frame of [
      fakeFrame('app://dossier/index.html', mainFrame),
      fakeFrame('https://evil.example/'),
      null,
    ]) {
      await expect(handler({ senderFrame: frame })).resolves.toMatchObject({
        error: { code: 'UNAUTHORIZED' },
      });
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('loads the dev server only under electron-vite dev, in an unpackaged app', async () => {
    const dev = { NODE_ENV_ELECTRON_VITE: 'development' };
    const electron = await launch({ env: { ...dev, ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    expect(electron.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    // Regression (issue 19): any unpackaged app followed the variable to any http origin.
    const notDev = await launch({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    expect(notDev.windows[0]!.loadURL).toHaveBeenCalledWith('app://dossier/index.html');
    const elsewhere = await launch({ env: { ...dev, ELECTRON_RENDERER_URL: 'http://evil.example:5173' } });
    expect(elsewhere.windows[0]!.loadURL).toHaveBeenCalledWith('app://dossier/index.html');
    const away = new FakeEvent('http://evil.example:5173/');
    elsewhere.windows[0]!.webContents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);
    const packaged = await launch({
      packaged: true,
      env: { ...dev, ELECTRON_RENDERER_URL: 'https://evil.example/' },
    });
    expect(packaged.windows[0]!.loadURL).toHaveBeenCalledWith('app://dossier/index.html');
    const navigation = new FakeEvent('https://evil.example/');
    packaged.windows[0]!.webContents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('offers developer tools only in an unpackaged app', async () => {
    const roles = (electron: FakeElectron): string[] =>
      JSON.stringify(electron.Menu.buildFromTemplate.mock.calls[0]![0]).match(/"role":"\w+"/g) ?? [];
    expect(roles(await launch())).toContain('"role":"toggleDevTools"');
    expect(roles(await launch({ packaged: true }))).not.toContain('"role":"toggleDevTools"');
    expect(roles(await launch({ packaged: true }))).toContain('"role":"paste"');
  });

  it.each(['DB_TOO_NEW', 'DB_CORRUPT'] as const)(
    '%s: shows the error, opens no window, registers no IPC and exits',
    async (code) => {
      startCoreWorker.mockImplementation(async () => {
        throw new ApiError(code, 'This notebook was written by a newer Dossier. Update Dossier to open it.');
      });
      const electron = await launch();
      expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
        'Dossier cannot open your notebook',
        expect.stringContaining('This notebook was written by a newer Dossier. Update Dossier to open it.'),
      );
      expect(electron.app.exit).toHaveBeenCalledWith(1);
      expect(electron.windows).toHaveLength(0);
      expect(electron.ipcMain.handlers.size).toBe(0);
    },
  );

  it('quits when another instance holds the lock, without starting the core', async () => {
    vi.resetModules();
    fakes.current = (await import('./testing/fake-electron')).createFakeElectron();
    fakes.current.app.gotLock = false;
    await import('./index');
    expect(fakes.current.app.quit).toHaveBeenCalled();
    expect(startCoreWorker).not.toHaveBeenCalled();
  });

  it('on quit, holds the exit once until the core has closed, then quits', async () => {
    const electron = await launch();
    const first = new FakeEvent();
    electron.app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(core.close).toHaveBeenCalledTimes(1);
    const second = new FakeEvent();
    electron.app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it("does not count the clipper's hidden window: closing the last real one quits, activate reopens", async () => {
    const electron = await launch();
    const clipping = new electron.BrowserWindow({ show: false });
    hoisted.clipperContents.add(clipping.webContents);
    electron.windows[0]!.close();
    // No 'window-all-closed' from Electron: the hidden window is still open.
    if (process.platform !== 'darwin') expect(electron.app.quit).toHaveBeenCalled();
    electron.app.emit('activate');
    const open = electron.windows.filter((window) => !window.destroyed && window !== clipping);
    expect(open).toHaveLength(1);
    expect(open[0]!.options).toMatchObject({ webPreferences: expect.objectContaining({ sandbox: true }) });
    hoisted.clipperContents.clear();
  });

  it('quits when the last window closes (not on macOS), and re-creates the window on activate', async () => {
    const electron = await launch();
    electron.windows[0]!.close();
    electron.app.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(electron.app.quit).toHaveBeenCalled();
    electron.app.emit('activate');
    expect(electron.windows).toHaveLength(2);
  });
});
