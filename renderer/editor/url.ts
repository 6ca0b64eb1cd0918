/**
 * Which link targets a note may hold. Notes can come from pasted or imported web content, so anything
 * that could run code when clicked (javascript:, data:, vbscript:, file:) is refused. Links to places
 * in Dossier (`#/source/<id>`, `#/search?q=…`: shell/routeUrl.ts) are allowed: the app opens them.
 */
import { isAppLink } from '../shell/routeUrl';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** True when `url` is an absolute http, https or mailto URL, or a link to a screen of Dossier. */
export function isSafeLinkUrl(url: string): boolean {
  if (isAppLink(url.trim())) return true;
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}

/** Turns what a user typed into a link target: bare domains get https://, e-mail addresses mailto:. */
export function normalizeLinkInput(input: string): string {
  const text = input.trim();
  // A link copied from Dossier's address bar (…/#/search?q=…) or the palette's "Copy link".
  const app = /#\/.*$/.exec(text);
  if (
    app !== null &&
    isAppLink(app[0]) &&
    (text.startsWith('#') || /^https?:\/\/(127\.0\.0\.1|localhost)[:/]|^app:/.test(text))
  ) {
    return app[0];
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return `mailto:${text}`;
  return `https://${text}`;
}
