/**
 * How names are compared across the library. Two folds:
 * - {@link normalizeName}: case and accents folded, punctuation to spaces. Stored as
 *   `entity_aliases.normalized`; search's word-prefix LIKE queries compare against it.
 * - {@link nameMatchKey}: looser, for deciding that two spellings name the same entity: transliteration
 *   variants fold too ("Zelenskyy", "Zelenskiy", "Zelensky" -> "zelensky"; doubled letters single).
 */

const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case, accent-free, words separated by single spaces ("Élysée-Palast" -> "elysee palast"). */
export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim();
}

/** Ending variants of one transliterated sound (Ukrainian/Russian -ий, -ій): all become "y". */
const Y_ENDING = /(?:iy|yy|ii|yi|ij|yj)$/u;
const DOUBLED = /(\p{L})\1+/gu;

/** The key two names must share to be taken as one entity. */
export function nameMatchKey(name: string): string {
  return normalizeName(name)
    .split(' ')
    .map((word) => word.replace(Y_ENDING, 'y').replace(DOUBLED, '$1'))
    .join(' ');
}

/** Number of words of a name. */
export function wordCount(name: string): number {
  const folded = normalizeName(name);
  return folded === '' ? 0 : folded.split(' ').length;
}

/** Words of a name for comparing event names (folded, short function words dropped). */
export function contentWords(text: string): Set<string> {
  return new Set(
    normalizeName(text)
      .split(' ')
      .filter((w) => w.length > 2),
  );
}

/** Jaccard similarity of two word sets (1 for two empty sets). */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
