/**
 * Article HTML -> plain text with one blank line between paragraphs, plus the numbers derived from it
 * (word count, content hash). Walks the DOM with an explicit stack: article HTML comes from the web, so
 * its depth must not decide whether the clipper overflows the call stack.
 */
import { createHash } from 'node:crypto';
import { ELEMENT_NODE, TEXT_NODE, parseFragment, type DomElement, type DomNode } from './dom';

/** Elements that start a new paragraph in plain text. */
const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR ' +
    'LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL CAPTION DETAILS SUMMARY'
  ).split(' '),
);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

const PARAGRAPH = '\u0000P';
const LINE = '\u0000L';

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
    if (item.nodeType !== ELEMENT_NODE || SKIPPED.has(item.nodeName)) continue;
    if (item.nodeName === 'BR') {
      parts.push(LINE);
      continue;
    }
    const block = BLOCK.has(item.nodeName);
    if (block) parts.push(PARAGRAPH);
    if (block) stack.push(PARAGRAPH);
    // linkedom builds `childNodes` afresh on every read: read it once, or a long article is quadratic.
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts
    .join('')
    .split(PARAGRAPH)
    .map((paragraph) =>
      paragraph
        .split(LINE)
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
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
  if (!UNSPACED.test(text)) return text.match(/\S+/g)?.length ?? 0;
  return text.match(WORD)?.length ?? 0;
}

/**
 * sha256 (hex) of the text lower-cased with whitespace folded, so the same article clipped twice, or
 * from a slightly different layout, gets the same hash (duplicate detection compares these).
 */
export function contentHash(text: string): string {
  const normalized = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}
