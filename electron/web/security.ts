/**
 * The browser host's defences. The host listens on 127.0.0.1, but any web page the user visits can
 * still send requests there, and a DNS-rebinding page can even make them look same-origin. So every
 * request must name this host and port (Host header), must not come from another origin (Origin
 * header), and API calls must carry the per-launch token that only the page we serve can read.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY, UI_SECURITY_HEADERS } from '../core/renderer-files';

export { CONTENT_SECURITY_POLICY };

/** Headers sent with every response, static or API, success or error. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...UI_SECURITY_HEADERS,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Sets {@link SECURITY_HEADERS} on a response. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A fresh per-launch token: 32 random bytes (256 bits) as hex. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** The host names a browser may use to reach us; anything else is DNS rebinding or a mistake. */
const LOCAL_HOST_NAMES = ['127.0.0.1', 'localhost'];

/** True when the Host header names this server exactly (`127.0.0.1:<port>` or `localhost:<port>`). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const value = host.toLowerCase();
  return LOCAL_HOST_NAMES.some((name) => value === `${name}:${port}`);
}

/** True when there is no Origin header, or it is this server's own origin. `null` is refused. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const value = origin.toLowerCase();
  return LOCAL_HOST_NAMES.some((name) => value === `http://${name}:${port}`);
}

/** Why a request is refused before it is routed, or null when it may proceed. */
export function checkRequestOrigin(
  req: IncomingMessage,
  port: number,
): { status: 421 | 403; message: string } | null {
  if (!isAllowedHost(req.headers.host, port)) {
    return {
      status: 421,
      message: `This Dossier host answers only to 127.0.0.1:${port} and localhost:${port}.`,
    };
  }
  if (!isAllowedOrigin(req.headers.origin, port)) {
    return { status: 403, message: 'Requests from other web sites are refused.' };
  }
  return null;
}

/**
 * True when the Authorization header is `Bearer <token>` with the expected token. Both sides are
 * hashed first so that timingSafeEqual compares equal-length buffers and the length leaks nothing.
 */
export function hasValidToken(authorization: string | undefined, expected: string): boolean {
  if (authorization === undefined) return false;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  if (!match) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(match[1]!), digest(expected));
}
