/** Paragraphs, sentences and words with their offsets: the units every rule works on. */
import type { Span } from './types';

/** A sentence and the paragraph it belongs to. */
export interface Sentence {
  start: number;
  end: number;
  /** Index into {@link TextLayout.paragraphs}. */
  paragraph: number;
}

/** The text cut into paragraphs (non-empty lines) and sentences. */
export interface TextLayout {
  paragraphs: Span[];
  sentences: Sentence[];
}

// A period after these does not end a sentence ("Sen. Warren", "U.S. officials", "Jan. 5").
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st sen rep gov gen lt col capt sgt rev jr sr prof inc corp co ltd vs no jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m'
  ).split(' '),
);

const SENTENCE_END = /[.!?…]+["”’)\]]*(?=\s+["“‘([]?[\p{Lu}\p{N}])/gu;

/** Cuts text into paragraphs and sentences. Offsets index `text`. */
export function layoutText(text: string): TextLayout {
  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line !== null; line = lineRe.exec(text)) {
    const [start, end] = trimSpan(text, line.index, line.index + line[0].length);
    if (start >= end) continue;
    const paragraph = paragraphs.length;
    paragraphs.push([start, end]);
    let sentenceStart = start;
    const body = text.slice(start, end);
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(body); m !== null; m = SENTENCE_END.exec(body)) {
      // Walk back over the word before the mark (a regex anchored at $ would rescan the paragraph).
      let from = m.index;
      while (from > 0 && m.index - from < 20 && /[\p{L}.]/u.test(body[from - 1] ?? '')) from--;
      const before = body.slice(from, m.index).toLowerCase();
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before))) continue;
      const cut = start + m.index + m[0].length;
      sentences.push({ start: sentenceStart, end: cut, paragraph });
      sentenceStart = trimSpan(text, cut, end)[0];
    }
    if (sentenceStart < end) sentences.push({ start: sentenceStart, end, paragraph });
  }
  return { paragraphs, sentences };
}

/** Narrows [start, end) past white space on both sides. */
export function trimSpan(text: string, start: number, end: number): Span {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
  return [a, b];
}

/** Index of the sentence containing `offset`, or -1 (binary search: sentences are in order). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (s === undefined) break;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Whether two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/**
 * Spans sorted by start, for overlap and containment questions in O(log n): rules ask them once per
 * token or mention, and a linear scan each time made 5 MB articles quadratic.
 */
export class SpanIndex {
  private readonly spans: Span[];
  /** maxEnd[i] = the largest end among spans[0..i]. */
  private readonly maxEnd: number[];

  constructor(spans: readonly Span[]) {
    this.spans = [...spans].sort((a, b) => a[0] - b[0]);
    this.maxEnd = [];
    let max = -Infinity;
    for (const span of this.spans) {
      max = Math.max(max, span[1]);
      this.maxEnd.push(max);
    }
  }

  /** Index of the last span starting before `offset` (start < offset), or -1. */
  private lastStartingBefore(offset: number): number {
    let lo = 0;
    let hi = this.spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.spans[mid] as Span)[0] < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Whether any span shares a character with [start, end). */
  overlapsAny(start: number, end: number): boolean {
    const i = this.lastStartingBefore(end);
    return i >= 0 && (this.maxEnd[i] as number) > start;
  }

  /** Whether some span covers [start, end) entirely (spans that do not nest: the nearest one decides). */
  contains(start: number, end: number): boolean {
    const i = this.lastStartingBefore(start + 1);
    return i >= 0 && (this.maxEnd[i] as number) >= end;
  }
}

/** Index of the first element whose `key` is >= `value` in an array sorted by `key`. */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid] as T) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
