/** Words with offsets, and the runs of capitalised words that names are made of. */

import { PARTICLES } from './ner/word-lists';

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
    if (word.endsWith('s') && /['’]s$/u.test(word) && word.length > 2) {
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

/** Lower-case particles inside names ("van", "de", "bin"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(PARTICLES);

/**
 * Runs of capitalised words joined by one space (or by ". " after an initial or title), never across a
 * line, a comma or a possessive: "Russian President Vladimir Putin" is one run, "Putin’s" ends one.
 */
export function capitalizedRuns(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (first === undefined || !first.capitalized) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      const cur = tokens[j];
      const next = tokens[j + 1];
      if (cur === undefined || next === undefined || cur.possessive) break;
      // "Lex van Drooge", "Joaquin del Olmo": a lower-case particle between capitalised words.
      const after = tokens[j + 2];
      if (
        !next.capitalized &&
        NAME_PARTICLES.has(next.text) &&
        after?.capitalized === true &&
        !next.possessive &&
        text.slice(cur.end, next.start) === ' ' &&
        text.slice(next.end, after.start) === ' '
      ) {
        j += 2;
        continue;
      }
      if (!next.capitalized) break;
      const gap = text.slice(cur.end, next.start);
      if (gap !== ' ') break;
      j++;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
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
