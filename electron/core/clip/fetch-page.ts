/**
 * Getting an article page for `clipUrl`: through the host's browser engine when it offers one (Electron
 * renders the page in a hidden, sandboxed window, so pages built by script have their text), else with
 * Node's fetch. Either way the result is one shape the clip pipeline reads, and every failure is a
 * ClipError FETCH_FAILED with a sentence the user can act on.
 */
import { isHttpUrl } from '../../../shared/url';
import type { HostHooks } from '../context';
import { ClipError } from './errors';
import { OutboundPolicy, outboundRefusalOf } from '../net/outbound';
import { fetchHttp, PAGE_FETCH_LIMITS, type FetchLimits } from './fetch-url';

/** A page to clip: decoded HTML from a browser, or the raw bytes from Node (decoded by the clipper). */
export interface FetchedArticle {
  body: string | Uint8Array;
  /** The Content-Type to decode and dispatch by (`text/html`, `text/plain`...). */
  contentType: string;
  /** The URL after redirects. */
  url: string;
  /** Which way the page came: rendered by the host, or fetched by Node. */
  via: 'host' | 'node';
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The MIME type of a Content-Type value, lower case, without parameters. */
export function mimeType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

async function viaNode(url: string, limits: FetchLimits, policy: OutboundPolicy): Promise<FetchedArticle> {
  const fetched = await fetchHttp(url, limits, undefined, policy);
  return { body: fetched.bytes, contentType: fetched.contentType, url: fetched.url, via: 'node' };
}

/**
 * Fetches `url` for clipping. With `fetchPage` (the host's hook) the page is rendered and its HTML
 * taken after scripts ran; when the host shows something that is not an HTML page (plain text, a file it
 * would download) the bytes are fetched with Node instead, which clips text and refuses other types
 * clearly. Without the hook, Node's fetch alone (browser host, CLI).
 */
export async function fetchArticlePage(
  url: string,
  limits: FetchLimits = PAGE_FETCH_LIMITS,
  fetchPage?: HostHooks['fetchPage'],
  policy: OutboundPolicy = new OutboundPolicy(),
): Promise<FetchedArticle> {
  // Only web addresses go to the host's window; Node's path gives the same refusal for the others.
  if (fetchPage === undefined || !isHttpUrl(url)) return viaNode(url, limits, policy);
  let page: Awaited<ReturnType<NonNullable<HostHooks['fetchPage']>>>;
  try {
    // The window's own requests go through the same policy (main/page-fetcher.ts); refusing here
    // first gives the clear message without opening a window.
    await policy.checkUrl(new URL(url), { resolve: false });
    page = await fetchPage(url, { allowedHosts: policy.allowedHosts });
  } catch (error) {
    const refused = outboundRefusalOf(error);
    if (refused !== undefined) {
      throw new ClipError('FETCH_FAILED', `${url} could not be fetched: ${refused.message}`, {
        cause: error,
      });
    }
    const why = error instanceof Error && error.message !== '' ? error.message : String(error);
    throw new ClipError('FETCH_FAILED', why, { cause: error });
  }
  if (!HTML_TYPES.has(mimeType(page.contentType)) || page.html.trim() === '') {
    return viaNode(url, limits, policy);
  }
  if (Buffer.byteLength(page.html, 'utf8') > limits.maxBytes) {
    throw new ClipError(
      'FETCH_FAILED',
      `${url} could not be fetched: it is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB.`,
    );
  }
  return {
    body: page.html,
    // The browser decoded the page already (header, BOM or <meta>): the string is the text.
    contentType: 'text/html; charset=utf-8',
    url: isHttpUrl(page.finalUrl) ? page.finalUrl : url,
    via: 'host',
  };
}
