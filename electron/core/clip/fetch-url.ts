/**
 * Fetching web pages and images in Node for the clipper: http(s) only, to public addresses only (the
 * outbound policy, net/outbound.ts, checks each hop's URL and every connection it makes), redirects
 * followed by hand (at most {@link FetchLimits.maxRedirects}), a timeout over the whole exchange and a
 * size cap enforced while the body streams in, so a hostile server cannot make Dossier wait forever,
 * fill its memory, or read what only this computer can reach. Used only when the user asked for the
 * network (clip a URL, or images with --fetch-images).
 */
import type * as Undici from 'undici';
import { lazyModule } from '../lazy-module';

// Loaded on the first clip of a URL, not when the core starts (see lazy-module.ts).
const undici = lazyModule<typeof Undici>('undici');
import { OutboundPolicy, outboundRefusalOf } from '../net/outbound';
import { ClipError } from './errors';

/** Bounds of one fetch. */
export interface FetchLimits {
  /** The whole exchange, redirects and body included, in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  maxRedirects: number;
}

/** Limits for an article page. */
export const PAGE_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 30_000,
  maxBytes: 50 * 1024 * 1024,
  maxRedirects: 10,
};

/** What a fetch returned. */
export interface Fetched {
  bytes: Uint8Array;
  /** The Content-Type header ('' when absent). */
  contentType: string;
  /** The URL after redirects: relative links of the page resolve against it. */
  url: string;
}

const USER_AGENT = 'Mozilla/5.0 (compatible; Dossier clipper; +offline research notebook)';

function failed(url: string, why: string, cause?: unknown): ClipError {
  return new ClipError('FETCH_FAILED', `${url} could not be fetched: ${why}.`, { cause });
}

/** Parses `url`, refusing anything but http(s). */
function httpUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw failed(what, 'it is not a valid address');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw failed(what, `only http:// and https:// addresses can be clipped, not ${parsed.protocol}`);
  }
  return parsed;
}

/** Reads a body up to `maxBytes`, cancelling the stream as soon as it is exceeded. */
async function readCapped(response: Undici.Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = (): ClipError => failed(url, `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Why a fetch threw, in words ("connection refused", "timed out after 30 s"). */
function describeNetworkError(error: unknown, limits: FetchLimits): string {
  const refused = outboundRefusalOf(error);
  if (refused !== undefined) return refused.message.replace(/\.$/, '');
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no complete answer within ${Math.round(limits.timeoutMs / 1000)} s`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: unknown }).code ?? '';
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be found (offline?)';
  if (code === 'ECONNRESET') return 'the connection was reset';
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * GETs `url`, following up to `limits.maxRedirects` redirects to http(s) addresses, every hop and
 * connection under `policy` (default: public addresses only). Throws ClipError FETCH_FAILED for a bad
 * or refused address, a network failure, an HTTP error status, a timeout or a body over
 * `limits.maxBytes`.
 */
export async function fetchHttp(
  url: string,
  limits: FetchLimits,
  accept = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
  policy: OutboundPolicy = new OutboundPolicy(),
): Promise<Fetched> {
  const first = httpUrl(url, url);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const dispatcher = policy.dispatcher();
  try {
    return await fetchHops(url, first, limits, accept, policy, dispatcher, signal);
  } finally {
    void dispatcher.close();
  }
}

async function fetchHops(
  url: string,
  first: URL,
  limits: FetchLimits,
  accept: string,
  policy: OutboundPolicy,
  dispatcher: ReturnType<OutboundPolicy['dispatcher']>,
  signal: AbortSignal,
): Promise<Fetched> {
  let current = first;
  for (let hop = 0; ; hop++) {
    let response: Undici.Response;
    try {
      // A clear refusal before any connection; the connection itself is checked again.
      await policy.checkUrl(current);
      response = await undici().fetch(current, {
        redirect: 'manual',
        signal,
        dispatcher,
        headers: { 'user-agent': USER_AGENT, accept },
      });
    } catch (error) {
      const why = describeNetworkError(error, limits);
      const where =
        hop > 0 && outboundRefusalOf(error) !== undefined ? `it redirected to ${current.href}: ` : '';
      throw failed(url, `${where}${why}`, error);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (hop >= limits.maxRedirects)
        throw failed(url, `it redirected more than ${limits.maxRedirects} times`);
      const location = response.headers.get('location') ?? '';
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        throw failed(url, `it redirected to an invalid address (${location.slice(0, 200)})`);
      }
      current = httpUrl(next, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw failed(url, `the server answered ${response.status} ${response.statusText}`.trim());
    }
    try {
      const bytes = await readCapped(response, limits.maxBytes, url);
      return { bytes, contentType: response.headers.get('content-type') ?? '', url: current.href };
    } catch (error) {
      if (error instanceof ClipError) throw error;
      throw failed(url, describeNetworkError(error, limits), error);
    }
  }
}
