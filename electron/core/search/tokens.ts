/**
 * Words the way the full-text index sees them. The FTS5 tables use `unicode61 remove_diacritics 2`:
 * runs of letters, digits and private-use characters, lower-cased, accents removed. The query parser
 * and the snippet builder use this same rule so that what the index matched is what gets highlighted.
 */

const MARKS = /\p{M}/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** One word of a text: where it is and its folded form. */
export interface Token {
  start: number;
  end: number;
  /** Lower-case, accent-free; never empty. */
  folded: string;
}

/** Lower-cases and strips accents (`Élysée` → `elysee`), like the index's tokenizer. */
export function fold(text: string): string {
  // Most words are ASCII, and normalize() is the slow part: skip it for them.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
const WORD_CODE_POINT = /^[\p{L}\p{N}\p{Co}\p{M}]$/u;

/** Length in code units of the word character at `i` (1 or 2), or 0 when it is not one. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code]!;
  const point = text.codePointAt(i)!;
  const width = point > 0xffff ? 2 : 1;
  return WORD_CODE_POINT.test(String.fromCodePoint(point)) ? width : 0;
}

/**
 * The words of `text` in order, with their offsets in `text`. Tokens that fold to nothing are skipped.
 * A hand-written scanner: a Unicode-property regex costs about a microsecond per word, which showed up
 * in every snippet; ASCII is decided by a table and only other characters go through the regex.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const width = wordCharAt(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let ascii = text.charCodeAt(i) < 128;
    i += width;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        if (ASCII_WORD[code] === 0) break;
        i++;
      } else {
        const w = wordCharAt(text, i);
        if (w === 0) break;
        ascii = false;
        i += w;
      }
    }
    const word = text.slice(start, i);
    if (ascii) {
      tokens.push({ start, end: i, folded: word.toLowerCase() });
      continue;
    }
    const folded = fold(word);
    if (folded === '' || !WORD_CHAR.test(folded)) continue;
    tokens.push({ start, end: i, folded });
  }
  return tokens;
}

/** The folded words of `text`, without offsets. */
export function words(text: string): string[] {
  return tokenize(text).map((token) => token.folded);
}
