/**
 * Every security setting of the Electron shell in one place. Notes are rendered from clipped web
 * pages, so the renderer must be treated as able to run hostile script: it gets no Node, a sandbox,
 * no way to navigate away from the app, no new windows, no webviews and no browser permissions.
 */
import type { App, Event, Session, WebContents, WebPreferences } from 'electron';
import { openExternal } from './external';
import { isAppUrl } from './protocol';

/**
 * The webPreferences of every window. The one factory keeps a new window from quietly losing a
 * setting (Joplin's XSS-to-code-execution CVEs came from exactly these flags being loose).
 */
export function secureWebPreferences(preloadPath?: string): WebPreferences {
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
    spellcheck: true,
  };
  if (preloadPath !== undefined) preferences.preload = preloadPath;
  return preferences;
}

/** What the navigation guard needs to know about where the UI lives. */
export interface HardeningOptions {
  /** The electron-vite dev server URL in development; undefined in a built app. */
  devServerUrl?: string | undefined;
}

/**
 * Locks down each web contents as it is created: navigation and redirects only within the UI's
 * origin, window.open denied (http(s)/mailto links open in the user's browser instead), no webviews.
 */
export function hardenWebContents(contents: WebContents, options: HardeningOptions = {}): void {
  const guard = (event: Event<{ url: string }>): void => {
    if (!isAppUrl(event.url, options.devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
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
