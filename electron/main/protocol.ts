/**
 * The `app://` scheme the window loads the UI from. Serving the built renderer from our own scheme
 * (rather than file://) gives the page a real origin that the CSP, the navigation guard and the IPC
 * sender check can all name, and it keeps every other file on disk out of the page's reach.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Protocol } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  UI_SECURITY_HEADERS,
  contentTypeOf,
  findRendererFile,
  rendererPathFor,
} from '../host-shared/renderer-files';

/** The scheme of the UI's origin. */
export const APP_SCHEME = 'app';
/** The host of the UI's origin (a standard scheme needs one; the name itself is arbitrary). */
export const APP_HOST = 'dossier';
/** The page the window opens in a built app. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Headers sent with every app:// response, found or not. */
export const SECURITY_HEADERS = UI_SECURITY_HEADERS;

export { CONTENT_SECURITY_POLICY, contentTypeOf };

/**
 * Declares app:// a standard, secure scheme with fetch support and V8's code cache. Electron only accepts this before the
 * app is ready, so index.ts calls it while the module loads.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled renderer between starts (about a third of the window's start
    // is compiling its script otherwise); Electron allows it for standard schemes only.
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * The file an app:// URL names inside `rendererDir`, or null when the URL is not ours or would leave
 * the folder. Pure (no file system access) so traversal attempts can be tested directly: the path is
 * percent-decoded first, so `%2e%2e%2f` is caught like `../`.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  return rendererPathFor(rendererDir, url.pathname);
}

function respond(
  status: number,
  body: string | Uint8Array<ArrayBuffer> | null,
  contentType: string,
): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-cache' },
  });
}

/**
 * The app:// request handler: GET and HEAD of regular files inside `rendererDir` (symlinks are
 * followed and must still end inside it); everything else is 404, or 405 for other methods.
 */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed.', 'text/plain; charset=utf-8');
    }
    const notFound = (): Response => respond(404, 'Not found.', 'text/plain; charset=utf-8');
    if (resolveAppPath(root, request.url) === null) return notFound();
    const real = await findRendererFile(root, new URL(request.url).pathname);
    if (real === null) return notFound();
    try {
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(real));
      return respond(200, body, contentTypeOf(real));
    } catch {
      return notFound();
    }
  };
}

/** Serves app:// from `rendererDir`. Call once the app is ready. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}

/**
 * True when `url` belongs to the UI: the app:// origin, or in development the electron-vite dev
 * server's origin. Used by the navigation guard and the IPC sender check.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host.toLowerCase() === APP_HOST;
  if (devServerUrl === undefined) return false;
  try {
    const dev = new URL(devServerUrl);
    return (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
  } catch {
    return false;
  }
}
