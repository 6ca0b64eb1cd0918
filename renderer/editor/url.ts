/**
 * Which link targets a note may hold. Notes can come from pasted or imported web content, so anything
 * that could run code when clicked (javascript:, data:, vbscript:, file:) is refused.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** True when `url` is an absolute http, https or mailto URL. */
export function isSafeLinkUrl(url: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}

/** Turns what a user typed into a link target: bare domains get https://, e-mail addresses mailto:. */
export function normalizeLinkInput(input: string): string {
  const text = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return `mailto:${text}`;
  return `https://${text}`;
}
