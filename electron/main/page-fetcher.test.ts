/**
 * The clipper's hidden window against a fake `electron` (the binary cannot run here): its preferences,
 * its guards, its session's locks, and that it is destroyed on success, error and timeout.
 */
import { connect as netConnect } from 'node:net';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEvent } from './testing/fake-electron';
import { FakeFrameEvent, type FakePageElectron } from './testing/fake-page-window';

const fakes = await vi.hoisted(async () => {
  const { createFakePageElectron } = await import('./testing/fake-page-window');
  return { current: createFakePageElectron() as FakePageElectron };
});
vi.mock('electron', () => fakes.current.module);

const { CLIPPER_PARTITION, createRenderedPageFetcher, describeLoadError } = await import('./page-fetcher');
const { installWebContentsHardening, secureWebPreferences } = await import('./security');

const electron = fakes.current;
type FakeWindow = (typeof electron.windows)[number];

/** Fast settle, so the tests do not wait for scripts that do not exist. */
const fetcher = () => createRenderedPageFetcher({ settleMs: 0, timeoutMs: 5_000 });

function lastWindow(): FakeWindow {
  const window = electron.windows.at(-1);
  if (window === undefined) throw new Error('no window was created');
  return window;
}

beforeEach(() => {
  electron.onLoad(async (window, url) => {
    window.webContents.url = url;
    window.webContents.emit('did-navigate', new FakeEvent(url), url, 200, 'OK');
  });
});

describe('the hidden page window', () => {
  it('is hidden, in the in-memory clipper partition, with secure preferences and script on', async () => {
    const page = await fetcher().fetchPage('https://news.example/story');
    expect(page.html).toContain('Built by script.');
    const window = lastWindow();
    expect(window.options.show).toBe(false);
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      ...secureWebPreferences(),
      partition: CLIPPER_PARTITION,
      javascript: true,
      spellcheck: false,
    });
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs.preload).toBeUndefined();
    expect(CLIPPER_PARTITION.startsWith('persist:')).toBe(false);
    expect(electron.session.fromPartition).toHaveBeenCalledWith(CLIPPER_PARTITION, { cache: false });
    expect(window.webContents.audioMuted).toBe(true);
  });

  it('returns the HTML, the type and the final URL after redirects, and destroys the window', async () => {
    electron.onLoad(async (window) => {
      const redirect = new FakeEvent('https://www.news.example/story?amp=0');
      window.webContents.emit('will-redirect', redirect);
      expect(redirect.defaultPrevented).toBe(false);
      window.webContents.url = redirect.url;
      window.webContents.emit('did-navigate', new FakeEvent(redirect.url), redirect.url, 200, 'OK');
    });
    const page = await fetcher().fetchPage('http://news.example/story');
    expect(page).toEqual({
      html: expect.stringContaining('<article>') as unknown,
      finalUrl: 'https://www.news.example/story?amp=0',
      contentType: 'text/html',
    });
    const window = lastWindow();
    expect(window.webContents.executeJavaScript).toHaveBeenCalledWith(
      expect.stringContaining('document.documentElement.outerHTML'),
    );
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });

  it('destroys the window and says why when the page cannot load', async () => {
    electron.onLoad(async (_window, url) => {
      throw new Error(`ERR_NAME_NOT_RESOLVED (-105) loading '${url}'`);
    });
    await expect(fetcher().fetchPage('https://nowhere.example/')).rejects.toThrow(
      'https://nowhere.example/ could not be fetched: the host name could not be found (offline?).',
    );
    expect(lastWindow().destroyed).toBe(true);
  });

  it('refuses an HTTP error page and destroys the window', async () => {
    electron.onLoad(async (window, url) => {
      window.webContents.url = url;
      window.webContents.emit('did-navigate', new FakeEvent(url), url, 404, 'Not Found');
    });
    await expect(fetcher().fetchPage('https://news.example/gone')).rejects.toThrow(
      'the server answered 404 Not Found',
    );
    expect(lastWindow().destroyed).toBe(true);
    expect(lastWindow().webContents.executeJavaScript).not.toHaveBeenCalled();
  });

  it('gives up after the timeout and destroys the window', async () => {
    electron.onLoad(() => new Promise<void>(() => undefined));
    const slow = createRenderedPageFetcher({ settleMs: 0, timeoutMs: 20 });
    await expect(slow.fetchPage('https://slow.example/')).rejects.toThrow('no complete answer within');
    expect(lastWindow().destroyed).toBe(true);
  });

  it('destroys the window when the snapshot is not a page', async () => {
    electron.onLoad(async (window, url) => {
      window.webContents.url = url;
      window.webContents.snapshot = 'not an object';
    });
    await expect(fetcher().fetchPage('https://odd.example/')).rejects.toThrow('the page could not be read');
    expect(lastWindow().destroyed).toBe(true);
  });

  it('refuses non-web addresses without opening a window', async () => {
    const before = electron.windows.length;
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'nonsense']) {
      await expect(fetcher().fetchPage(url)).rejects.toThrow('only http:// and https://');
    }
    expect(electron.windows.length).toBe(before);
  });
});

describe('the hidden page guards', () => {
  /** Runs one fetch whose load lets `during` act on the live contents first. */
  async function during(act: (window: FakeWindow) => void, instance = fetcher()): Promise<void> {
    electron.onLoad(async (window, url) => {
      window.webContents.url = url;
      act(window);
    });
    await instance.fetchPage('https://news.example/');
  }

  it('refuses navigation to file:, javascript: and other schemes, and more than 10 hops', async () => {
    await during((window) => {
      const contents = window.webContents;
      for (const url of [
        'file:///etc/passwd',
        'javascript:alert(1)',
        'app://dossier/index.html',
        'ws://x/',
      ]) {
        for (const name of ['will-navigate', 'will-redirect']) {
          const event = new FakeEvent(url);
          contents.emit(name, event);
          expect(event.defaultPrevented, `${name} ${url}`).toBe(true);
        }
      }
      const hops = Array.from({ length: 12 }, (_, i) => new FakeEvent(`https://hop${i}.example/`));
      for (const hop of hops) contents.emit('will-redirect', hop);
      // 8 refused scheme events counted as navigations already: web hops pass until 10 in all.
      expect(hops.filter((hop) => hop.defaultPrevented).length).toBe(10);
      expect(hops[0]!.defaultPrevented).toBe(false);
    });
  });

  it("does not count a subframe's redirects as the page's, but keeps them on the web", async () => {
    await during((window) => {
      const contents = window.webContents;
      // An ad frame bouncing through trackers: more redirects than the page itself may make.
      const frameHops = Array.from(
        { length: 15 },
        (_, i) => new FakeFrameEvent(`https://ad${i}.example/`, false),
      );
      for (const hop of frameHops) contents.emit('will-redirect', hop);
      expect(frameHops.filter((hop) => hop.defaultPrevented)).toEqual([]);
      const frameToFile = new FakeFrameEvent('file:///etc/passwd', false);
      contents.emit('will-redirect', frameToFile);
      expect(frameToFile.defaultPrevented).toBe(true);
      // The page's own redirects still have all 10 hops.
      const pageHops = Array.from(
        { length: 11 },
        (_, i) => new FakeFrameEvent(`https://hop${i}.example/`, true),
      );
      for (const hop of pageHops) contents.emit('will-redirect', hop);
      expect(pageHops.map((hop) => hop.defaultPrevented)).toEqual([...Array<boolean>(10).fill(false), true]);
    });
  });

  it('keeps subframes on the web and denies popups without opening anything', async () => {
    await during((window) => {
      const contents = window.webContents;
      const file = new FakeFrameEvent('file:///etc/passwd', false);
      const script = new FakeFrameEvent('javascript:alert(1)', false);
      const ad = new FakeFrameEvent('https://ads.example/frame', false);
      const blank = new FakeFrameEvent('about:blank', false);
      for (const event of [file, script, ad, blank]) contents.emit('will-frame-navigate', event);
      expect([file, script, ad, blank].map((e) => e.defaultPrevented)).toEqual([true, true, false, false]);
      expect(contents.windowOpenHandler?.({ url: 'https://popup.example/' })).toEqual({ action: 'deny' });
      const webview = new FakeEvent();
      contents.emit('will-attach-webview', webview);
      expect(webview.defaultPrevented).toBe(true);
    });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it("is left to its own guards by the app UI's hardening, which still guards other contents", async () => {
    const instance = fetcher();
    installWebContentsHardening(electron.app as never, { guardsItself: instance.owns });
    await during((window) => {
      const redirect = new FakeEvent('https://www.news.example/');
      window.webContents.emit('will-redirect', redirect);
      // The app's guard would refuse any non-app:// URL; the page's own follows web redirects.
      expect(redirect.defaultPrevented).toBe(false);
      expect(instance.owns(window.webContents as never)).toBe(true);
      // The hidden page's popups are denied and never reach the user's browser.
      expect(window.webContents.windowOpenHandler?.({ url: 'https://popup.example/' })).toEqual({
        action: 'deny',
      });
    }, instance);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    electron.app.removeAllListeners('web-contents-created');
  });
});

describe('the clipper session', () => {
  it('blocks non-web requests and media, denies permissions, and is set up once', async () => {
    electron.clipperSession.webRequest.onBeforeRequest.mockClear();
    const instance = fetcher();
    await instance.fetchPage('https://news.example/1');
    await instance.fetchPage('https://news.example/2');
    const session = electron.clipperSession;
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    const verdict = (url: string, resourceType = 'image'): boolean | undefined => {
      let cancel: boolean | undefined;
      session.requestListener!({ url, resourceType }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(verdict('https://cdn.example/a.png')).toBe(false);
    expect(verdict('http://cdn.example/app.js', 'script')).toBe(false);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('chrome://settings')).toBe(true);
    expect(verdict('wss://tracker.example/')).toBe(true);
    expect(verdict('https://cdn.example/v.mp4', 'media')).toBe(true);

    const [[requestHandler]] = session.setPermissionRequestHandler.mock.calls as [
      [(c: unknown, p: string, cb: (ok: boolean) => void) => void],
    ];
    const answer = vi.fn();
    requestHandler(null, 'geolocation', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(session.userAgent).not.toMatch(/Electron/);
  });

  it('cancels a download and reports what the address was', async () => {
    electron.onLoad(async (window, url) => {
      const event = new FakeEvent();
      const item = { getURL: () => url, getMimeType: () => 'application/pdf' };
      electron.clipperSession.emit('will-download', event, item, window.webContents);
      expect(event.defaultPrevented).toBe(true);
      throw new Error(`ERR_ABORTED (-3) loading '${url}'`);
    });
    const page = await fetcher().fetchPage('https://papers.example/a.pdf');
    expect(page).toEqual({
      html: '',
      finalUrl: 'https://papers.example/a.pdf',
      contentType: 'application/pdf',
    });
    expect(lastWindow().destroyed).toBe(true);
  });
});

describe('helpers', () => {
  it("describeLoadError turns Chromium's codes into words", () => {
    expect(describeLoadError(new Error("ERR_CONNECTION_REFUSED (-102) loading 'x'"))).toBe(
      'the server refused the connection',
    );
    expect(describeLoadError(new Error('ERR_SOMETHING_NEW (-999)'))).toBe(
      'the page did not load (ERR_SOMETHING_NEW)',
    );
  });

  it('secureWebPreferences extras cannot drop isolation and keep the defaults otherwise', () => {
    const prefs = secureWebPreferences(undefined, { partition: 'p', javascript: true, spellcheck: false });
    expect(prefs).toMatchObject({ partition: 'p', javascript: true, spellcheck: false, sandbox: true });
    expect(secureWebPreferences()).not.toHaveProperty('partition');
    expect(secureWebPreferences().spellcheck).toBe(true);
  });
});

/** The clipper session's proxy port, as the fetcher set it. */
function proxyPort(): number {
  const config = electron.clipperSession.proxy;
  const match = /^http:\/\/127\.0\.0\.1:(\d+)$/.exec(config?.proxyRules ?? '');
  if (match === null) throw new Error(`no proxy set: ${JSON.stringify(config)}`);
  return Number(match[1]);
}

/** What Chromium would send the proxy for a plain http URL; resolves to the status line. */
function throughProxy(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(proxyPort(), '127.0.0.1', () =>
      socket.write(`GET ${url} HTTP/1.1\r\nHost: ${new URL(url).host}\r\n\r\n`),
    );
    socket.once('data', (chunk) => {
      resolve(chunk.toString().split('\r\n')[0]!);
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

// Regression (issue 19): the page window filtered requests by scheme only, so a page (or its
// redirect, frame or image) could reach 127.0.0.1 or 169.254.169.254.
describe('the outbound proxy under the page window', () => {
  it('takes every request of the session, loopback included, and WebRTC may not go around it', async () => {
    await fetcher().fetchPage('https://news.example/story', { allowedHosts: [] });
    expect(electron.clipperSession.setProxy).toHaveBeenCalledWith({
      proxyRules: `http://127.0.0.1:${proxyPort()}`,
      proxyBypassRules: '<-loopback>',
    });
    expect(lastWindow().webContents.webRtcPolicy).toBe('disable_non_proxied_udp');
    expect(await throughProxy('http://127.0.0.1:9/secret')).toBe('HTTP/1.1 403 Forbidden');
    expect(await throughProxy('http://169.254.169.254/latest/meta-data/')).toBe('HTTP/1.1 403 Forbidden');
  });

  it('fails a page that leads to a local address with the reason, not as a server error', async () => {
    const pages = fetcher();
    electron.onLoad(async (window, url) => {
      // The page redirects to this computer; Chromium asks the proxy, which refuses (403).
      const inward = 'http://localhost:9/admin';
      const redirect = new FakeEvent(inward);
      window.webContents.emit('will-redirect', redirect);
      const status = await throughProxy(inward);
      window.webContents.url = url;
      window.webContents.emit('did-navigate', new FakeEvent(inward), inward, 403, status.slice(13));
    });
    await expect(pages.fetchPage('http://news.example/story', { allowedHosts: [] })).rejects.toThrow(
      /^http:\/\/news\.example\/story could not be fetched: localhost is this computer or a metadata service\. Dossier fetches only public/,
    );
  });

  it('lets the page reach the local hosts the user allowed', async () => {
    await fetcher().fetchPage('https://news.example/story', { allowedHosts: ['localhost'] });
    // Nothing listens on port 9: the proxy tried to connect (502), it did not refuse (403).
    expect(await throughProxy('http://localhost:9/')).toBe('HTTP/1.1 502 Bad Gateway');
  });
});
