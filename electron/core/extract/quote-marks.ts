/**
 * Where the quoted words are: pairs of straight or curly quotation marks inside a paragraph, and quotes
 * whose paragraph ends without a closing mark (a multi-paragraph quote continues in the next one).
 */
import { trimSpan, type TextLayout } from './text';
import type { Span } from './types';

/** One quotation, marks excluded from `span`. */
export interface QuotedSpan {
  /** The quoted words, without the marks and surrounding white space. */
  span: Span;
  /** Index of the opening mark. */
  open: number;
  /** Index just past the closing mark, or the paragraph's end when the quote runs on. */
  close: number;
  paragraph: number;
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
/** How far a quotation with a nested one is followed before its first closing mark is taken. */
const MAX_NESTED = 3000;

function opensAt(text: string, i: number, start: number): boolean {
  const prev = i > start ? (text[i - 1] ?? ' ') : ' ';
  return !LETTER.test(prev) && prev !== '.' && prev !== ',';
}

const INVISIBLE = /^[\s\p{Cf}]*$/u;

/** Whether only white space and invisible format characters (U+202A …) stand before `i` in its paragraph. */
function startsParagraph(text: string, start: number, i: number): boolean {
  return i === start || (i - start < 8 && INVISIBLE.test(text.slice(start, i)));
}

/** Index of the closing mark for an opening mark at `i`, or -1 when the paragraph has none. */
function closingMark(text: string, i: number, end: number): number {
  const mark = text[i];
  if (mark === '“' || mark === '"' || mark === '”') {
    // Pasted text mixes straight and curly marks ("…,” said X), so either double mark closes. A “
    // opened inside a curly quotation nests ("what he calls “hell” than …”): its ” is not the end.
    // When the nesting never balances (a missing mark), the first closing mark wins; the search
    // for a balance stops after MAX_NESTED characters so a paragraph of stray marks stays linear.
    let depth = 0;
    let firstClose = -1;
    for (let j = i + 1; j < end; j++) {
      const ch = text[j];
      if (ch === '“' && mark !== '"' && opensAt(text, j, i + 1)) depth++;
      else if (ch === '”' || ch === '"') {
        if (depth === 0) return j;
        if (firstClose === -1) firstClose = j;
        depth--;
      }
      if (depth > 0 && firstClose !== -1 && j - i > MAX_NESTED) return firstClose;
    }
    return firstClose;
  }
  // A single ’ closes only when no letter follows: "don’t" is an apostrophe.
  // A single quotation is short; the cap keeps a paragraph full of apostrophes linear.
  for (let j = i + 1; j < Math.min(end, i + 3000); j++) {
    if (text[j] === '’' && !LETTER.test(text[j + 1] ?? ' ')) return j;
  }
  return -1;
}

/** Every quotation in the text, in order. */
export function findQuotedSpans(text: string, layout: TextLayout): QuotedSpan[] {
  const quotes: QuotedSpan[] = [];
  layout.paragraphs.forEach(([start, end], paragraph) => {
    let i = start;
    while (i < end) {
      const ch = text[i];
      // Some sites open with ” as well: ”Fear. I am …” ― Name, at a paragraph's start (after any
      // invisible direction marks a comment widget put there).
      const isOpen =
        ch === '“' ||
        ch === '"' ||
        (ch === '‘' && opensAt(text, i, start)) ||
        (ch === '”' && startsParagraph(text, start, i) && text.slice(i + 1, end).includes('”'));
      if (!isOpen || (ch === '"' && !opensAt(text, i, start) && i !== start)) {
        i++;
        continue;
      }
      const close = closingMark(text, i, end);
      // An unclosed single mark is more often a stray apostrophe than a quote.
      if (close === -1 && ch === '‘') {
        i++;
        continue;
      }
      const closed = close !== -1;
      const [a, b] = trimSpan(text, i + 1, closed ? close : end);
      if (b > a && LETTER.test(text.slice(a, b))) {
        quotes.push({ span: [a, b], open: i, close: closed ? close + 1 : end, paragraph, closed });
      }
      i = closed ? close + 1 : end;
    }
  });
  return quotes;
}
