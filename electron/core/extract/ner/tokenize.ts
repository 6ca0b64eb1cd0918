/**
 * Words for the tagger, cut as the CoNLL-2003 training text is (Penn Treebank style): punctuation on its
 * own, "’s" and "n’t" split off, periods kept in "U.S.", "Sen." and initials. Offsets index the text.
 */

/** One token of the text. */
export interface NerToken {
  text: string;
  start: number;
  end: number;
}

// Letters, marks and digits, joined by hyphens, apostrophes, periods, ampersands and slashes ("AT&T",
// "O'Brien", "1996-08-22", "km/h"); a comma only between digits ("1,000"). Otherwise any one character.
const TOKEN =
  /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:(?:[-'’.&/]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}]+)*|\S/gu;

/** Words written with a period that belongs to them. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st sen rep gov gen lt col capt sgt rev jr sr prof inc corp co ltd bros jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec no vs mt ft messrs adm cmdr gov sen supt ave blvd dept'
  ).split(' '),
);

const SINGLE_LETTER = /^\p{L}$/u;

function push(tokens: NerToken[], text: string, start: number, end: number): void {
  tokens.push({ text: text.slice(start, end), start, end });
}

/** The tagger's tokens of `text[from, to)` (the whole text by default), in order. */
export function nerTokenize(text: string, from = 0, to = text.length): NerToken[] {
  const tokens: NerToken[] = [];
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  const slice = text.slice(from, to);
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const start = from + m.index;
    let end = start + m[0].length;
    const word = m[0];
    // "Putin's" -> "Putin" "'s"; "don't" -> "do" "n't"; "we're" -> "we" "'re" (as the training text has them).
    // (Only a word with an apostrophe can end in one: most words skip the expression.)
    const clitic =
      word.includes("'") || word.includes('’')
        ? /(?:['’](?:[sSmMdD]|re|RE|ve|VE|ll|LL)|[nN]['’][tT])$/u.exec(word)
        : null;
    if (clitic !== null && clitic.index > 0) {
      push(tokens, text, start, start + clitic.index);
      push(tokens, text, start + clitic.index, end);
      continue;
    }
    if (
      text[end] === '.' &&
      end < to &&
      (ABBREVIATIONS.has(word.toLowerCase()) || SINGLE_LETTER.test(word)) &&
      !/\p{L}/u.test(text[end + 1] ?? '')
    ) {
      end++;
      re.lastIndex++;
      push(tokens, text, start, end);
    } else tokens.push({ text: word, start, end });
  }
  return tokens;
}
