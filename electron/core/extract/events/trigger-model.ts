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
/** Forms of be, have and do, and the modals. */
export const AUXILIARIES = new Set(
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

/**
 * A model's weights by template, so that scoring a word builds no feature strings: `lp` and `tp` by
 * lemma or tag, then by the previous word's class; the others by value. `own` caches, per lower-cased
 * word, the sum of the features that read the word alone (bias, w, l, t, s), which is the sum's start.
 */
interface Templates {
  byValue: Map<string, Map<string, number>>;
  own: Map<string, OwnWeights>;
  /** The tables of the templates read at every word, looked up once. */
  h: Map<string, number>;
  p: Map<string, number>;
  n: Map<string, number>;
  pt: Map<string, number>;
  nt: Map<string, number>;
  pc: Map<string, number>;
  nc: Map<string, number>;
  p2c: Map<string, number>;
  lp: Map<string, Map<string, number>>;
  tp: Map<string, Map<string, number>>;
}

const templates = new WeakMap<TriggerModel, Templates>();
const OWN_CACHE_LIMIT = 100_000;

/** The model {@link templatesOf} answered for last, and its tables (one model is scored word after word). */
let lastModel: TriggerModel | undefined;
let lastTemplates: Templates | undefined;

function templatesOf(model: TriggerModel): Templates {
  if (model === lastModel && lastTemplates !== undefined) return lastTemplates;
  let found = templates.get(model);
  if (found !== undefined) {
    lastModel = model;
    lastTemplates = found;
    return found;
  }
  const byValue = new Map<string, Map<string, number>>();
  const byPair = new Map<string, Map<string, Map<string, number>>>();
  for (const [feature, weight] of model.weights) {
    const colon = feature.indexOf(':');
    const template = colon < 0 ? feature : feature.slice(0, colon);
    const value = colon < 0 ? '' : feature.slice(colon + 1);
    if (template === 'lp' || template === 'tp') {
      const bar = value.lastIndexOf('|');
      let byFirst = byPair.get(template);
      if (byFirst === undefined) byPair.set(template, (byFirst = new Map()));
      const first = value.slice(0, bar);
      let bySecond = byFirst.get(first);
      if (bySecond === undefined) byFirst.set(first, (bySecond = new Map()));
      bySecond.set(value.slice(bar + 1), weight);
    } else {
      let values = byValue.get(template);
      if (values === undefined) byValue.set(template, (values = new Map()));
      values.set(value, weight);
    }
  }
  const of = (template: string): Map<string, number> => byValue.get(template) ?? new Map();
  found = {
    byValue,
    own: new Map(),
    h: of('h'),
    p: of('p'),
    n: of('n'),
    pt: of('pt'),
    nt: of('nt'),
    pc: of('pc'),
    nc: of('nc'),
    p2c: of('p2c'),
    lp: byPair.get('lp') ?? new Map(),
    tp: byPair.get('tp') ?? new Map(),
  };
  templates.set(model, found);
  lastModel = model;
  lastTemplates = found;
  return found;
}

/**
 * The model's probability that word `i` names a happening: the logistic of the summed weights of its
 * {@link triggerFeatures}, added in the same order (so the same number to the last bit), looked up by
 * template and value instead of by feature string.
 */
export function triggerProbability(model: TriggerModel, words: readonly Word[], i: number): number {
  const t = templatesOf(model);
  const word = words[i]!;
  const prev = words[i - 1];
  const next = words[i + 1];
  const prevClass = wordClass(prev);
  const tag = word.tag || '-';
  const own = ownOf(model, t, word);
  let z = own.z;
  z += t.h.get(shape(words, i)) ?? 0;
  z += prev === undefined ? (t.p.get('<s>') ?? 0) : ownOf(model, t, prev).asPrevious;
  z += next === undefined ? (t.n.get('</s>') ?? 0) : ownOf(model, t, next).asNext;
  z += t.pt.get(prev?.tag || '-') ?? 0;
  z += t.nt.get(next?.tag || '-') ?? 0;
  z += t.pc.get(prevClass) ?? 0;
  z += t.nc.get(wordClass(next)) ?? 0;
  z += t.p2c.get(wordClass(words[i - 2])) ?? 0;
  z += own.lemmaAfter?.get(prevClass) ?? 0;
  z += t.tp.get(tag)?.get(prevClass) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * What the model's tables say of a word wherever it stands, kept per lower-cased word (its lemma and
 * tag follow from it): the sum of the features that read the word alone (bias, w, l, t, s), its weight
 * as the previous and as the next word, and its lemma's weights after each class of word.
 */
interface OwnWeights {
  z: number;
  asPrevious: number;
  asNext: number;
  lemmaAfter: Map<string, number> | undefined;
}

function ownOf(model: TriggerModel, t: Templates, word: Word): OwnWeights {
  const found = t.own.get(word.lower);
  if (found !== undefined) return found;
  const v = (template: string, value: string): number => t.byValue.get(template)?.get(value) ?? 0;
  let z = 0;
  z += model.weights.get('bias') ?? 0;
  z += v('w', word.lower);
  z += v('l', word.lemma);
  z += v('t', word.tag || '-');
  z += v('s', word.lower.slice(-3));
  const weights: OwnWeights = {
    z,
    asPrevious: t.p.get(word.lower) ?? 0,
    asNext: t.n.get(word.lower) ?? 0,
    lemmaAfter: t.lp.get(word.lemma),
  };
  if (t.own.size >= OWN_CACHE_LIMIT) t.own.clear();
  t.own.set(word.lower, weights);
  return weights;
}

/** The same probability from the feature strings themselves: the reference {@link triggerProbability} keeps to. */
export function triggerProbabilityOfFeatures(model: TriggerModel, words: readonly Word[], i: number): number {
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
