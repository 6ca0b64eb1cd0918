/**
 * A sentence cut into clauses (segments): at commas, semicolons, colons, dashes, brackets and quote
 * marks, and before words that open a subordinate clause ("while", "that", "after", "following").
 * Arguments of a happening are looked for in its own clause first, so "embarrass Putin, Ukraine
 * smashed into Kursk" does not make Putin take part in the incursion.
 */
import type { Word } from './words';

/** Words that open a clause of their own even without a comma before them. */
const OPENERS = new Set(
  'while whereas because although though after before following when where which who whom whose that since until unless if as amid despite'.split(
    ' ',
  ),
);
/** Clauses opened by these lean on the sentence's main clause for their subject. */
const DEPENDENT = new Set([...OPENERS, 'to', 'by', 'in', 'on', 'with', 'during', 'without', 'for', 'from']);

/** A clause: word indices [first, last] of the sentence's words. */
export interface Clause {
  first: number;
  last: number;
  /** Opened by a subordinating word or preposition (its subject is usually in another clause). */
  dependent: boolean;
}

const BREAKS = /^[,;:()[\]“”"‘’«»—–]$|^-{2,}$/;

/** The clauses of a sentence's words, in order; every word belongs to exactly one. */
export function clausesOf(words: readonly Word[]): Clause[] {
  const clauses: Clause[] = [];
  let first = 0;
  const close = (last: number): void => {
    if (last >= first) {
      const opener = words.slice(first, last + 1).find((w) => !w.punct);
      clauses.push({ first, last, dependent: opener !== undefined && DEPENDENT.has(opener.lower) });
    }
  };
  words.forEach((word, i) => {
    if (word.punct && BREAKS.test(word.text)) {
      close(i);
      first = i + 1;
    } else if (
      i > first &&
      !word.punct &&
      OPENERS.has(word.lower) &&
      !(word.lower === 'that' && isDeterminerThat(words, i))
    ) {
      close(i - 1);
      first = i;
    }
  });
  close(words.length - 1);
  return clauses;
}

/** "that" before a noun ("that meeting") is a determiner, not a clause opener. */
function isDeterminerThat(words: readonly Word[], i: number): boolean {
  const next = words[i + 1];
  return (
    next !== undefined && /Singular|Plural|Noun/.test(next.tag) && !/Verb|Tense|Infinitive/.test(next.tag)
  );
}

/** Index of the clause holding word `i`. */
export function clauseAt(clauses: readonly Clause[], i: number): number {
  return clauses.findIndex((c) => i >= c.first && i <= c.last);
}
