/**
 * The browser host's defences. The host listens on 127.0.0.1, but any web page the user visits can
 * still send requests there, and a DNS-rebinding page can even make them look same-origin. So every
 * request must name this host and port (Host header), must not come from another origin (Origin
 * header), and API calls must carry the per-launch token that only the page we serve can read.
 */
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY, UI_SECURITY_HEADERS } from '../host-shared/renderer-files';

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

export {
  checkRequestOrigin,
  createToken,
  hasValidToken,
  isAllowedHost,
  isAllowedOrigin,
} from '../host-shared/http/guard';
