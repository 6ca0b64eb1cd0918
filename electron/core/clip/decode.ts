/**
 * Bytes -> text for clipped pages and text files. linkedom only takes strings, so the clipper decodes
 * itself, in the order that measured right on the evaluation pages (see the clipping research report):
 * HTTP charset, BOM, strict UTF-8, the page's own <meta charset>, and finally windows-1252. Valid UTF-8
 * wins over a meta label because saved pages often keep a stale label (a page marked gb2312 but stored
 * as UTF-8 decodes to mojibake otherwise), while legacy-encoded text is practically never valid UTF-8.
 */
import { ClipError, MAX_CLIP_BYTES } from './errors';
import { CLIPPABLE_FILES } from '../../../shared/areas/library';

/** How many leading bytes are inspected for binary signatures and the meta charset label. */
const SNIFF_BYTES = 8192;

/** File signatures of common non-text formats, so the error can say what the file looks like. */
const SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a ZIP archive (or .docx/.epub)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Refuses inputs that are too large or empty before any work is spent on them. */
export function checkSize(byteLength: number, what: string): void {
  if (byteLength > MAX_CLIP_BYTES) {
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    throw new ClipError(
      'TOO_LARGE',
      `${what} is ${mb} MB; Dossier clips pages up to 50 MB. Save only the article (File > Save Page As, ` +
        '"Web Page, HTML only") or copy its text instead.',
    );
  }
  if (byteLength === 0) {
    throw new ClipError('EMPTY', `${what} is empty (0 bytes). Check that it was saved completely.`);
  }
}

/** Throws BINARY when the bytes are clearly not text (a known signature, or NUL bytes early on). */
function rejectBinary(bytes: Uint8Array, what: string): void {
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (signature === undefined && !head.includes(0)) return;
  const kind = signature ? `looks like ${signature.name}` : 'contains binary data';
  throw new ClipError('BINARY', `${what} ${kind}, not a web page or text. Dossier clips ${CLIPPABLE_FILES}.`);
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const match = head.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return match?.[1]?.toLowerCase() ?? null;
}

/** What windows-1252 puts at bytes 0x80-0x9F (the rest is Latin-1); 0x81 etc. have no character. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Labels the WHATWG Encoding standard maps to windows-1252 (latin1 and ascii included). */
const CP1252_LABELS = new Set(
  'windows-1252 cp1252 x-cp1252 latin1 l1 iso-8859-1 iso8859-1 iso88591 iso_8859-1 iso-ir-100 ascii us-ascii ansi_x3.4-1968 cp819 ibm819 csisolatin1'.split(
    ' ',
  ),
);

/**
 * windows-1252 by table. Node 20's TextDecoder takes a Latin-1 shortcut for this label and turns the
 * curly quotes and dashes at 0x80-0x9F into invisible control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/** Decodes with `label`, or returns null when the label is unknown to this runtime. */
function tryDecode(bytes: Uint8Array, label: string, fatal = false): string | null {
  if (CP1252_LABELS.has(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes page or text-file bytes to a string. `what` names the input in error messages
 * (e.g. `"report.html"`). Throws {@link ClipError} EMPTY, TOO_LARGE or BINARY.
 */
export function decodeBytes(bytes: Uint8Array, options: { contentType?: string; what: string }): string {
  checkSize(bytes.byteLength, options.what);
  // A BOM is the strongest signal there is; UTF-16 files also contain NULs, so check before binary.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  rejectBinary(bytes, options.what);

  const headerCharset = charsetFromContentType(options.contentType);
  if (headerCharset !== null) {
    const decoded = tryDecode(bytes, headerCharset);
    if (decoded !== null) return decoded;
  }
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return utf8;
  const metaCharset = charsetFromMeta(bytes);
  if (metaCharset !== null) {
    const decoded = tryDecode(bytes, metaCharset);
    if (decoded !== null) return decoded;
  }
  // The WHATWG default for unlabelled Western pages; it maps every byte, so it cannot fail.
  return decodeWindows1252(bytes);
}

/** Checks a string input the way {@link decodeBytes} checks bytes (size, emptiness, NULs). */
export function checkText(text: string, what: string): string {
  checkSize(Buffer.byteLength(text, 'utf8'), what);
  if (text.trim() === '') throw new ClipError('EMPTY', `${what} contains only whitespace, no text to clip.`);
  if (text.slice(0, SNIFF_BYTES).includes('\u0000')) {
    throw new ClipError('BINARY', `${what} contains binary data (NUL characters), not a web page or text.`);
  }
  return text;
}
