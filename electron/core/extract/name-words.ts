/**
 * What a capitalised word can be in a name: the lexicon checks every people rule shares ("Green" may
 * follow "Michael", "S." opens "S. Waugh", "Police" and "Sweden" are never names).
 */
import { isKnownOrganization, isKnownPlace, lexiconTag, NON_NAME_WORDS, TITLES } from './lexicon';
import { PARTICLES, type Token } from './tokens';

export const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

export function bare(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

export function isTitle(token: Token): boolean {
  return TITLES.has(token.text.toLowerCase()) || TITLES.has(bare(token.text));
}

// Head words of institutions and places: never part of a person's name ("Major League", "Hong Kong").
const NOT_NAME_HEADS = new Set(
  (
    'league department office street road avenue square islands island ministry inc corp co ltd ' +
    'bank union revolution wall county city state republic kingdom airport stadium university college ' +
    'school hospital church party council committee agency court army navy police times post news ' +
    'club group cup championship championships open games olympics tour association federation'
  ).split(' '),
);

/** Lexicon tags of words that are never names: demonyms, adjectives, countries, plurals. */
const NEVER_NAME_TAG = /Demonym|Adjective|Country|Region|Plural|Organization/;

export const INITIAL = /^\p{Lu}\.$/u;

export function isNameWord(token: Token): boolean {
  // An initial ("S." in "S. Waugh", "A. Dale") is capitals only, and "A." is no article.
  if (INITIAL.test(token.text) || PARTICLES.has(token.text)) return true;
  const lower = bare(token.text);
  return (
    !token.allCaps &&
    !NON_NAME_WORDS.has(lower) &&
    !NOT_NAME_HEADS.has(lower) &&
    !isTitle(token) &&
    !/\p{N}/u.test(token.text) &&
    !NEVER_NAME_TAG.test(lexiconTag(token.text) ?? '')
  );
}

/** Words kept in titled aliases ("former Prime Minister") that never make a name on their own. */
export const TITLE_MODIFIERS = new Set(
  'former first state home foreign defence defense finance interior deputy vice majority minority'.split(' '),
);

/** A capitalised word that may be the surname after a first name: no place, demonym or title. */
export function canFollowFirstName(token: Token): boolean {
  const lower = bare(token.text);
  return (
    !token.allCaps &&
    !NON_NAME_WORDS.has(lower) &&
    !NOT_NAME_HEADS.has(lower) &&
    !isTitle(token) &&
    !/\p{N}/u.test(token.text) &&
    !/Demonym|Country|Region|City|Place|Organization|Plural/.test(lexiconTag(token.text) ?? '')
  );
}

/** The words [first, last] are a place or organisation the lexicon knows ("Sri Lanka"), not a name. */
export function isPlaceOrOrganization(tokens: readonly Token[], first: number, last: number): boolean {
  const phrase = tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join(' ');
  return isKnownPlace(phrase) || isKnownOrganization(phrase);
}

/** A word the lexicon files as something other than a name ("Police", "Iranian", "Sweden"). */
export function isOtherWord(token: Token): boolean {
  if (PARTICLES.has(token.text)) return false;
  const tag = lexiconTag(token.text);
  return tag !== undefined && !/Name|Person/.test(tag);
}
