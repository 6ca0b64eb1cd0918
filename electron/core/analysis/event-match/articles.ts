/**
 * Do two articles report the same happening? ECB+ shows what makes this hard: each of its topics holds
 * two happenings of the same kind (two earthquakes on one island, two boxing title defences by one
 * champion), so word overlap alone links articles of the other one. Besides how alike their words are,
 * two articles are compared on whom and what they name (and whom one names often that the other never
 * does: the other boxer), when they were published, which years, months and weekdays they mention and
 * which other numbers they write (the magnitude, the toll, the ages: two reports of one happening repeat
 * them). The weights are learned with the event-matching model (resources/models/event-matching.md); an
 * article's main event joins the event of the articles it matches.
 */
import { nameKey } from '../../extract/tokens';
import { cosine, type Terms } from './terms';

/** What an article is compared on (stored per source in `source_profiles`). */
export interface ArticleProfile {
  terms: Terms;
  /** The people it names most (entity ids, most first). */
  people: readonly string[];
  /** How often it names each person, organisation and place (entity id -> mentions), most first. */
  entities: ReadonlyMap<string, number>;
  /** Years it mentions (four digits). */
  years: readonly string[];
  /**
   * Other numbers it writes in figures, two digits or more ("85", "6.1", "1,200"): a magnitude, a toll,
   * an age, a sum. Two reports of one happening repeat them; two earthquakes on one island do not.
   * A profile stored before schema 14 gets them from its article's text when first compared.
   */
  numbers?: readonly string[];
  /**
   * The weekdays and months it names ("sunday", "march"), lower-case, sorted: two reports of one
   * happening tell its day. A profile stored before schema 14 gets them from its article's text when
   * first compared.
   */
  days?: readonly string[];
  /** Its publication date (YYYY-MM-DD), or null when unknown. */
  published: string | null;
  /**
   * The surname of the person it names most ({@link leadKey}), or null when it names nobody twice.
   * Compared by surname, not entity id: "W. Mark Felt" and "Mark Felt" may be two people in the
   * library, yet lead the same story ("Mark Felt dies"), which "Fred LaRue dies" does not.
   */
  lead?: string | null;
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** The key of a person's surname ("W. Mark Felt Jr." -> "felt"), or null for an empty name. */
export function leadKey(name: string | null | undefined): string | null {
  const words = (name ?? '').split(/[\s,]+/).filter((w) => w !== '' && !SUFFIX.test(w));
  const last = words[words.length - 1];
  return last === undefined ? null : nameKey(last);
}

/** Names of the article-pair features, in the model's order. */
export const ARTICLE_FEATURES = [
  'bias',
  'similarity',
  'similaritySquared',
  'peopleShared',
  'peopleClash',
  'publishedClose',
  'publishedFar',
  'yearShared',
  'yearClash',
  'entitySimilarity',
  'salientMissing',
  'leadSame',
  'leadDiffer',
  'numbersShared',
  'numbersNone',
  'weekdayShared',
  'weekdayClash',
  'monthShared',
  'monthClash',
] as const;

/** Entities kept per article profile. */
export const PROFILE_ENTITIES = 30;
/** Named at least this often, an entity is one the article is about (its absence elsewhere counts). */
const SALIENT_MENTIONS = 2;
/** Salient entities compared per article. */
const SALIENT = 5;
const DAY = 864e5;

/** The years (1900-2099) a text mentions, sorted. */
export function yearsOf(text: string): string[] {
  return [...new Set(text.match(/(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])/gu) ?? [])].sort();
}

/** Numbers kept per article profile (the first written). */
const PROFILE_NUMBERS = 60;
/**
 * Articles writing at least this many numbers each and none in common clash on them. 2 / 3 / 5 gave
 * B-cubed 0.917 / 0.924 / 0.924 in 5-fold cross-validation on the ECB+ training topics (2026-12-07).
 */
const NUMBERS_COMPARED = 3;

/**
 * The numbers a text writes in figures other than years (1900-2099), single digits and those of web
 * addresses, thousands separators removed ("1,200" -> "1200"), distinct, in the order first written.
 */
export function numbersOf(text: string): string[] {
  const found = new Set<string>();
  // A web address's digits (an article's id, its date's month) are no figures the article writes.
  const prose = text.replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ');
  for (const match of prose.matchAll(/(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)*(?![\p{L}\p{N}])/gu)) {
    const number = match[0].replace(/,(?=\d{3}(?!\d))/g, '');
    if (number.length < 2 || /^(?:19|20)\d\d$/.test(number)) continue;
    found.add(number);
  }
  return [...found];
}

/** The numbers of a profile: at most {@link PROFILE_NUMBERS}, the first written. */
export function profileNumbers(numbers: Iterable<string>): string[] {
  return [...numbers].slice(0, PROFILE_NUMBERS);
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** The months as {@link daysOf} writes them, January first. */
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAY_NAME = new RegExp(`(?<![\\p{L}])(?:${[...WEEKDAYS, ...MONTHS].join('|')})(?![\\p{L}])`, 'giu');

/** Words before "May" that make it the month ("in May", "since May", "late May"). */
const BEFORE_MAY =
  /(?:^|[^\p{L}])(?:in|on|of|since|until|till|by|from|to|early|late|mid|last|next|this|through)[\s-]+$/iu;

/**
 * The weekdays and months a text names with a capital ("Sunday", "MARCH"; not the verb "march"),
 * lower-case, distinct, sorted. "May" counts only as a date writes it ("May 5", "May 2019", "in May"):
 * "Theresa May" and "May I ask" are no month.
 */
export function daysOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(DAY_NAME)) {
    const word = match[0];
    if (!/^\p{Lu}/u.test(word)) continue;
    if (word.toLowerCase() === 'may') {
      const at = match.index ?? 0;
      const after = text.slice(at + word.length, at + word.length + 6);
      const before = text.slice(Math.max(0, at - 12), at);
      if (!/^\s+\d/.test(after) && !BEFORE_MAY.test(before)) continue;
    }
    found.add(word.toLowerCase());
  }
  return [...found].sort();
}

/** Whether two lists of day names share one of `names` (1), name such days but none in common (-1), or not (0). */
function dayAgreement(a: readonly string[], b: readonly string[], names: readonly string[]): number {
  const ours = a.filter((d) => names.includes(d));
  const theirs = b.filter((d) => names.includes(d));
  if (ours.length === 0 || theirs.length === 0) return 0;
  return ours.some((d) => theirs.includes(d)) ? 1 : -1;
}

/** Share of the numbers of the article writing fewer that the other writes too. */
function numbersShared(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const other = new Set(large);
  return small.filter((n) => other.has(n)).length / small.length;
}

/** The `keep` most named entities (ties in the order given), as a profile stores them. */
export function topEntities(
  counts: ReadonlyMap<string, number>,
  keep = PROFILE_ENTITIES,
): Map<string, number> {
  return new Map([...counts].sort((a, b) => b[1] - a[1]).slice(0, keep));
}

function shares(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}

function entityCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [id, n] of a) {
    na += n * n;
    dot += n * (b.get(id) ?? 0);
  }
  for (const n of b.values()) nb += n * n;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Share of the entities `a` names often that `b` never names. */
function missing(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const salient = [...a].filter(([, n]) => n >= SALIENT_MENTIONS).slice(0, SALIENT);
  if (salient.length === 0) return 0;
  return salient.filter(([id]) => !b.has(id)).length / salient.length;
}

/** The features of two articles (symmetric). */
export function articleFeatures(a: ArticleProfile, b: ArticleProfile): Float64Array {
  const similarity = cosine(a.terms, b.terms);
  const gap =
    a.published === null || b.published === null
      ? null
      : Math.abs(Date.parse(a.published.slice(0, 10)) - Date.parse(b.published.slice(0, 10))) / DAY;
  const sharedNumbers = numbersShared(a.numbers ?? [], b.numbers ?? []);
  const weekday = dayAgreement(a.days ?? [], b.days ?? [], WEEKDAYS);
  const month = dayAgreement(a.days ?? [], b.days ?? [], MONTHS);
  const values: Record<(typeof ARTICLE_FEATURES)[number], number> = {
    bias: 1,
    similarity,
    similaritySquared: similarity * similarity,
    peopleShared: shares(a.people, b.people) ? 1 : 0,
    peopleClash: a.people.length > 0 && b.people.length > 0 && !shares(a.people, b.people) ? 1 : 0,
    publishedClose: gap !== null && gap <= 30 ? 1 : 0,
    publishedFar: gap !== null && gap > 180 ? 1 : 0,
    yearShared: shares(a.years, b.years) ? 1 : 0,
    yearClash: a.years.length > 0 && b.years.length > 0 && !shares(a.years, b.years) ? 1 : 0,
    entitySimilarity: entityCosine(a.entities, b.entities),
    salientMissing: (missing(a.entities, b.entities) + missing(b.entities, a.entities)) / 2,
    leadSame: a.lead != null && a.lead === b.lead ? 1 : 0,
    leadDiffer: a.lead != null && b.lead != null && a.lead !== b.lead ? 1 : 0,
    numbersShared: sharedNumbers,
    numbersNone:
      (a.numbers?.length ?? 0) >= NUMBERS_COMPARED &&
      (b.numbers?.length ?? 0) >= NUMBERS_COMPARED &&
      sharedNumbers === 0
        ? 1
        : 0,
    weekdayShared: weekday === 1 ? 1 : 0,
    weekdayClash: weekday === -1 ? 1 : 0,
    monthShared: month === 1 ? 1 : 0,
    monthClash: month === -1 ? 1 : 0,
  };
  return Float64Array.from(ARTICLE_FEATURES.map((name) => values[name]));
}

/** The article model's probability that two articles report one happening. */
export function articleProbability(weights: ArrayLike<number>, a: ArticleProfile, b: ArticleProfile): number {
  const features = articleFeatures(a, b);
  let z = 0;
  for (let i = 0; i < features.length; i++) z += (weights[i] ?? 0) * features[i]!;
  return 1 / (1 + Math.exp(-z));
}
