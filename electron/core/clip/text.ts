/**
 * Article HTML -> plain text with one blank line between paragraphs, plus the numbers derived from it
 * (word count, content hash). Walks the DOM with an explicit stack: article HTML comes from the web, so
 * its depth must not decide whether the clipper overflows the call stack.
 */
import { createHash } from 'node:crypto';
import { ELEMENT_NODE, TEXT_NODE, parseFragment, type DomElement, type DomNode } from './dom';

/** Elements that start a new paragraph in plain text (upper-case tag names). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR ' +
    'LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL CAPTION DETAILS SUMMARY'
  ).split(' '),
);
/** Elements whose content is no part of the text (upper-case tag names). */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
]);

/** Marks a paragraph boundary among text parts (see {@link joinTextParts}). */
export const PARAGRAPH_BREAK = '\u0000P';
/** Marks a line break (`<br>`) among text parts. */
export const LINE_BREAK = '\u0000L';

/**
 * Text pieces and break markers, in document order, as plain text: paragraphs separated by a blank
 * line, whitespace folded within a line. Shared by the DOM walk below and the streaming one.
 */
export function joinTextParts(parts: readonly string[]): string {
  return parts
    .join('')
    .split(PARAGRAPH_BREAK)
    .map((paragraph) =>
      paragraph
        .split(LINE_BREAK)
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** The plain text of an element: paragraphs separated by a blank line, whitespace folded within. */
export function elementToText(root: DomElement): string {
  const parts: string[] = [];
  // Each entry is a node to visit or a marker to emit once an element's children are done.
  const stack: (DomNode | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      parts.push(item.textContent ?? '');
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE || SKIPPED_ELEMENTS.has(item.nodeName)) continue;
    if (item.nodeName === 'BR') {
      parts.push(LINE_BREAK);
      continue;
    }
    const block = BLOCK_ELEMENTS.has(item.nodeName);
    if (block) parts.push(PARAGRAPH_BREAK);
    if (block) stack.push(PARAGRAPH_BREAK);
    // linkedom builds `childNodes` afresh on every read: read it once, or a long article is quadratic.
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return joinTextParts(parts);
}

/** The plain text of an HTML fragment (see {@link elementToText}). */
export function htmlToText(html: string): string {
  return elementToText(parseFragment(html));
}

/** Scripts written without spaces between words: each character counts as a word, as editors do. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]+/gu;

/** Words in a plain text: runs of non-space characters, and each Chinese/Japanese/Thai character. */
export function countWords(text: string): number {
  // Counted match by match: `text.match(...)` would hold every word of a huge article at once.
  const pattern = UNSPACED.test(text) ? new RegExp(WORD.source, 'gu') : /\S+/g;
  let count = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

/**
 * sha256 (hex) of the text lower-cased with whitespace folded, so the same article clipped twice, or
 * from a slightly different layout, gets the same hash (duplicate detection compares these).
 */
export function contentHash(text: string, chunkChars = HASH_CHUNK_CHARS): string {
  const hash = createHash('sha256');
  // In chunks, each cut where a run of whitespace starts: every run is then folded whole within one
  // chunk, so the result is the same as folding the whole text, without two copies of a huge one.
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + chunkChars);
    while (to < text.length && !(/\s/.test(text[to]!) && !/\s/.test(text[to - 1]!))) to++;
    let piece = text.slice(from, to).toLowerCase().replace(/\s+/g, ' ');
    if (from === 0) piece = piece.trimStart();
    if (to === text.length) piece = piece.trimEnd();
    hash.update(piece, 'utf8');
    from = to;
  }
  return hash.digest('hex');
}

/** How much text {@link contentHash} folds at a time. */
const HASH_CHUNK_CHARS = 1 << 20;
