/**
 * The people of one article as the rules find them: shared by people.ts (which finds them) and
 * people-context.ts (which tests the context around a name), so neither imports the other's module.
 */
import type { Span } from './types';

/** One place a person is named, with the titled form around it. */
export interface PersonMention {
  /** The name itself, title left out. */
  span: Span;
  /** Start of the titled form ("Russian President ..."); equals span[0] without a title. */
  aliasStart: number;
  /** Index into {@link PeopleIndex.people}. */
  person: number;
}

/** A person and what the rules know about them. */
export interface Person {
  name: string;
  aliases: string[];
  /** Key of the surname, under which bare surnames and transliterations meet. */
  surnameKey: string;
  firstKey: string | null;
  gender: 'male' | 'female' | 'unknown';
  /** Lower-case title words seen before the name ("president", "chief"), for "the president". */
  titles: Set<string>;
  /** Every mention so far came from weak context alone ({@link cuedName}). */
  weak: boolean;
}

/** The people of one article and every mention of them, in text order. */
export interface PeopleIndex {
  people: Person[];
  mentions: PersonMention[];
}
