/**
 * The clip endpoint's HTTP server, on 127.0.0.1 only. Routes:
 *   GET  /            the pairing and clipping page (no secret in it)
 *   GET  /clip.js, /clip.css
 *   POST /pair        { code, name } -> { token }            (same origin, JSON)
 *   POST /clip        { html, url, title, origin, onDuplicate } -> { status, id, title }
 *                     (same origin, JSON, `Authorization: Bearer <token>` only)
 * Everything else is refused. Every request must name this host and port (DNS rebinding), and a POST
 * must come from the endpoint's own page (Origin), so other sites cannot post even with a stolen
 * cookie-less token; there are no CORS headers at all, so cross-site fetches cannot read answers.
 *
 * It is the hosts' half of the endpoint: the core (electron/core/clip-endpoint/service.ts) keeps the
 * settings, pairing and tokens and files the clips; this file only speaks HTTP, and reaches the core
 * through the plain functions of ClipEndpointHandlers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ClipEndpointHandlers,
  ClipEndpointListener,
  ListenClipEndpoint,
} from '../../core/clip-endpoint/listener';
import { isApiError } from '../../../shared/errors';
import { endpointClipOf, NOT_AN_OBJECT } from '../../core/clip-endpoint/body';
import { BODY_AS_BYTES_ABOVE } from '../../core/request-body';
import { isJsonRequest, readBody } from '../http/body';
import { bearerToken, isAllowedHost, isOwnOrigin } from '../http/guard';
import { PAGE_CSP, PAGE_CSS, PAGE_HTML, PAGE_SCRIPT } from './page';

export type { ClipEndpointHandlers, EndpointClip } from '../../core/clip-endpoint/listener';

/** Largest clip accepted: a saved page with its markup (50 MB pages are refused here with 413). */
export const MAX_CLIP_BODY_BYTES = 32 * 1024 * 1024;
const MAX_PAIR_BODY_BYTES = 4 * 1024;

const HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string, extra: object = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...HEADERS, 'Content-Type': type, 'Content-Length': bytes.length, ...extra });
  res.end(bytes);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: true, message });
}

function parseObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A running endpoint server. */
export class ClipServer implements ClipEndpointListener {
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on 127.0.0.1:`port` (0 picks a free port, for tests). Rejects when the port is taken. */
  static start(port: number, handlers: ClipEndpointHandlers): Promise<ClipServer> {
    let actualPort = port;
    const server = createServer((req, res) => {
      handle(req, res, actualPort, handlers).catch((error: unknown) => {
        if (!res.headersSent) refuse(res, 500, `The clip failed: ${String(error)}`);
        else res.destroy();
      });
    });
    server.requestTimeout = 60_000;
    return new Promise((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        actualPort = (server.address() as AddressInfo).port;
        resolvePromise(new ClipServer(server, actualPort));
      });
    });
  }

  /** Stops listening and closes open connections. */
  stop(): Promise<void> {
    return new Promise((resolvePromise) => {
      this.server.close(() => resolvePromise());
      this.server.closeAllConnections();
    });
  }
}

/** The clip endpoint's listener for the core ({@link ListenClipEndpoint}). */
export const listenClipEndpoint: ListenClipEndpoint = (port, handlers) => ClipServer.start(port, handlers);

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  handlers: ClipEndpointHandlers,
): Promise<void> {
  if (!isAllowedHost(req.headers.host, port)) {
    refuse(res, 421, `This endpoint answers only to 127.0.0.1:${port} and localhost:${port}.`);
    return;
  }
  const path = (req.url ?? '/').split('?', 1)[0]!;
  const query = (req.url ?? '').includes('?');
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (query) {
      // Nothing here takes parameters; a token in a URL would end up in history and logs.
      refuse(res, 400, 'This endpoint takes no query parameters.');
      return;
    }
    if (path === '/')
      send(res, 200, 'text/html; charset=utf-8', PAGE_HTML, { 'Content-Security-Policy': PAGE_CSP });
    else if (path === '/clip.js') send(res, 200, 'text/javascript; charset=utf-8', PAGE_SCRIPT);
    else if (path === '/clip.css') send(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
    else refuse(res, 404, 'Not found.');
    return;
  }
  if (req.method !== 'POST') {
    // Includes OPTIONS: no CORS preflight is ever answered, so other sites cannot send JSON here.
    res.setHeader('Allow', 'GET, POST');
    refuse(res, 405, 'Method not allowed.');
    return;
  }
  const origin = req.headers.origin;
  if (origin === undefined || !isOwnOrigin(origin, port)) {
    refuse(res, 403, 'Only the Dossier clip page may post here; use the bookmarklet.');
    return;
  }
  if (query) {
    refuse(res, 400, 'Tokens and parameters are accepted only in headers and the JSON body.');
    return;
  }
  if (path === '/pair') await pair(req, res, handlers);
  else if (path === '/clip') await clip(req, res, handlers);
  else refuse(res, 404, 'Not found.');
}

/** A JSON request's body up to `limit` bytes, or null once the request was refused (415, 413). */
async function jsonBytes(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  if (!isJsonRequest(req)) {
    refuse(res, 415, 'Send Content-Type: application/json.');
    return null;
  }
  const body = await readBody(req, limit);
  if (body === 'too-large') {
    res.setHeader('Connection', 'close');
    refuse(res, 413, `The request is larger than ${limit} bytes.`);
    return null;
  }
  return body;
}

async function jsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<Record<string, unknown> | null> {
  const body = await jsonBytes(req, res, limit);
  if (body === null) return null;
  const value = parseObject(body);
  if (value === null) refuse(res, 400, NOT_AN_OBJECT);
  return value;
}

async function pair(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: ClipEndpointHandlers,
): Promise<void> {
  const body = await jsonBody(req, res, MAX_PAIR_BODY_BYTES);
  if (body === null) return;
  if (typeof body.code !== 'string') {
    refuse(res, 400, 'Type the pairing code shown in Dossier.');
    return;
  }
  const name = typeof body.name === 'string' ? body.name.slice(0, 120) : 'Browser';
  const outcome = handlers.pair(body.code, name);
  if ('token' in outcome) sendJson(res, 200, { token: outcome.token });
  else refuse(res, 403, outcome.refused);
}

async function clip(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: ClipEndpointHandlers,
): Promise<void> {
  // The token is checked before the body is read, so an unpaired caller cannot make us buffer 32 MB.
  const token = bearerToken(req.headers.authorization);
  const clientId = token === null ? null : handlers.authorize(token);
  if (clientId === null) {
    refuse(res, 401, 'This browser is not paired with Dossier (or was unpaired). Pair it again.');
    return;
  }
  const body = await jsonBytes(req, res, MAX_CLIP_BODY_BYTES);
  if (body === null) return;
  try {
    let result: { status: string; id: string; title: string };
    if (body.length > BODY_AS_BYTES_ABOVE) {
      // A long page is read where it is prepared, not in this thread (which is the notebook's).
      result = await handlers.clipBody(clientId, body);
    } else {
      const clip = endpointClipOf(parseObject(body));
      if ('refused' in clip) {
        refuse(res, 400, clip.refused);
        return;
      }
      result = await handlers.clip(clientId, clip);
    }
    sendJson(res, 200, result);
  } catch (error) {
    // A long body that says no clip is answered as a short one is (400); any other failure is the clip's.
    const refusedBody = isApiError(error) && error.details?.['body'] === true;
    refuse(res, refusedBody ? 400 : 422, error instanceof Error ? error.message : String(error));
  }
}
