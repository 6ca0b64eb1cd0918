/**
 * People: names found by rules over capitalised runs (a first name from the lexicon, a title before
 * the name, or a known surname), merged within the article so that "Russian President Vladimir Putin",
 * "President Vladimir Putin" and a later bare "Putin" are one person.
 */
import {
  firstNameGender,
  isKnownLastName,
  isKnownOrganization,
  isKnownPlace,
  lexiconTag,
  NON_NAME_WORDS,
} from './lexicon';
import {
  bare,
  canFollowFirstName,
  INITIAL,
  isNameWord,
  isOtherWord,
  isPlaceOrOrganization,
  isTitle,
  SUFFIXES,
  TITLE_MODIFIERS,
} from './name-words';
import { listedWithPeople, runsWithKnownSurname, withoutOrganizations } from './people-context';
import type { SocialByline } from './social';
import { SpanIndex } from './text';
import { capitalizedRuns, nameKey, type Token } from './tokens';
import type { Span } from './types';
import type { PeopleIndex, Person, PersonMention } from './people-types';

// The types live in people-types.ts, a leaf that people-context.ts can use without importing this
// module back; re-exported so callers keep one place to import people from.
export type { PeopleIndex, Person, PersonMention } from './people-types';

interface Candidate {
  first: number;
  last: number;
  titled: boolean;
  /** Read from context alone (a verb of saying, a bracketed country, unknown words): weak evidence. */
  weak?: boolean;
}

/** Where in the run [i, j] a name sits, if any. */
function candidateIn(
  tokens: readonly Token[],
  i: number,
  j: number,
  prev: Token | undefined,
  sentenceInitial: boolean,
): Candidate | null {
  for (let k = i; k <= j; k++) {
    const token = tokens[k];
    if (token === undefined || !isNameWord(token) || firstNameGender(token.text) === undefined) continue;
    let last = k;
    // Right after a first name, a word the lexicon calls an adjective or noun is a surname too
    // ("Michael Green", "Linda Wild", "Tom Moody").
    if (last < j && !token.possessive && canFollowFirstName(tokens[last + 1] as Token)) last++;
    while (last < j && isNameWord(tokens[last + 1] as Token) && !(tokens[last] as Token).possessive) last++;
    if (last - k >= 1 && last - k <= 3)
      return { first: k, last, titled: k > i && isTitle(tokens[k - 1] as Token) };
  }
  // "President Clinton", "Sen. Warren", "coach Smith": a title right before one to three name words.
  for (let t = j - 1; t >= i - 1; t--) {
    const title = t >= i ? tokens[t] : prev;
    if (title === undefined || !isTitle(title)) continue;
    // "former Olympic champions": a modifier of titles is no title on its own.
    if (TITLE_MODIFIERS.has(bare(title.text))) return null;
    let last = t + 1;
    if (!isNameWord(tokens[last] as Token)) return null;
    while (last < j && isNameWord(tokens[last + 1] as Token) && !(tokens[last] as Token).possessive) last++;
    return last - t <= 3 ? { first: t + 1, last, titled: true } : null;
  }
  // Two or three name words ending in a surname the lexicon knows, not opening a sentence.
  const first = tokens[i];
  const last = tokens[j];
  if (first === undefined || last === undefined || j - i < 1 || j - i > 2) return null;
  if (!isKnownLastName(last.text) || isKnownPlace(first.text) || isKnownOrganization(first.text)) return null;
  if (sentenceInitial) return null;
  for (let k = i; k <= j; k++) if (!isNameWord(tokens[k] as Token)) return null;
  return { first: i, last: j, titled: false };
}

// A country or place in brackets right after a name: "Jesper Parnevik (Sweden)", "Wang Donghai ( China )".
const NATIONALITY_AFTER = /^\s?\(\s?([\p{Lu}][\p{L}. ]{1,30}?)\s?\)/u;
// A relative "who" or an age after a comma: "Dick Morris , who ...", "Wang , 45 , a veteran ...".
const PERSON_AFTER = /^\s?,\s(?:who|whose)\b|^\s?,\s\d{1,2}\s?,/;
// A verb of saying right after a name: "Jansher said", "Dole told".
const SAYING_AFTER = /^\s(?:said|says|told|added|replied|insisted)\b/;

/**
 * Names no lexicon knows, from their context: an initial and a surname ("S. Waugh"), a run followed by
 * a bracketed country, or a run followed by a verb of saying. Words the lexicon files as places,
 * demonyms or common nouns are never part of such a name.
 */
function cuedName(text: string, tokens: readonly Token[], i: number, j: number): Candidate | null {
  let first = i;
  while (first <= j && !isNameWord(tokens[first] as Token)) first++;
  if (first > j || j - first > 3) return null;
  const head = tokens[first] as Token;
  const after = text.slice((tokens[j] as Token).end, (tokens[j] as Token).end + 40);
  const nationality = NATIONALITY_AFTER.exec(after)?.[1];
  const beforeHead = text.slice(Math.max(0, head.start - 12), head.start);
  // "Washington , who ...", "Wang , 45 , ...", "... , " said King .": context only a person has.
  const personContext =
    (nationality !== undefined && isKnownPlace(nationality.trim())) ||
    (PERSON_AFTER.test(after) && !/\b(?:the|a|an)\s$/i.test(beforeHead)) ||
    (/\b(?:said|says)\s$/.test(beforeHead) && /^\s?[.,]/.test(after));
  for (let k = first; k <= j; k++) {
    const token = tokens[k] as Token;
    if (!isNameWord(token)) return null;
    // After an initial even a common word is a surname ("M. Butcher", "T. Moody"); places are not.
    const initialBefore = k > first && INITIAL.test(head.text);
    // Before an unknown surname and a bracketed country, a noun is a given name ("Gail Devers (U.S.)").
    const givenBeforeSurname =
      personContext &&
      k === first &&
      j > first &&
      !isOtherWord(tokens[j] as Token) &&
      canFollowFirstName(token);
    if (
      isOtherWord(token) &&
      !INITIAL.test(token.text) &&
      !(initialBefore && !isKnownPlace(token.text)) &&
      !givenBeforeSurname
    )
      return null;
  }
  if (j > first && INITIAL.test(head.text)) return { first, last: j, titled: false };
  if (personContext) return { first, last: j, titled: false, weak: true };
  if (SAYING_AFTER.test(after) && !(tokens[j] as Token).possessive)
    return { first, last: j, titled: false, weak: true };
  // Two or three capitalised words the lexicon has never heard of, mid-sentence, after no article:
  // most often a foreign name ("Saqlain Mushtaq"); places and organisations carry known words.
  const before = text.slice(Math.max(0, head.start - 5), head.start);
  if (
    j - first >= 1 &&
    j - first <= 2 &&
    first === i &&
    !/(?:^|[.!?:]["”’]?\s+|\n\s*|\b(?:the|of|at|in|from|to|for|and)\s)$/i.test(before) &&
    tokens.slice(first, j + 1).every((t) => lexiconTag(t.text) === undefined && /^\p{Lu}\p{Ll}/u.test(t.text))
  ) {
    return { first, last: j, titled: false, weak: true };
  }
  return null;
}

/** Walks left over titles and the capitalised word before a title ("NATO chief", "Russian President"). */
function aliasStartOf(text: string, tokens: readonly Token[], first: number, titles: Set<string>): number {
  let start = first;
  let idx = first - 1;
  while (idx >= 0) {
    const token = tokens[idx] as Token;
    const right = tokens[idx + 1] as Token;
    if (text.slice(token.end, right.start) !== ' ' || token.possessive) break;
    const before = tokens[idx - 1];
    const beforeJoined = before !== undefined && text.slice(before.end, token.start) === ' ';
    if (isTitle(token) && (token.capitalized || (beforeJoined && before.capitalized))) {
      titles.add(bare(token.text));
      start = idx;
      idx--;
      continue;
    }
    if (token.capitalized && start < first && !NON_NAME_WORDS.has(bare(token.text))) {
      const tag = lexiconTag(token.text) ?? '';
      if (token.allCaps || /Demonym|Country|Organization|Place|Region|City/.test(tag)) start = idx;
    }
    break;
  }
  return (tokens[start] as Token).start;
}

/** Finds the people of an article. `tokens` is {@link tokenize}(text). */
export function findPeople(
  text: string,
  tokens: readonly Token[],
  bylines: readonly SocialByline[],
): PeopleIndex {
  const people: Person[] = [];
  const mentions: PersonMention[] = [];
  const addAlias = (person: Person, alias: string): void => {
    if (!person.aliases.includes(alias)) person.aliases.push(alias);
  };
  // The person last named under each surname key (register runs in text order).
  const lastBySurname = new Map<string, number>();
  const lastMentionOf = (key: string): number => lastBySurname.get(key) ?? -1;
  const register = (
    words: readonly string[],
    span: Span,
    aliasStart: number,
    titles: Set<string>,
    weak = false,
  ): void => {
    const core = words.filter((w) => !SUFFIXES.has(w.toLowerCase()));
    const surnameKey = nameKey(core[core.length - 1] ?? words[0] ?? '');
    const firstKey = core.length > 1 ? nameKey(core[0] as string) : null;
    let index =
      firstKey === null
        ? lastMentionOf(surnameKey)
        : people.findIndex(
            (p) => p.surnameKey === surnameKey && (p.firstKey === null || p.firstKey === firstKey),
          );
    if (index === -1) {
      index = people.length;
      const gender = firstKey === null ? 'unknown' : (firstNameGender(core[0] as string) ?? 'unknown');
      people.push({ name: '', aliases: [], surnameKey, firstKey, gender, titles: new Set(), weak });
    }
    const person = people[index] as Person;
    person.weak &&= weak;
    if (person.firstKey === null && firstKey !== null) {
      person.firstKey = firstKey;
      person.gender = firstNameGender(core[0] as string) ?? 'unknown';
    }
    const name = text.slice(span[0], span[1]);
    if (name.split(' ').length > person.name.split(' ').length || person.name === '') person.name = name;
    for (const title of titles) person.titles.add(title);
    addAlias(person, text.slice(aliasStart, span[1]));
    addAlias(person, name);
    mentions.push({ span, aliasStart, person: index });
    lastBySurname.set(surnameKey, index);
  };

  const bylineSpans = new SpanIndex(
    bylines.flatMap((b) => [b.name, ...(b.nativeName === null ? [] : [b.nativeName])]),
  );
  // Runs no rule read as a name, looked at again once the article's surnames are known.
  const unclaimed: Array<[number, number]> = [];
  for (const [i, j] of capitalizedRuns(text, tokens)) {
    const start = (tokens[i] as Token).start;
    // Any capitalised word can open a sentence, so there a surname alone is weak evidence.
    const sentenceInitial = /(?:^|[.!?]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));
    let candidate = candidateIn(tokens, i, j, tokens[i - 1], sentenceInitial);
    if (candidate !== null && isPlaceOrOrganization(tokens, candidate.first, candidate.last))
      candidate = null;
    // Byline names are registered below with their handle; context rules must not split them off.
    if (candidate === null && !bylineSpans.overlapsAny(start, (tokens[j] as Token).end)) {
      candidate = cuedName(text, tokens, i, j);
      if (candidate !== null && isPlaceOrOrganization(tokens, candidate.first, candidate.last))
        candidate = null;
    }
    if (candidate === null) {
      unclaimed.push([i, j]);
      continue;
    }
    const titles = new Set<string>();
    const first = tokens[candidate.first] as Token;
    const last = tokens[candidate.last] as Token;
    const aliasStart = aliasStartOf(text, tokens, candidate.first, titles);
    const words = tokens.slice(candidate.first, candidate.last + 1).map((t) => t.text);
    register(words, [first.start, last.end], aliasStart, titles, candidate.weak === true);
  }
  for (const byline of bylines) {
    const words = text.slice(byline.name[0], byline.name[1]).split(/\s+/);
    register(words, byline.name, byline.name[0], new Set());
    const person = people[(mentions[mentions.length - 1] as PersonMention).person] as Person;
    for (const extra of [byline.nativeName, byline.handle]) {
      if (extra === null) continue;
      addAlias(person, text.slice(extra[0], extra[1]));
      mentions.push({ span: extra, aliasStart: extra[0], person: people.indexOf(person) });
    }
  }
  const registerRun = ([first, last]: [number, number]): void => {
    const words = tokens.slice(first, last + 1).map((t) => t.text);
    const span: Span = [(tokens[first] as Token).start, (tokens[last] as Token).end];
    register(words, span, span[0], new Set(), true);
  };
  runsWithKnownSurname(tokens, unclaimed, people).forEach(registerRun);
  // Two passes: a list item found in the first makes its neighbour a person in the second.
  for (let pass = 0; pass < 2; pass++)
    listedWithPeople(text, tokens, unclaimed, mentions).forEach(registerRun);
  const kept = withoutOrganizations(text, tokens, people, mentions);
  kept.mentions.sort((a, b) => a.span[0] - b.span[0]);
  propagateSurnames(text, tokens, kept.people, kept.mentions);
  return kept;
}

/** Bare surnames ("Putin", "PUTIN", "Zelensky") of people already named in full. */
function propagateSurnames(
  text: string,
  tokens: readonly Token[],
  people: Person[],
  mentions: PersonMention[],
): void {
  const byKey = new Map<string, number[]>();
  people.forEach((person, index) =>
    byKey.set(person.surnameKey, [...(byKey.get(person.surnameKey) ?? []), index]),
  );
  const taken = mentions.map((m) => m.span);
  const added: PersonMention[] = [];
  let cursor = 0;
  // The person each surname key was last named as, advanced with the tokens (mentions are in order).
  const lastNamed = new Map<string, number>();
  let passed = 0;
  for (const token of tokens) {
    if (!token.capitalized) continue;
    const owners = byKey.get(nameKey(token.text));
    if (owners === undefined) continue;
    while (cursor < taken.length && (taken[cursor] as Span)[1] <= token.start) cursor++;
    const next = taken[cursor];
    if (next !== undefined && next[0] < token.end) continue;
    // Two people sharing a surname: the bare surname is the one named most recently before it.
    for (; passed < mentions.length && (mentions[passed] as PersonMention).span[0] <= token.start; passed++) {
      const m = mentions[passed] as PersonMention;
      lastNamed.set((people[m.person] as Person).surnameKey, m.person);
    }
    const person = lastNamed.get(nameKey(token.text)) ?? (owners[0] as number);
    const alias = text.slice(token.start, token.end);
    const owner = people[person] as Person;
    if (!token.allCaps && !owner.aliases.includes(alias)) owner.aliases.push(alias);
    added.push({ span: [token.start, token.end], aliasStart: token.start, person });
  }
  mentions.push(...added);
  mentions.sort((a, b) => a.span[0] - b.span[0]);
}
