/**
 * A stand-in for the `electron` module in unit tests (the Electron binary cannot run in CI or here).
 * Each fake records what the shell asked of it and behaves just enough like Electron for the shell's
 * logic: events are real EventEmitters, `whenReady` resolves when the test says so, and a new
 * BrowserWindow announces its webContents through the app's 'web-contents-created' event as Electron does.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron-style event: listeners may call preventDefault(). */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A WebFrameMain: enough for the IPC sender check. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextRoutingId = 1;

/** A frame with a fresh identity. */
export function fakeFrame(url: string, parent: FakeFrame | null = null, processId = 1): FakeFrame {
  return { url, parent, processId, routingId: nextRoutingId++ };
}

/** A WebContents: events, a window-open handler and a main frame. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame: FakeFrame = fakeFrame('about:blank');
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** Builds a fresh set of fakes; `module` is what `vi.mock('electron', ...)` should return. */
export function createFakeElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    name: 'dossier',
    paths: new Map<string, string>([['appData', '/fake/appData']]),
    appPath: '/fake/app',
    gotLock: true,
    readyResolve: (): void => undefined,
    readyPromise: Promise.resolve(),
    whenReady: vi.fn((): Promise<void> => app.readyPromise),
    setName: vi.fn((name: string) => void (app.name = name)),
    getName: vi.fn(() => app.name),
    getPath: vi.fn((name: string) => {
      const path = app.paths.get(name);
      if (path === undefined) throw new Error(`Failed to get '${name}' path`);
      return path;
    }),
    setPath: vi.fn((name: string, path: string) => void app.paths.set(name, path)),
    getAppPath: vi.fn(() => app.appPath),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => app.gotLock),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  app.readyPromise = new Promise<void>((resolve) => (app.readyResolve = resolve));

  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = vi.fn(() => windows.filter((w) => !w.destroyed));
    readonly webContents = new FakeWebContents();
    destroyed = false;
    loadURL = vi.fn(async (url: string) => {
      this.webContents.mainFrame = fakeFrame(url);
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    isDestroyed = vi.fn(() => this.destroyed);
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    close(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (ipcHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    }),
    handleOnce: vi.fn(),
    on: vi.fn(),
    once: vi.fn(),
    addListener: vi.fn(),
  };

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    handlers: protocolHandlers,
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      protocolHandlers.set(scheme, handler);
    }),
  };

  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };

  const fakes = {
    app,
    windows,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    dialog: { showErrorBox: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, result: null })),
      send: vi.fn(),
      sendSync: vi.fn(),
      on: vi.fn(),
    },
  };
  return { ...fakes, module: { ...fakes, default: fakes } };
}

/** One set of fakes, as returned by {@link createFakeElectron}. */
export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * A module object whose every export reads through `get()` at use time: vitest caches a mocked
 * module across `vi.resetModules()`, so tests that reload the entry swap the fakes behind it instead.
 */
export function delegatingModule(get: () => FakeElectron): Record<string, unknown> {
  const module: Record<string, unknown> = {};
  for (const key of Object.keys(createFakeElectron().module)) {
    Object.defineProperty(module, key, {
      enumerable: true,
      get: () => (get().module as Record<string, unknown>)[key],
    });
  }
  return module;
}
