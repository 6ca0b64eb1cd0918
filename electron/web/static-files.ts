/**
 * Serves the built renderer (out/renderer) read-only. Only regular files inside the renderer folder
 * are served, after decoding and resolving the path and following symlinks, so `..`, `%2e%2e` and
 * links out of the folder all end in 404. index.html gets the per-launch token as a meta tag.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { TOKEN_META_NAME } from '../../shared/rpc';
import { contentTypeOf, findRendererFile } from '../host-shared/renderer-files';

/** index.html with `<meta name="dossier-token">` inserted at the start of <head>. */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) {
    const end = head.index + head[0].length;
    return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
  }
  return `${meta}\n${html}`;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** A built asset's name carries a hash of its content (index-DzgcVRh6.js): a new build, a new name. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(?:js|css)$/;

/**
 * How long a browser may keep a file: hashed assets for good (so the browser also keeps its compiled
 * script and skips that work on the next start), anything else only after asking again.
 */
export function cachePolicy(path: string): string {
  return HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Options of {@link serveStatic}. */
export interface StaticOptions {
  /** Absolute folder of the built renderer. */
  rendererDir: string;
  /** The per-launch token injected into index.html. */
  token: string;
}

/** Answers a GET or HEAD for a renderer file; 404 for anything outside the renderer or missing. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  options: StaticOptions,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'Method not allowed.');
    return;
  }
  const rawPath = (req.url ?? '/').split('?', 1)[0]!.split('#', 1)[0]!;
  const root = resolve(options.rendererDir);
  const file = await findRendererFile(root, rawPath);
  if (file === null) {
    send(res, 404, 'Not found.');
    return;
  }
  const type = contentTypeOf(file);
  if (file === resolve(await realpath(root), 'index.html')) {
    const html = injectToken(await readFile(file, 'utf8'), options.token);
    const body = Buffer.from(html, 'utf8');
    // The token changes on every launch: never let a cache keep an old page.
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const { size } = await stat(file);
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': cachePolicy(rawPath) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
