/**
 * MHTML (.mhtml/.mht, "Save as single file" in Chromium and Edge): a MIME multipart/related message
 * whose first text/html part is the page and whose other parts are its images and styles, each named by
 * its Content-Location URL (or Content-ID). Parsed over bytes, so binary parts survive intact.
 */
import { ClipError } from './errors';

/** One part of the message, decoded from its transfer encoding. */
export interface MhtmlPart {
  contentType: string;
  /** The part's URL (Content-Location), or a `cid:` URL from its Content-ID, or null. */
  location: string | null;
  bytes: Uint8Array;
}

/** A parsed MHTML file: the page part and the rest. */
export interface MhtmlPage {
  html: MhtmlPart;
  resources: MhtmlPart[];
}

type Headers = Map<string, string>;

/** Header block (with folded continuation lines) -> lower-case name -> value. */
function parseHeaders(block: string): Headers {
  const headers: Headers = new Map();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Quoted-printable (RFC 2045) over a latin1 string: soft line breaks and =XX escapes. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = new Uint8Array(joined.length);
  let n = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes[n++] = parseInt(joined.slice(i + 1, i + 3), 16);
      i += 2;
    } else bytes[n++] = c & 0xff;
  }
  return bytes.subarray(0, n);
}

function decodeBody(body: string, encoding: string): Uint8Array {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default: // 7bit, 8bit, binary
      return Buffer.from(body, 'latin1');
  }
}

function notMhtml(what: string, why: string): ClipError {
  return new ClipError(
    'PARSE_FAILED',
    `${what} is not a readable MHTML file (${why}). Save the page again as "Webpage, Single File" or as HTML.`,
  );
}

/** True when the bytes start like a MIME message (headers with a multipart Content-Type). */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /^content-type:\s*multipart\/related/im.test(head.split(/\r?\n\r?\n/)[0] ?? '');
}

/** Splits an MHTML file into its page and resources. Throws ClipError PARSE_FAILED. */
export function parseMhtml(bytes: Uint8Array, what: string): MhtmlPage {
  // latin1 maps every byte to one character and back, so slicing the string slices the bytes.
  const text = Buffer.from(bytes).toString('latin1');
  const headerEnd = text.search(/\r?\n\r?\n/);
  if (headerEnd < 0) throw notMhtml(what, 'no MIME headers');
  const headers = parseHeaders(text.slice(0, headerEnd));
  const type = headers.get('content-type') ?? '';
  if (!/^multipart\//i.test(type)) throw notMhtml(what, 'it is not a multipart message');
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw notMhtml(what, 'the message names no boundary');

  const pageLocation = headers.get('snapshot-content-location') ?? null;
  const delimiter = `--${marker}`;
  const parts: MhtmlPart[] = [];
  let at = text.indexOf(delimiter, headerEnd);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (text.startsWith('--', start)) break; // the closing delimiter
    const next = text.indexOf(delimiter, start);
    const chunk = text.slice(start, next < 0 ? text.length : next).replace(/^[ \t]*\r?\n/, '');
    const split = chunk.search(/\r?\n\r?\n/);
    if (split >= 0) {
      const partHeaders = parseHeaders(chunk.slice(0, split));
      const body = chunk
        .slice(split)
        .replace(/^\r?\n\r?\n/, '')
        .replace(/\r?\n$/, '');
      const contentId = partHeaders.get('content-id')?.replace(/^<|>$/g, '');
      parts.push({
        contentType: partHeaders.get('content-type') ?? 'text/plain',
        location: partHeaders.get('content-location') ?? (contentId ? `cid:${contentId}` : null),
        bytes: decodeBody(body, partHeaders.get('content-transfer-encoding') ?? '7bit'),
      });
    }
    at = next;
  }
  const htmlIndex = parts.findIndex((part) => /^text\/html\b/i.test(part.contentType));
  if (htmlIndex < 0) throw notMhtml(what, 'it holds no HTML page');
  const html = parts[htmlIndex]!;
  return {
    html: { ...html, location: html.location ?? pageLocation },
    resources: parts.filter((_, i) => i !== htmlIndex),
  };
}
