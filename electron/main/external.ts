/**
 * The one way Dossier hands a URL to the operating system. shell.openExternal launches whatever
 * program the OS associates with a scheme, so a page that could pass it `file:` or a custom scheme
 * could run programs; only web and mail links are allowed, and nothing else calls shell.openExternal.
 */
import { shell } from 'electron';

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

/**
 * True when `url` may be opened outside the app: an absolute http(s) or mailto URL with no
 * user name or password (credentials in a link are a phishing trick, never a real need here).
 */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  // A web link must name a host (the URL parser already insists on one for http and https).
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return false;
  return true;
}

/**
 * Opens an allowed URL in the user's browser or mail program. Returns false (and opens nothing) for
 * any other URL, or when the OS could not open it.
 */
export async function openExternal(url: unknown): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  try {
    // The normalised form, so what is opened is exactly what was checked.
    await shell.openExternal(new URL(url).href);
    return true;
  } catch {
    return false;
  }
}
