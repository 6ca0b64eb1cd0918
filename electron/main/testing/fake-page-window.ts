/**
 * A stand-in for the parts of `electron` the clipper's hidden window uses (page-fetcher.ts): an app
 * that announces new web contents, a BrowserWindow whose load the test scripts, and a session whose
 * handlers the test can call as Chromium would. The Electron binary cannot run here.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { FakeEvent } from './fake-electron';

/** A will-frame-navigate event. */
export class FakeFrameEvent extends FakeEvent {
  constructor(
    url: string,
    readonly isMainFrame: boolean,
  ) {
    super(url);
  }
}

/** What the page's snapshot script returns, unless a test changes it. */
export const DEFAULT_SNAPSHOT = {
  html: '<html><head><title>Built</title></head><body><article><p>Built by script.</p></article></body></html>',
  contentType: 'text/html',
};

/** Builds a fresh set of fakes; `module` is what `vi.mock('electron', ...)` should return. */
export function createFakePageElectron() {
  const app = Object.assign(new EventEmitter(), { whenReady: vi.fn(async () => undefined) });

  class FakePageContents extends EventEmitter {
    url = '';
    audioMuted = false;
    snapshot: unknown = DEFAULT_SNAPSHOT;
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    setAudioMuted = vi.fn((muted: boolean) => void (this.audioMuted = muted));
    webRtcPolicy = 'default';
    setWebRTCIPHandlingPolicy = vi.fn((policy: string) => void (this.webRtcPolicy = policy));
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
    getURL = (): string => this.url;
    executeJavaScript = vi.fn(async (_code: string): Promise<unknown> => this.snapshot);
  }

  /** How the next windows' loadURL behaves; by default the page loads with 200 OK. */
  let loadBehaviour = async (window: FakePageWindow, url: string): Promise<void> => {
    window.webContents.url = url;
    window.webContents.emit('did-navigate', new FakeEvent(url), url, 200, 'OK');
  };

  const windows: FakePageWindow[] = [];

  class FakePageWindow extends EventEmitter {
    readonly webContents = new FakePageContents();
    destroyed = false;
    loadURL = vi.fn((url: string) => loadBehaviour(this, url));
    isDestroyed = (): boolean => this.destroyed;
    destroy = vi.fn(() => {
      this.destroyed = true;
    });
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
  }

  type RequestListener = (
    details: { url: string; resourceType: string },
    callback: (response: { cancel?: boolean }) => void,
  ) => void;

  const clipperSession = Object.assign(new EventEmitter(), {
    requestListener: null as RequestListener | null,
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Electron/45.5.0 Safari/537.36',
    webRequest: {
      onBeforeRequest: vi.fn((listener: RequestListener) => void (clipperSession.requestListener = listener)),
    },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    getUserAgent: () => clipperSession.userAgent,
    setUserAgent: vi.fn((agent: string) => void (clipperSession.userAgent = agent)),
    proxy: null as { proxyRules?: string; proxyBypassRules?: string } | null,
    setProxy: vi.fn(async (config: { proxyRules?: string; proxyBypassRules?: string }) => {
      clipperSession.proxy = config;
    }),
  });

  const fakes = {
    app,
    windows,
    BrowserWindow: FakePageWindow,
    session: { fromPartition: vi.fn((_partition: string, _options?: unknown) => clipperSession) },
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    clipperSession,
    /** Replaces how loadURL behaves for the windows created from now on. */
    onLoad(behaviour: (window: FakePageWindow, url: string) => Promise<void>): void {
      loadBehaviour = behaviour;
    },
  };
  return { ...fakes, module: { ...fakes, default: fakes } };
}

/** One set of fakes, as returned by {@link createFakePageElectron}. */
export type FakePageElectron = ReturnType<typeof createFakePageElectron>;
