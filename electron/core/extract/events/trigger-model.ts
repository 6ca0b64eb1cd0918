/**
 * Which words name a happening: a logistic model over each word's features (its form, lemma, lexicon
 * tag, suffix and neighbours), trained on TimeBank's EVENT tags (`npm run train -- events`; the model
 * card is resources/models/event-triggers.md). The features are computed here for both training and
 * extraction, so the two cannot drift apart.
 */
import { loadModel } from '../models/container';
import type { Word } from './words';

/** The shipped model's file name under resources/models. */
export const TRIGGER_MODEL_FILE = 'event-triggers.bin';

const DETERMINERS = new Set(
  'the a an this that these those his her its their our my your whose every each any some no another'.split(
    ' ',
  ),
);
const AUXILIARIES = new Set(
  'be is are was were been being am has have had having do does did will would shall should can could may might must'.split(
    ' ',
  ),
);
const PREPOSITIONS = new Set(
  'of in on at for with by from to into after before during since until over under against about following amid'.split(
    ' ',
  ),
);
const PRONOUNS = new Set('he she they we i you it who which that'.split(' '));

/** The coarse class of a neighbouring word. */
function wordClass(word: Word | undefined): string {
  if (word === undefined) return 'edge';
  if (word.punct) return word.text === ',' ? 'comma' : 'punct';
  if (word.lower === 'to') return 'to';
  if (DETERMINERS.has(word.lower)) return 'det';
  if (AUXILIARIES.has(word.lower)) return 'aux';
  if (PREPOSITIONS.has(word.lower)) return 'prep';
  if (PRONOUNS.has(word.lower)) return 'pron';
  if (/^\d/.test(word.text)) return 'num';
  return word.capitalized ? 'cap' : 'word';
}

function shape(words: readonly Word[], i: number): string {
  const word = words[i]!;
  if (/^\d/.test(word.text)) return 'num';
  if (!word.capitalized) return 'lower';
  const first = i === 0 || words[i - 1]!.punct;
  return first ? 'first' : word.text === word.text.toUpperCase() ? 'caps' : 'cap';
}

/** The features of word `i` of a sentence's words (see the module comment). */
export function triggerFeatures(words: readonly Word[], i: number): string[] {
  const word = words[i]!;
  const prev = words[i - 1];
  const prev2 = words[i - 2];
  const next = words[i + 1];
  const prevClass = wordClass(prev);
  return [
    'bias',
    `w:${word.lower}`,
    `l:${word.lemma}`,
    `t:${word.tag || '-'}`,
    `s:${word.lower.slice(-3)}`,
    `h:${shape(words, i)}`,
    `p:${prev?.lower ?? '<s>'}`,
    `n:${next?.lower ?? '</s>'}`,
    `pt:${prev?.tag || '-'}`,
    `nt:${next?.tag || '-'}`,
    `pc:${prevClass}`,
    `nc:${wordClass(next)}`,
    `p2c:${wordClass(prev2)}`,
    `lp:${word.lemma}|${prevClass}`,
    `tp:${word.tag || '-'}|${prevClass}`,
  ];
}

/** A trained trigger model: feature weights and the probability above which a word is a trigger. */
export interface TriggerModel {
  weights: ReadonlyMap<string, number>;
  threshold: number;
}

/** The model's probability that word `i` names a happening. */
export function triggerProbability(model: TriggerModel, words: readonly Word[], i: number): number {
  let z = 0;
  for (const feature of triggerFeatures(words, i)) z += model.weights.get(feature) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

let shipped: TriggerModel | undefined;

/** The shipped model (resources/models/event-triggers.bin), loaded once. */
export function triggerModel(): TriggerModel {
  if (shipped !== undefined) return shipped;
  const data = loadModel(TRIGGER_MODEL_FILE);
  const meta = data.meta as { features: string[]; threshold: number };
  const values = data.arrays.weights as Float32Array;
  const weights = new Map<string, number>();
  meta.features.forEach((feature, i) => weights.set(feature, values[i] ?? 0));
  shipped = { weights, threshold: meta.threshold };
  return shipped;
}
