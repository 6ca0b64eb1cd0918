/** Words with offsets, and the runs of capitalised words that names are made of. */

/** One word of the text. */
export interface Token {
  start: number;
  /** End of the word, a trailing possessive ’s left out. */
  end: number;
  text: string;
  /** Starts with a capital letter (any script). */
  capitalized: boolean;
  /** Every letter is a capital ("NATO", "PUTIN"). */
  allCaps: boolean;
  /** Followed by ’s or ' (possessive): a name ends here. */
  possessive: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*\.?/gu;

/** Every word in `text`, in order. A trailing period is kept only after an initial or abbreviation. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = m[0];
    // Keep "Sen." and "W." whole; a sentence's final period is not part of its last word.
    if (
      word.endsWith('.') &&
      !/^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|St|Jr|Sr)\.$/u.test(word)
    ) {
      if (!/\p{L}\.\p{L}/u.test(word)) word = word.slice(0, -1);
    }
    let possessive = false;
    const poss = /['’]s$/u.exec(word);
    if (poss !== null && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (
      word.endsWith('s') &&
      /^['’](?!\p{L})/u.test(text.slice(m.index + word.length, m.index + word.length + 2))
    ) {
      possessive = true;
    }
    const start = m.index;
    const capitalized = /^\p{Lu}/u.test(word);
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      capitalized,
      allCaps: capitalized && word.length > 1 && !/\p{Ll}/u.test(word),
      possessive,
    });
  }
  return tokens;
}

/** Key under which transliterations of one name meet: "Zelenskyy", "Zelensky", "Zelenskiy". */
export function nameKey(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/(?:yy|iy|ii|yi|ij)$/, 'y');
}
