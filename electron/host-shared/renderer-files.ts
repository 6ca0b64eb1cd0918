/**
 * How every host serves the built renderer (Electron's app:// protocol, the browser host's HTTP): one
 * Content-Security-Policy, one set of content types, and one path check, so a hardening in one host
 * cannot be forgotten in the other.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { READER_FRAME_STYLE_HASH } from '../../shared/reader-frame';

/**
 * The Content-Security-Policy of every UI response: only our own scripts, no framing, no forms, and
 * no inline style: stylesheets come from the app, plus the reader frame's one <style> by its hash
 * (shared/reader-frame.ts). React's `style` props set CSSOM properties, which CSP does not govern; a
 * `style=""` attribute or <style> element in markup is refused.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${READER_FRAME_STYLE_HASH}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every host sends with every UI response, found or not. */
export const UI_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are opaque bytes (and nosniff keeps them so). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `child` is `parent` or inside it (both absolute and normalised). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The file a (still percent-encoded) URL path names inside `rendererDir`, or null when it would leave
 * the folder. Pure, so traversal attempts can be tested directly: the path is decoded first, so
 * `%2e%2e%2f` is caught like `../`; `/` means index.html.
 */
export function rendererPathFor(rendererDir: string, encodedPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(encodedPath);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows; a NUL byte truncates paths in some APIs. Neither is ours.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const root = resolve(rendererDir);
  const candidate = resolve(root, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  return isInside(root, candidate) && candidate !== root ? candidate : null;
}

/**
 * The real path of a regular file that `encodedPath` names inside `rendererDir`, or null. Symlinks are
 * followed and must still end inside the folder.
 */
export async function findRendererFile(rendererDir: string, encodedPath: string): Promise<string | null> {
  const file = rendererPathFor(rendererDir, encodedPath);
  if (file === null) return null;
  try {
    const real = await realpath(file);
    if (!isInside(await realpath(rendererDir), real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
