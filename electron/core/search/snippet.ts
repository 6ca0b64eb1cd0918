/**
 * Snippets and highlights built in JavaScript from the record's plain text rather than with FTS5's
 * snippet(): the offsets then point into the same plain text the reader shows (so a hit can open the
 * reader at its match), no markup has to be parsed back out, and only the handful of hits on the page
 * pay for it instead of every row the index matched.
 */
import type { Highlight, QueryTerm, Snippet } from '../../../shared/areas/search';
import { tokenize, type Token } from './tokens';

/** Characters of context a snippet shows; the match sits about a quarter of the way in. */
export const SNIPPET_LENGTH = 220;
const LEAD = 60;

/** Where the terms match `tokens`: [start, end) offsets of each matched word run, in order. */
export function matchRanges(tokens: readonly Token[], terms: readonly QueryTerm[]): Highlight[] {
  const ranges: Highlight[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let longest = 0;
    for (const term of terms) {
      const n = term.tokens.length;
      if (n <= longest || i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const want = term.tokens[k]!;
        const have = tokens[i + k]!.folded;
        ok = term.prefix && k === n - 1 ? have.startsWith(want) : have === want;
      }
      if (ok) longest = n;
    }
    if (longest > 0) {
      ranges.push([tokens[i]!.start, tokens[i + longest - 1]!.end]);
      i += longest - 1;
    }
  }
  return ranges;
}

/** Highlights of `terms` anywhere in a short text such as a title. */
export function highlightAll(text: string, terms: readonly QueryTerm[]): Highlight[] {
  return matchRanges(tokenize(text), terms);
}

/** A snippet and where its first match is in the full text (null when nothing in `text` matched). */
export interface BuiltSnippet {
  snippet: Snippet;
  match: { start: number; end: number } | null;
}

const WORD = /[\p{L}\p{N}\p{Co}\p{M}]/u;

/** Letters that fold to something else (accented Latin, combining marks) or lower-case to other lengths. */
const FOLDS = /[\u00c0-\u024f\u1e00-\u1eff\u0130]|\p{M}/u;

/**
 * The first match of `terms` in `text`. Fast path, for texts without accented letters (where folding
 * is plain lower-casing): find each term's first token with indexOf in the lower-cased text and confirm
 * it by tokenizing a few words from there. Otherwise tokenize the whole text.
 */
export function firstMatch(text: string, terms: readonly QueryTerm[]): Highlight | undefined {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !FOLDS.test(text)) {
    let best: Highlight | undefined;
    for (const term of terms) {
      const token = term.tokens[0]!;
      for (let at = lower.indexOf(token); at !== -1; at = lower.indexOf(token, at + 1)) {
        if (best !== undefined && at >= best[0]) break;
        if (at > 0 && WORD.test(text[at - 1]!)) continue;
        const from = at;
        const to = Math.min(text.length, at + term.tokens.join(' ').length + 64 * term.tokens.length);
        const found = matchRanges(tokenize(text.slice(from, to)), [term])[0];
        if (found !== undefined && found[0] === 0) {
          best = [from, from + found[1]];
          break;
        }
      }
    }
    return best;
  }
  return matchRanges(tokenize(text), terms)[0];
}

/** Moves `offset` back (or forward) to the nearest space so a snippet does not cut a word. */
function snap(text: string, offset: number, forward: boolean): number {
  const limit = 25;
  for (let d = 0; d < limit; d++) {
    const at = forward ? offset + d : offset - d;
    if (at <= 0) return 0;
    if (at >= text.length) return text.length;
    if (/\s/.test(text[at]!)) return forward ? at : at + 1;
  }
  return offset;
}

/**
 * A window of `text` around the first match of `terms`, with every match inside it highlighted.
 * Line breaks become spaces (same length, so offsets stay valid); cut ends get an ellipsis.
 */
export function buildSnippet(
  text: string,
  terms: readonly QueryTerm[],
  length: number = SNIPPET_LENGTH,
): BuiltSnippet {
  const first = firstMatch(text, terms);
  const windowStart = first === undefined ? 0 : snap(text, Math.max(0, first[0] - LEAD), false);
  const windowEnd =
    windowStart + length >= text.length ? text.length : snap(text, windowStart + length, false);
  const body = text.slice(windowStart, Math.max(windowEnd, windowStart + 1)).replace(/[\r\n\t]/g, ' ');
  const prefix = windowStart > 0 ? '…' : '';
  const suffix = windowEnd < text.length ? '…' : '';
  const highlights = matchRanges(tokenize(body), terms).map(([s, e]): Highlight => [
    s + prefix.length,
    e + prefix.length,
  ]);
  return {
    snippet: { text: `${prefix}${body}${suffix}`, highlights },
    match: first === undefined ? null : { start: first[0], end: first[1] },
  };
}
