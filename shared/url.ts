/**
 * The one test of "is this an http(s) address" used everywhere a URL comes in (the API's argument schemas,
 * the CLI's --url, clipping and its hidden browser window, page metadata), so that no part accepts an
 * address another refuses.
 */

/** Scheme, `//` and the start of a host, with no whitespace anywhere: what a person means by a web address. */
const WEB_ADDRESS = /^https?:\/\/[^\s/?#]+\S*$/i;

/**
 * `text` as an absolute http(s) URL with a host, or null. With `base`, a relative `text` is resolved
 * against it first (an href on a page). Everything else is refused: file:, javascript:, data:, blob:,
 * custom schemes, `http:///x` (which the URL parser would quietly turn into `http://x/`), whitespace.
 */
export function parseHttpUrl(text: string, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Without a base the text itself must read as an address; with one, the resolved URL must.
  return WEB_ADDRESS.test(base === undefined ? text : url.href) ? url : null;
}

/** Is `text` an absolute http(s) URL with a host? See {@link parseHttpUrl}. */
export function isHttpUrl(text: string): boolean {
  return parseHttpUrl(text) !== null;
}
