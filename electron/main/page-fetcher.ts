/**
 * The Electron half of `clipUrl`: renders a web page in a hidden, sandboxed window so pages built by
 * script have their article, and hands the core (in its worker thread, which never imports electron)
 * the rendered HTML through the `fetchPage` host hook.
 *
 * The page is hostile until proven otherwise. It runs in its own in-memory session (no cookies or
 * storage shared with the app, nothing written to disk), with script enabled but no Node, no preload
 * and the sandbox on; permissions are refused, downloads cancelled, popups denied, audio muted, and
 * every request or navigation that is not http(s) is blocked. Every request it makes goes through the
 * outbound proxy (core/net/proxy.ts), which connects only to public addresses (and the local hosts the
 * user allowed), whatever the page or its redirects ask; WebRTC may not go around it. The window is
 * destroyed whatever happens.
 */
import {
  BrowserWindow,
  app,
  session as sessions,
  type Event,
  type Session,
  type WebContents,
} from 'electron';
import { isHttpUrl } from '../../shared/url';
import type { FetchPageOptions, RenderedPage } from '../core/context';
import { OutboundPolicy } from '../core/net/outbound';
import { OutboundProxy } from '../core/net/proxy';
import { denyAllPermissions, secureWebPreferences } from './security';

/** The clipper's session. No `persist:` prefix: it lives in memory and is gone when Dossier quits. */
export const CLIPPER_PARTITION = 'dossier-clipper';

/** Bounds of one rendered fetch. */
export interface PageFetcherOptions {
  /** The whole load, settle and snapshot, in milliseconds (default 30 s, as Node's fetch). */
  timeoutMs?: number;
  /** How long to let scripts build the page after it loaded (default 1.5 s). */
  settleMs?: number;
  /** Main-frame redirects and script navigations followed (default 10). */
  maxNavigations?: number;
  /** Largest page accepted, in characters of HTML (default 50 M). */
  maxChars?: number;
}

/** Renders pages for the core. */
export interface RenderedPageFetcher {
  /** Loads `url` in a fresh hidden window and returns its HTML once settled; rejects with a sentence. */
  fetchPage(url: string, options?: FetchPageOptions): Promise<RenderedPage>;
  /** Is `contents` one of this fetcher's hidden pages (which guard themselves, see security.ts)? */
  owns(contents: WebContents): boolean;
}

/** May a subframe go to `url`? Web pages and the empty frames pages build from script. */
function isFrameUrl(url: string): boolean {
  return isHttpUrl(url) || url === 'about:blank' || url === 'about:srcdoc';
}

/** Chromium's load error (`ERR_NAME_NOT_RESOLVED (-105) loading ...`) in the user's words. */
export function describeLoadError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = /\bERR_[A-Z_]+/.exec(text)?.[0] ?? '';
  const words: Record<string, string> = {
    ERR_NAME_NOT_RESOLVED: 'the host name could not be found (offline?)',
    ERR_INTERNET_DISCONNECTED: 'this computer is offline',
    ERR_CONNECTION_REFUSED: 'the server refused the connection',
    ERR_CONNECTION_RESET: 'the connection was reset',
    ERR_CONNECTION_TIMED_OUT: 'the connection timed out',
    ERR_TOO_MANY_REDIRECTS: 'it redirected too many times',
    ERR_CERT_AUTHORITY_INVALID: 'its certificate is not trusted',
    ERR_CERT_DATE_INVALID: 'its certificate has expired or is not yet valid',
    ERR_CERT_COMMON_NAME_INVALID: 'its certificate is for another site',
    ERR_BLOCKED_BY_CLIENT: 'it led to an address that is not http:// or https://',
  };
  return words[code] ?? (code !== '' ? `the page did not load (${code})` : text);
}

/** The snapshot script: the page's HTML and type, taken in one go after it settled. */
const SNAPSHOT_SCRIPT =
  '({ html: document.documentElement ? document.documentElement.outerHTML : "", ' +
  'contentType: String(document.contentType || "") })';

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Builds the fetcher (one per app: it locks down the clipper session on its first fetch). Nothing is
 * created until then, so it costs nothing at startup.
 */
export function createRenderedPageFetcher(options: PageFetcherOptions = {}): RenderedPageFetcher {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const settleMs = options.settleMs ?? 1_500;
  const maxNavigations = options.maxNavigations ?? 10;
  const maxChars = options.maxChars ?? 50 * 1024 * 1024;
  const owned = new WeakSet<WebContents>();
  /** What a page turned into when it became a download, by the contents that started it. */
  const onDownload = new Map<WebContents, (page: RenderedPage) => void>();
  let configured: Promise<{ session: Session; proxy: OutboundProxy }> | undefined;

  /** The clipper's session, locked down once, with every request sent through the outbound proxy. */
  const clipperSession = (): Promise<{ session: Session; proxy: OutboundProxy }> => {
    configured ??= lockDown();
    return configured;
  };
  const lockDown = async (): Promise<{ session: Session; proxy: OutboundProxy }> => {
    const session = sessions.fromPartition(CLIPPER_PARTITION, { cache: false });
    const proxy = await OutboundProxy.start(new OutboundPolicy());
    // <-loopback> removes Chromium's implicit bypass: requests to this computer go to the proxy too,
    // which refuses them.
    await session.setProxy({ proxyRules: `http://127.0.0.1:${proxy.port}`, proxyBypassRules: '<-loopback>' });
    denyAllPermissions(session);
    // Sub-resources too: a page must not reach file:, custom schemes or websockets; media is not
    // needed for the text and is the heaviest thing a page loads.
    session.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !isHttpUrl(details.url) || details.resourceType === 'media' });
    });
    session.on('will-download', (event, item, contents) => {
      event.preventDefault();
      onDownload.get(contents)?.({ html: '', finalUrl: item.getURL(), contentType: item.getMimeType() });
    });
    // Some sites refuse unknown browsers: present as the Chromium this is, without "Electron/x".
    session.setUserAgent(session.getUserAgent().replace(/\s(?:Electron|dossier|Dossier)\/\S+/g, ''));
    return { session, proxy };
  };

  const fetchPage = async (
    url: string,
    options: FetchPageOptions = { allowedHosts: [] },
  ): Promise<RenderedPage> => {
    const failed = (why: string): Error => new Error(`${url} could not be fetched: ${why}.`);
    if (!isHttpUrl(url)) throw failed('only http:// and https:// addresses can be clipped');
    await app.whenReady();
    const { proxy } = await clipperSession();
    proxy.setPolicy(new OutboundPolicy({ allowedHosts: options.allowedHosts }));

    const window = new BrowserWindow({
      show: false,
      width: 1280,
      height: 900,
      webPreferences: secureWebPreferences(undefined, {
        partition: CLIPPER_PARTITION,
        // On for this page only: building the article is what its scripts are for. Node, preload and
        // the sandbox stay as secureWebPreferences sets them.
        javascript: true,
        spellcheck: false,
        // A hidden window's timers are throttled otherwise, and the page would not finish building.
        backgroundThrottling: false,
        autoplayPolicy: 'document-user-activation-required',
      }),
    });
    const contents = window.webContents;
    owned.add(contents);
    contents.setAudioMuted(true);
    // WebRTC could reach local addresses over UDP, outside the proxy.
    contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());

    let navigations = 0;
    let refused: string | undefined;
    /** Where the page went last: its host is the one a refusal of the proxy is looked up by. */
    let lastUrl = url;
    const refusalOfLast = (): string | undefined => {
      try {
        return proxy.takeRefusal(new URL(lastUrl).hostname)?.replace(/\.$/, '');
      } catch {
        return undefined;
      }
    };
    const mainFrameGuard = (event: Event<{ url: string }>): void => {
      navigations += 1;
      lastUrl = event.url;
      if (!isHttpUrl(event.url)) {
        refused = `it tried to open ${event.url.slice(0, 80)}, which Dossier does not follow`;
        event.preventDefault();
      } else if (navigations > maxNavigations) {
        refused = `it redirected more than ${maxNavigations} times`;
        event.preventDefault();
      }
    };
    // will-redirect fires for every frame's server redirects. A subframe's (an ad bouncing through
    // trackers) is not the page's navigation: it neither counts toward the page's limit nor fails the
    // clip, and only has to stay on the web like any subframe.
    contents.on('will-redirect', (event) => {
      if (event.isMainFrame === false) {
        if (!isFrameUrl(event.url)) event.preventDefault();
      } else {
        mainFrameGuard(event);
      }
    });
    contents.on('will-navigate', mainFrameGuard);
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && !isFrameUrl(event.url)) event.preventDefault();
    });
    let status: { code: number; text: string } | undefined;
    contents.on('did-navigate', (_event, _url, code: number, text: string) => {
      status = { code, text };
    });

    let downloaded: RenderedPage | undefined;
    const download = new Promise<RenderedPage>((resolve) => {
      onDownload.set(contents, (page) => {
        downloaded = page;
        resolve(page);
      });
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(failed(`no complete answer within ${Math.round(timeoutMs / 1000)} s`)),
        timeoutMs,
      );
    });

    const load = async (): Promise<RenderedPage> => {
      try {
        await window.loadURL(url);
      } catch (error) {
        // A page that turns into a download aborts its load; the download says what it was.
        if (downloaded !== undefined) return downloaded;
        throw failed(refused ?? refusalOfLast() ?? describeLoadError(error));
      }
      if (status !== undefined && status.code >= 400) {
        throw failed(refusalOfLast() ?? `the server answered ${status.code} ${status.text}`.trim());
      }
      await delay(settleMs);
      const snapshot: unknown = await contents.executeJavaScript(SNAPSHOT_SCRIPT);
      const { html, contentType } = (snapshot ?? {}) as { html?: unknown; contentType?: unknown };
      if (typeof html !== 'string' || typeof contentType !== 'string') {
        throw failed('the page could not be read');
      }
      if (html.length > maxChars) throw failed(`it is larger than ${Math.round(maxChars / 1024 / 1024)} MB`);
      return { html, finalUrl: contents.getURL() || url, contentType };
    };

    try {
      return await Promise.race([load(), download, timeout]);
    } finally {
      clearTimeout(timer);
      onDownload.delete(contents);
      // Whatever happened (done, failed, timed out): the page must not keep running.
      if (!window.isDestroyed()) window.destroy();
    }
  };

  return { fetchPage, owns: (contents) => owned.has(contents) };
}
