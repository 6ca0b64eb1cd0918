/**
 * Every security setting of the Electron shell in one place. Notes are rendered from clipped web
 * pages, so the renderer must be treated as able to run hostile script: it gets no Node, a sandbox,
 * no way to navigate away from the app, no new windows, no webviews and no browser permissions.
 */
import type { App, Event, Session, WebContents, WebPreferences } from 'electron';
import { openExternal } from './external';
import { isAppUrl } from './protocol';

/**
 * What a window may add to {@link secureWebPreferences}: settings that loosen none of its isolation
 * (the clipper's hidden page uses its own in-memory partition and no spellchecker).
 */
export type ExtraWebPreferences = Pick<
  WebPreferences,
  'partition' | 'javascript' | 'spellcheck' | 'backgroundThrottling' | 'autoplayPolicy' | 'images'
>;

/**
 * The webPreferences of every window. The one factory keeps a new window from quietly losing a
 * setting (Joplin's XSS-to-code-execution CVEs came from exactly these flags being loose).
 */
export function secureWebPreferences(preloadPath?: string, extra: ExtraWebPreferences = {}): WebPreferences {
  const preferences: WebPreferences = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: extra.spellcheck ?? true,
  };
  for (const key of [
    'partition',
    'javascript',
    'backgroundThrottling',
    'autoplayPolicy',
    'images',
  ] as const) {
    if (extra[key] !== undefined) Object.assign(preferences, { [key]: extra[key] });
  }
  if (preloadPath !== undefined) preferences.preload = preloadPath;
  return preferences;
}

/** What the navigation guard needs to know about where the UI lives. */
export interface HardeningOptions {
  /** The electron-vite dev server URL in development; undefined in a built app. */
  devServerUrl?: string | undefined;
  /**
   * Web contents that install their own, stricter guards and must not get the app UI's (the clipper's
   * hidden page, which follows a web page's redirects but may never open anything outside).
   */
  guardsItself?: (contents: WebContents) => boolean;
}

/**
 * Locks down each web contents as it is created: navigation and redirects only within the UI's
 * origin, window.open denied (http(s)/mailto links open in the user's browser instead), no webviews.
 */
export function hardenWebContents(contents: WebContents, options: HardeningOptions = {}): void {
  // Checked at each event: the owner marks its contents only after the window has been constructed.
  const guard = (event: Event<{ url: string }>): void => {
    if (options.guardsItself?.(contents) === true) return;
    if (!isAppUrl(event.url, options.devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (options.guardsItself?.(contents) === true) return { action: 'deny' };
    // A link the user clicked (target=_blank, or window.open) is theirs to follow, but not in here.
    void openExternal(url);
    return { action: 'deny' };
  });
}

/** Applies {@link hardenWebContents} to every web contents the app ever creates. Safe before ready. */
export function installWebContentsHardening(app: Pick<App, 'on'>, options: HardeningOptions = {}): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}

/**
 * Refuses every browser permission (camera, microphone, notifications, geolocation...). A notebook
 * needs none, and a clipped page must not be able to ask for them. Call once the app is ready.
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
