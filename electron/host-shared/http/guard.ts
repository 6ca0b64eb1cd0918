/**
 * Defences shared by every HTTP server Dossier runs on 127.0.0.1 (the browser host, the clip endpoint).
 * Listening on loopback is not enough: any web page the user visits can send requests there, and a
 * DNS-rebinding page can even make them look same-origin. So every request must name this host and
 * port (Host), must not come from another origin (Origin), and calls must carry a secret token in the
 * Authorization header.
 */
import type { IncomingMessage } from 'node:http';
import { createToken, tokenDigest, tokenMatches } from '../../core/tokens';

export { createToken };

/** The host names a browser may use to reach us; anything else is DNS rebinding or a mistake. */
const LOCAL_HOST_NAMES = ['127.0.0.1', 'localhost'];

/** True when the Host header names this server exactly (`127.0.0.1:<port>` or `localhost:<port>`). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const value = host.toLowerCase();
  return LOCAL_HOST_NAMES.some((name) => value === `${name}:${port}`);
}

/** True when the origin is this server's own (`http://127.0.0.1:<port>` or `http://localhost:<port>`). */
export function isOwnOrigin(origin: string, port: number): boolean {
  const value = origin.toLowerCase();
  return LOCAL_HOST_NAMES.some((name) => value === `http://${name}:${port}`);
}

/** True when there is no Origin header, or it is this server's own origin. `null` is refused. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || isOwnOrigin(origin, port);
}

/** Why a request is refused before it is routed, or null when it may proceed. */
export function checkRequestOrigin(
  req: IncomingMessage,
  port: number,
): { status: 421 | 403; message: string } | null {
  if (!isAllowedHost(req.headers.host, port)) {
    return {
      status: 421,
      message: `This Dossier server answers only to 127.0.0.1:${port} and localhost:${port}.`,
    };
  }
  if (!isAllowedOrigin(req.headers.origin, port)) {
    return { status: 403, message: 'Requests from other web sites are refused.' };
  }
  return null;
}

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  return match ? match[1]! : null;
}

/** True when the Authorization header is `Bearer <token>` with the expected token. */
export function hasValidToken(authorization: string | undefined, expected: string): boolean {
  const token = bearerToken(authorization);
  return token !== null && tokenMatches(token, tokenDigest(expected));
}
