/**
 * People rules that need the whole article: list items beside named people, family members of a known
 * surname, and names the article also uses as organisations (dropped when only weak context made them).
 */
import { organizationKeys } from './org-cues';
import type { PeopleIndex, Person, PersonMention } from './people-types';
import { bare, canFollowFirstName, isNameWord, isOtherWord, isPlaceOrOrganization } from './name-words';
import { firstNameGender, isKnownOrganization, isKnownPlace, NON_NAME_WORDS } from './lexicon';
import { nameKey, type Token } from './tokens';

/** Drops people read from weak context whose name the article also uses as an organisation's. */
export function withoutOrganizations(
  text: string,
  tokens: readonly Token[],
  people: readonly Person[],
  mentions: readonly PersonMention[],
): PeopleIndex {
  if (!people.some((p) => p.weak)) return { people: [...people], mentions: [...mentions] };
  const orgs = organizationKeys(text, tokens);
  const newIndex: number[] = [];
  const kept: Person[] = [];
  for (const person of people) {
    const drop =
      person.weak && (orgs.has(person.surnameKey) || (person.firstKey !== null && orgs.has(person.firstKey)));
    newIndex.push(drop ? -1 : kept.length);
    if (!drop) kept.push(person);
  }
  const keptMentions: PersonMention[] = [];
  for (const m of mentions) {
    const index = newIndex[m.person] ?? -1;
    if (index !== -1) keptMentions.push({ ...m, person: index });
  }
  return { people: kept, mentions: keptMentions };
}

const LIST_GAP = /^\s*,\s*$/;

/**
 * Items of a list whose neighbour is a person ("Aamir Sohail , Saeed Anwar , Ijaz Ahmed"): one to three
 * name words standing alone between commas, "and" or the line's ends. A list holds one kind of thing.
 * Returns the runs found and removes them from `runs`.
 */
export function listedWithPeople(
  text: string,
  tokens: readonly Token[],
  runs: Array<[number, number]>,
  mentions: readonly PersonMention[],
): Array<[number, number]> {
  const starts = new Set(mentions.map((m) => m.span[0]));
  const ends = new Set(mentions.map((m) => m.span[1]));
  const gapAfter = (k: number): string => {
    const a = tokens[k];
    const b = tokens[k + 1];
    return a === undefined || b === undefined ? '\n' : text.slice(a.end, b.start);
  };
  /** Index of the token ending the item before token i, or -1. */
  const previousItem = (i: number): number => {
    if (LIST_GAP.test(gapAfter(i - 1))) return i - 1;
    if (tokens[i - 1]?.text === 'and' && /^ ?,? $/.test(gapAfter(i - 2))) return i - 2;
    return -1;
  };
  const nextItem = (j: number): number => {
    if (LIST_GAP.test(gapAfter(j))) return j + 1;
    if (tokens[j + 1]?.text === 'and' && gapAfter(j) === ' ' && gapAfter(j + 1) === ' ') return j + 2;
    return -1;
  };
  const found: Array<[number, number]> = [];
  const taken = new Set<number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const [i, j] = runs[r] as [number, number];
    if (j - i > 2) continue;
    const words = tokens.slice(i, j + 1);
    const plain = (t: Token, k: number): boolean =>
      (isNameWord(t) || (k > 0 && canFollowFirstName(t))) &&
      (!isOtherWord(t) || firstNameGender(t.text) !== undefined || k > 0) &&
      !isKnownPlace(t.text) &&
      !isKnownOrganization(t.text);
    if (!words.every(plain) || isPlaceOrOrganization(tokens, i, j)) continue;
    const before = i === 0 ? '\n' : gapAfter(i - 1);
    const after = gapAfter(j);
    const boundedLeft = LIST_GAP.test(before) || /\n|:\s*$/.test(before) || tokens[i - 1]?.text === 'and';
    const boundedRight =
      LIST_GAP.test(after) || /^\s*(?:\n|[.(;]|$)/.test(after) || tokens[j + 1]?.text === 'and';
    if (!boundedLeft || !boundedRight) continue;
    const p = previousItem(i);
    const n = nextItem(j);
    const prevPerson = p >= 0 && ends.has((tokens[p] as Token).end);
    const nextPerson = n >= 0 && n < tokens.length && starts.has((tokens[n] as Token).start);
    if (!prevPerson && !nextPerson) continue;
    found.push([i, j]);
    taken.add(r);
  }
  // Removed in one pass: splicing one by one made long lists quadratic.
  if (taken.size > 0) {
    const left = runs.filter((_, r) => !taken.has(r));
    runs.length = 0;
    for (const run of left) runs.push(run);
  }
  return found;
}

/**
 * Two or three name words one of which is a surname of this article ("Naina Yeltsin" once "Boris
 * Yeltsin" is known, "Mushtaq Ahmed" beside "Saqlain Mushtaq"): another person of that family, not a
 * bare surname. The other words must be first names or words the lexicon does not know, so "Trump
 * Tower" or "Clinton Foundation" stay what they are.
 */
export function runsWithKnownSurname(
  tokens: readonly Token[],
  runs: ReadonlyArray<[number, number]>,
  people: readonly Person[],
): Array<[number, number]> {
  const surnames = new Set(people.map((p) => p.surnameKey));
  const found: Array<[number, number]> = [];
  for (const [i, j] of runs) {
    let first = i;
    while (first < j && NON_NAME_WORDS.has(bare((tokens[first] as Token).text))) first++;
    if (j - first < 1 || j - first > 2) continue;
    const words = tokens.slice(first, j + 1);
    if (!words.some((t) => surnames.has(nameKey(t.text)))) continue;
    const fits = (t: Token): boolean =>
      isNameWord(t) &&
      !isKnownPlace(t.text) &&
      (surnames.has(nameKey(t.text)) || firstNameGender(t.text) !== undefined || !isOtherWord(t));
    if (words.every(fits) && !isPlaceOrOrganization(tokens, first, j)) found.push([first, j]);
  }
  return found;
}
