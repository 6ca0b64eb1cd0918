import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './testing/fake-electron';

const fakes = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./testing/fake-electron');
  return { current: createFakeElectron() as FakeElectron };
});
vi.mock('electron', () => fakes.current.module);

const { secureWebPreferences, hardenWebContents, installWebContentsHardening, denyAllPermissions } =
  await import('./security');
const { FakeEvent, FakeWebContents } = await import('./testing/fake-electron');

describe('secureWebPreferences', () => {
  it('sets every hardening flag', () => {
    expect(secureWebPreferences()).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
    });
  });

  it('adds the preload path when given, and changes nothing else', () => {
    const { preload, ...rest } = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preload).toBe('/app/out/preload/index.cjs');
    expect(rest).toEqual(secureWebPreferences());
  });
});

describe('hardenWebContents', () => {
  beforeEach(() => {
    fakes.current.shell.openExternal.mockClear();
  });

  function hardened(devServerUrl?: string) {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, { devServerUrl });
    const fire = (name: string, url = ''): boolean => {
      const event = new FakeEvent(url);
      contents.emit(name, event, url);
      return event.defaultPrevented;
    };
    return { contents, fire };
  }

  it.each(['will-navigate', 'will-redirect'])(
    '%s: stays within app:// and prevents anything else',
    (name) => {
      const { fire } = hardened();
      expect(fire(name, 'app://dossier/index.html#note')).toBe(false);
      expect(fire(name, 'https://evil.example/')).toBe(true);
      expect(fire(name, 'file:///etc/passwd')).toBe(true);
      expect(fire(name, 'app://elsewhere/index.html')).toBe(true);
      expect(fire(name, 'http://localhost:5173/')).toBe(true);
      expect(fire(name, 'not a url')).toBe(true);
    },
  );

  it('allows the dev server origin only when it is configured', () => {
    expect(hardened('http://localhost:5173/').fire('will-navigate', 'http://localhost:5173/x')).toBe(false);
    expect(hardened('http://localhost:5173/').fire('will-navigate', 'http://localhost:5174/x')).toBe(true);
  });

  it('prevents webviews', () => {
    expect(hardened().fire('will-attach-webview')).toBe(true);
  });

  it('denies window.open; an http(s) link goes to the browser, anything else nowhere', () => {
    const { contents } = hardened();
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://example.com/article' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://dossier/index.html' })).toEqual({ action: 'deny' });
    expect(fakes.current.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fakes.current.shell.openExternal).toHaveBeenCalledWith('https://example.com/article');
  });

  it('installWebContentsHardening applies to every web contents created later', () => {
    const { app } = fakes.current;
    installWebContentsHardening(app as never);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    const event = new FakeEvent('https://evil.example/');
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const { defaultSession } = fakes.current.session;
    denyAllPermissions(defaultSession as never);
    const request = defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const check = defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check({}, permission, 'app://dossier', {})).toBe(false);
    }
  });
});
