/**
 * What two events are compared on to decide whether they are one happening: the kind of happening,
 * who took part, where, when, and how alike the articles reporting them are. Training
 * (bench/train/event-matching.ts) and the library's matcher compute the features here, so the two cannot
 * drift apart; the weights are learned (resources/models/event-matching.md).
 */
import type { ArticleProfile } from './articles';
import { cosine, type Terms } from './terms';

/** An event as matching sees it: a new one from an article, or one in the library. */
export interface EventSignature {
  kind: string;
  lemmas: readonly string[];
  /** Entity ids of people and organisations who acted or were acted on. */
  actors: readonly string[];
  /** Entity ids of everyone taking part (actors and others). */
  participants: readonly string[];
  /** Entity ids of places. */
  places: readonly string[];
  /** First and last day its date covers, or null when undated. */
  range: { start: string; end: string } | null;
  /** Whether the date was only the article's month (undated in the text). */
  articleDate: boolean;
  /** The words of the articles reporting it (for a new event: its article's). */
  terms: Terms;
  /** For a library event: the words of each (recent) article reporting it. */
  sourceTerms?: readonly Terms[];
  /** The people its article names most (entity ids); for a library event, per (recent) article. */
  articlePeople?: readonly string[];
  sourcePeople?: readonly (readonly string[])[];
  /** 0..1: how central it is to its article(s). */
  salience: number;
  /** The main event of its article (of one of its articles). */
  main: boolean;
  /** For a new event: what its article is compared on (see ./articles). */
  article?: ArticleProfile;
}

/** Names of the features, in the model's order. */
export const FEATURES = [
  'bias',
  'sameKind',
  'lemmaOverlap',
  'sharedParticipants',
  'participantOverlap',
  'actorClash',
  'noParticipants',
  'sharedPlace',
  'placeClash',
  'dateOverlap',
  'dateClash',
  'dateNear',
  'undated',
  'articleDateOnly',
  'similarity',
  'similaritySquared',
  'similarityKind',
  'similarityPeople',
  'salience',
  'sharedLemma',
  'bothSalient',
  'similarityHigh',
  'similaritySalient',
  'bothMain',
  'similarityMain',
  'similarityMax',
  'similarityMin',
  'articlePeopleShared',
  'articlePeopleClash',
  'participantClash',
] as const;

/** One value per {@link FEATURES} entry. */
export type FeatureVector = Float64Array;

const DAY = 864e5;

export function overlapCount(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let n = 0;
  for (const x of new Set(b)) if (set.has(x)) n++;
  return n;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const shared = overlapCount(a, b);
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : shared / union;
}

function gapDays(a: { start: string; end: string }, b: { start: string; end: string }): number {
  if (a.end < b.start) return (Date.parse(b.start) - Date.parse(a.end)) / DAY;
  if (b.end < a.start) return (Date.parse(a.start) - Date.parse(b.end)) / DAY;
  return 0;
}

/**
 * How alike the articles of two events are: mean, highest and lowest cosine of `a`'s article words with
 * each article of `b` (with the words of all of `b`'s articles when they are not known one by one).
 */
export function articleSimilarity(
  a: EventSignature,
  b: EventSignature,
): { mean: number; max: number; min: number } {
  const each = b.sourceTerms !== undefined && b.sourceTerms.length > 0 ? b.sourceTerms : [b.terms];
  const values = each.map((terms) => cosine(a.terms, terms));
  return {
    mean: values.reduce((x, y) => x + y, 0) / values.length,
    max: Math.max(...values),
    min: Math.min(...values),
  };
}

/**
 * Whether the articles name the same main people: the share of `b`'s articles sharing one of `a`'s
 * article's top people, and the share naming other people only (two stories of the same kind with
 * different protagonists).
 */
function articlePeople(
  a: EventSignature,
  b: EventSignature,
): { articlePeopleShared: number; articlePeopleClash: number } {
  const mine = a.articlePeople ?? [];
  const theirs = b.sourcePeople ?? [];
  if (mine.length === 0 || theirs.length === 0) return { articlePeopleShared: 0, articlePeopleClash: 0 };
  let shared = 0;
  let clash = 0;
  for (const people of theirs) {
    if (people.length === 0) continue;
    if (overlapCount(mine, people) > 0) shared++;
    else clash++;
  }
  return { articlePeopleShared: shared / theirs.length, articlePeopleClash: clash / theirs.length };
}

/** The features of a new event `a` against a library event `b`. */
export function pairFeatures(a: EventSignature, b: EventSignature): FeatureVector {
  const alike = articleSimilarity(a, b);
  const similarity = alike.mean;
  const sameKind = a.kind === b.kind ? 1 : 0;
  const shared = overlapCount(a.participants, b.participants);
  const actorClash =
    a.actors.length > 0 && b.actors.length > 0 && overlapCount(a.actors, b.actors) === 0 ? 1 : 0;
  const sharedPlace = overlapCount(a.places, b.places) > 0 ? 1 : 0;
  const placeClash = a.places.length > 0 && b.places.length > 0 && sharedPlace === 0 ? 1 : 0;
  const bothDated = a.range !== null && b.range !== null;
  const gap = bothDated ? gapDays(a.range!, b.range!) : 0;
  const values: Record<(typeof FEATURES)[number], number> = {
    bias: 1,
    sameKind,
    lemmaOverlap: jaccard(a.lemmas, b.lemmas),
    sharedParticipants: Math.min(3, shared) / 3,
    participantOverlap: jaccard(a.participants, b.participants),
    actorClash,
    noParticipants: a.participants.length === 0 || b.participants.length === 0 ? 1 : 0,
    sharedPlace,
    placeClash,
    dateOverlap: bothDated && gap === 0 ? 1 : 0,
    dateClash: bothDated && gap > 0 ? 1 : 0,
    dateNear: bothDated ? Math.exp(-gap / 30) : 0,
    undated: bothDated ? 0 : 1,
    articleDateOnly: a.articleDate || b.articleDate ? 1 : 0,
    similarity,
    similaritySquared: similarity * similarity,
    similarityKind: similarity * sameKind,
    similarityPeople: similarity * (shared > 0 ? 1 : 0),
    salience: Math.sqrt(a.salience * b.salience),
    sharedLemma: overlapCount(a.lemmas, b.lemmas) > 0 ? 1 : 0,
    bothSalient: Math.min(a.salience, b.salience) >= 0.6 ? 1 : 0,
    similarityHigh: similarity >= 0.3 ? 1 : 0,
    similaritySalient: similarity * Math.min(a.salience, b.salience),
    bothMain: a.main && b.main ? 1 : 0,
    similarityMain: a.main && b.main ? similarity : 0,
    similarityMax: alike.max,
    similarityMin: alike.min,
    ...articlePeople(a, b),
    // Both name who took part and no one in common (actors alone miss meetings, where no one is the agent).
    participantClash: a.participants.length > 0 && b.participants.length > 0 && shared === 0 ? 1 : 0,
  };
  return Float64Array.from(FEATURES.map((name) => values[name]));
}

/** The model's probability that the pair is one happening. */
export function matchProbability(weights: ArrayLike<number>, features: FeatureVector): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += (weights[i] ?? 0) * features[i]!;
  return 1 / (1 + Math.exp(-z));
}
