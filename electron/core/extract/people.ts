/**
 * People: the tagger's PER spans, merged within the article so that "Russian President Vladimir Putin",
 * "President Vladimir Putin" and a later bare "Putin" are one person. A mention joins a person only on
 * evidence: the same full name, a short form of the same given name ("Josh" / "Joshua"), or a bare
 * surname whose title fits ("President Obama" does not join "First Lady Michelle Obama"), or a bare
 * family name written first that opens one person's name only ("Xi" after "Xi Jinping"), or a bare
 * given name of one person only ("Hillary" after "Hillary Clinton"). A name that alone fills a
 * quotation ("Mary Poppins" in marks) is the title of a work, not a person.
 */
import { TITLES } from './lexicon';
import { sameGivenName } from './nicknames';
import type { SocialByline } from './social';
import { SpanIndex } from './text';
import { NAME_PARTICLES, nameKey, type Token } from './tokens';
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

/** A person and what the article says about them. */
export interface Person {
  name: string;
  aliases: string[];
  /** Key of the surname, under which bare surnames and transliterations meet. */
  surnameKey: string;
  firstKey: string | null;
  gender: 'male' | 'female' | 'unknown';
  /** Lower-case title words seen before the name ("president", "chief"), for "the president". */
  titles: Set<string>;
  /** How many times the article names them. */
  mentionCount: number;
  /** Their place among the article's people by mentions: 0 for the most named (ties share a place). */
  salience: number;
}

/** The people of one article and every mention of them, in text order. */
export interface PeopleIndex {
  people: Person[];
  mentions: PersonMention[];
}

/** What people-finding needs besides the text. */
export interface PeopleInput {
  /** The tagger's person spans, in text order. */
  personSpans: readonly Span[];
  /** Every other entity span (places, organisations, other names): "NATO" in "NATO chief Mark Rutte". */
  otherSpans: readonly Span[];
  /** Quotations (marks excluded): a name that fills one is a title. */
  quoted: readonly Span[];
  bylines: readonly SocialByline[];
  /** Gender of a given name, from the word lists. */
  genderOf(given: string): 'male' | 'female' | 'unknown';
}

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess']);
/** Titles that only say how to address someone, not what they are. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'dr']);
/** Title words that qualify another title and say nothing alone ("former", "deputy"). */
const MODIFIERS = new Set(
  'former first state home foreign defence defense finance interior deputy vice majority minority'.split(' '),
);

/**
 * Common Chinese, Korean and Vietnamese family names as English news writes them. Such a name comes
 * first ("Xi Jinping", "Kim Jong Un", "Nguyen Phu Trong"), so a later bare "Xi" or "Kim" is the
 * family name of the person first named so, as "Putin" is of "Vladimir Putin".
 */
const FAMILY_NAME_FIRST = new Set(
  (
    'xi li wang zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin gao luo zheng liang song ' +
    'tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang du cheng wei lu ding shen yao fan ' +
    'zhong wen mao hua qin bo kim lee park choi jung chung kang cho yoon yun jang lim moon shin ahn ' +
    'nguyen tran pham hoang phan vo dang bui ngo duong'
  ).split(' '),
);

/**
 * The key of a surname: an Arabic article joined to it left out, so "al-Baghdadi" and a later bare
 * "Baghdadi", "el-Sisi" and "Sisi" meet.
 */
function surnameKeyOf(word: string): string {
  return nameKey(word.replace(/^(?:al|el|ad|an|ar|as|ash|at|az)[-‐](?=\p{Lu})/u, ''));
}

const bare = (word: string): string => word.toLowerCase().replace(/\.$/, '');
const isTitleWord = (word: string): boolean => TITLES.has(word.toLowerCase()) || TITLES.has(bare(word));

/** Gender implied by titles ("Mr", "Mrs"), if any. */
function titleGender(titles: Iterable<string>): 'male' | 'female' | null {
  for (const t of titles) {
    if (MALE_TITLES.has(t)) return 'male';
    if (FEMALE_TITLES.has(t)) return 'female';
  }
  return null;
}

/** Titles that say what someone is ("president", "first lady"; not "Mr", not "former"). */
function roles(titles: Iterable<string>): string[] {
  return [...titles].filter((t) => !MODIFIERS.has(t) && !HONORIFICS.has(t));
}

/**
 * Whether a mention with `titles` (and a given name of `gender`) may be `person`: no gender against it,
 * and a role the person had, or no role on one side. A full name joining a person known by a titled
 * surname only must share the role: "President Obama" then "Michelle Obama" are two people.
 */
function fits(
  person: Person,
  titles: Set<string>,
  gender: 'male' | 'female' | 'unknown' | null,
  fullName: boolean,
): boolean {
  const ours = gender === null || gender === 'unknown' ? titleGender(titles) : gender;
  if (ours !== null && person.gender !== 'unknown' && person.gender !== ours) return false;
  const theirRoles = roles(person.titles);
  const ourRoles = roles(titles);
  if (ourRoles.some((t) => person.titles.has(t)) || theirRoles.length === 0) return true;
  return !fullName && ourRoles.length === 0;
}

/** Walks left over titles and the entity word before a title ("NATO chief", "Russian President"). */
function aliasStartOf(
  text: string,
  tokens: readonly Token[],
  first: number,
  titles: Set<string>,
  others: SpanIndex,
): number {
  let start = first;
  for (let idx = first - 1; idx >= 0; idx--) {
    const token = tokens[idx] as Token;
    const right = tokens[idx + 1] as Token;
    if (text.slice(token.end, right.start) !== ' ' || token.possessive) break;
    const before = tokens[idx - 1];
    const beforeJoined = before !== undefined && text.slice(before.end, token.start) === ' ';
    if (isTitleWord(token.text) && (token.capitalized || (beforeJoined && before.capitalized))) {
      titles.add(bare(token.text));
      start = idx;
      continue;
    }
    if (start < first && token.capitalized && (token.allCaps || others.overlapsAny(token.start, token.end)))
      start = idx;
    break;
  }
  return (tokens[start] as Token).start;
}

/** Index of the first token ending after `offset` (tokens are in text order). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Finds the people of an article. `tokens` is {@link tokenize}(text). */
export function findPeople(text: string, tokens: readonly Token[], input: PeopleInput): PeopleIndex {
  const people: Person[] = [];
  const mentions: PersonMention[] = [];
  const lastBySurname = new Map<string, number>();
  const addAlias = (person: Person, alias: string): void => {
    if (!person.aliases.includes(alias)) person.aliases.push(alias);
  };
  const ownerOf = (surnameKey: string, given: string | null, titles: Set<string>): number => {
    if (given !== null) {
      const givenKey = nameKey(given);
      const gender = input.genderOf(given);
      return people.findIndex(
        (p) =>
          p.surnameKey === surnameKey &&
          (p.firstKey === null ? fits(p, titles, gender, true) : sameGivenName(p.firstKey, givenKey)),
      );
    }
    // A bare surname: the person last named with it, if the title fits, else another who fits.
    const last = lastBySurname.get(surnameKey);
    if (last !== undefined && fits(people[last] as Person, titles, null, false)) return last;
    for (let i = people.length - 1; i >= 0; i--) {
      const p = people[i] as Person;
      if (p.surnameKey === surnameKey && fits(p, titles, null, false)) return i;
    }
    // A family name written first ("Xi" after "Xi Jinping"): the one person whose name opens with it.
    if (!FAMILY_NAME_FIRST.has(surnameKey)) return -1;
    return onlyOne((p) => p.firstKey === surnameKey && fits(p, titles, null, false));
  };
  /** The index of the one person that passes `test`, or -1 when none or several do. */
  const onlyOne = (test: (p: Person) => boolean): number => {
    let found = -1;
    for (let i = 0; i < people.length; i++) {
      if (!test(people[i] as Person)) continue;
      if (found !== -1) return -1;
      found = i;
    }
    return found;
  };
  /**
   * "Xi Jinping" after a bare "Xi", "Hillary Clinton" after a bare "Hillary": the one person named so
   * far only by the full name's first word.
   */
  const namedOnlyBy = (given: string, titles: Set<string>): number => {
    const key = nameKey(given);
    return onlyOne((p) => p.surnameKey === key && p.firstKey === null && fits(p, titles, null, false));
  };
  /**
   * A bare given name ("Hillary" after "Hillary Clinton"): the one person of that given name, when the
   * word is a given name the word lists know and no one's surname.
   */
  const givenNameOwner = (word: string, titles: Set<string>): number => {
    const key = nameKey(word);
    if (input.genderOf(word) === 'unknown' || people.some((p) => p.surnameKey === key)) return -1;
    return onlyOne(
      (p) => p.firstKey !== null && sameGivenName(p.firstKey, key) && fits(p, titles, null, false),
    );
  };
  const register = (words: readonly string[], span: Span, aliasStart: number, titles: Set<string>): void => {
    const core = words.filter((w) => !SUFFIXES.has(w.toLowerCase()));
    const surnameKey = surnameKeyOf(core[core.length - 1] ?? words[0] ?? '');
    // "von der Leyen", "bin Salman": a particle first is a surname without its given name.
    const given = core.length > 1 && !NAME_PARTICLES.has(core[0] as string) ? (core[0] as string) : null;
    let index = ownerOf(surnameKey, given, titles);
    if (index === -1 && given !== null) {
      const family = FAMILY_NAME_FIRST.has(nameKey(given));
      if (family || input.genderOf(given) !== 'unknown') index = namedOnlyBy(given, titles);
      // Known so far by the given name alone: the surname is the one bare surnames will now meet.
      if (index !== -1 && !family) (people[index] as Person).surnameKey = surnameKey;
    }
    if (index === -1 && given === null && core.length === 1)
      index = givenNameOwner(core[0] as string, titles);
    if (index === -1) {
      index = people.length;
      people.push({
        name: '',
        aliases: [],
        surnameKey,
        firstKey: null,
        gender: 'unknown',
        titles: new Set(),
        mentionCount: 0,
        salience: 0,
      });
    }
    const person = people[index] as Person;
    if (person.firstKey === null && given !== null) {
      person.firstKey = nameKey(given);
      person.gender = input.genderOf(given);
    }
    if (person.gender === 'unknown') person.gender = titleGender(titles) ?? 'unknown';
    const name = text.slice(span[0], span[1]);
    if (person.name === '' || name.split(' ').length > person.name.split(' ').length) person.name = name;
    for (const title of titles) person.titles.add(title);
    addAlias(person, text.slice(aliasStart, span[1]));
    addAlias(person, name);
    mentions.push({ span, aliasStart, person: index });
    lastBySurname.set(surnameKey, index);
  };

  const bylineSpans = new SpanIndex(
    input.bylines.flatMap((b) => [b.name, ...(b.nativeName === null ? [] : [b.nativeName])]),
  );
  const quoted = new Set(input.quoted.map(([a, b]) => `${a}:${b}`));
  const others = new SpanIndex(input.otherSpans);
  for (const [start, end] of input.personSpans) {
    if (bylineSpans.overlapsAny(start, end) || quoted.has(`${start}:${end}`)) continue;
    let first = tokenAt(tokens, start);
    let last = first;
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < end) last++;
    // A title the tagger took into the name ("President Kim") stays in the alias only.
    while (first < last && isTitleWord((tokens[first] as Token).text)) first++;
    const firstToken = tokens[first];
    const lastToken = tokens[last];
    if (firstToken === undefined || lastToken === undefined || firstToken.start >= end) continue;
    const titles = new Set<string>();
    const aliasStart = aliasStartOf(text, tokens, first, titles, others);
    const words = tokens.slice(first, last + 1).map((t) => t.text);
    register(words, [firstToken.start, Math.min(end, lastToken.end)], aliasStart, titles);
  }
  for (const byline of input.bylines) {
    const words = text.slice(byline.name[0], byline.name[1]).split(/\s+/);
    register(words, byline.name, byline.name[0], new Set());
    const person = people[(mentions[mentions.length - 1] as PersonMention).person] as Person;
    for (const extra of [byline.nativeName, byline.handle]) {
      if (extra === null) continue;
      addAlias(person, text.slice(extra[0], extra[1]));
      mentions.push({ span: extra, aliasStart: extra[0], person: people.indexOf(person) });
    }
  }
  mentions.sort((a, b) => a.span[0] - b.span[0]);
  propagateSurnames(text, tokens, people, mentions, others);
  countMentions(people, mentions);
  return { people, mentions };
}

/** Each person's mention count and place by it, counted once per article. */
function countMentions(people: Person[], mentions: readonly PersonMention[]): void {
  for (const m of mentions) (people[m.person] as Person).mentionCount++;
  const counts = [...new Set(people.map((p) => p.mentionCount))].sort((a, b) => b - a);
  const place = new Map(counts.map((c, i) => [c, i]));
  for (const p of people) p.salience = place.get(p.mentionCount) ?? 0;
}

/** Bare surnames ("Putin", "PUTIN") of people already named that the tagger left untagged. */
function propagateSurnames(
  text: string,
  tokens: readonly Token[],
  people: Person[],
  mentions: PersonMention[],
  others: SpanIndex,
): void {
  // A family name written first ("Xi" of "Xi Jinping") is looked for as a surname is, when it opens
  // one person's name only and is no one's surname.
  const opening = new Map<string, number>();
  for (const p of people)
    if (p.firstKey !== null) opening.set(p.firstKey, (opening.get(p.firstKey) ?? 0) + 1);
  const lastNames = new Set(people.map((p) => p.surnameKey));
  const keysOf = (p: Person): string[] =>
    p.firstKey !== null &&
    FAMILY_NAME_FIRST.has(p.firstKey) &&
    opening.get(p.firstKey) === 1 &&
    !lastNames.has(p.firstKey)
      ? [p.surnameKey, p.firstKey]
      : [p.surnameKey];
  const surnames = new Set(people.flatMap(keysOf));
  const taken = new SpanIndex(mentions.map((m) => m.span));
  const added: PersonMention[] = [];
  // The person each surname key was last named as, advanced with the tokens (mentions are in order).
  const lastNamed = new Map<string, number>();
  let passed = 0;
  for (const token of tokens) {
    if (!token.capitalized) continue;
    const key = surnameKeyOf(token.text);
    if (!surnames.has(key) || taken.overlapsAny(token.start, token.end)) continue;
    if (others.overlapsAny(token.start, token.end)) continue;
    for (; passed < mentions.length && (mentions[passed] as PersonMention).span[0] <= token.start; passed++) {
      const m = mentions[passed] as PersonMention;
      for (const k of keysOf(people[m.person] as Person)) lastNamed.set(k, m.person);
    }
    const person = lastNamed.get(key) ?? people.findIndex((p) => keysOf(p).includes(key));
    const owner = people[person] as Person;
    const alias = text.slice(token.start, token.end);
    if (!token.allCaps && !owner.aliases.includes(alias)) owner.aliases.push(alias);
    added.push({ span: [token.start, token.end], aliasStart: token.start, person });
  }
  mentions.push(...added);
  mentions.sort((a, b) => a.span[0] - b.span[0]);
}
