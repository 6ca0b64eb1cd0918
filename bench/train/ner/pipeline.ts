/**
 * From CoNLL documents to a model: features for every training sentence (features.ts, as extraction
 * computes them), the feature vocabulary (keys seen at least `minCount` times), the perceptron, then
 * pruning and int16 quantisation into the arrays of a model file.
 */
import { LABEL_COUNT, LABELS } from '../../../electron/core/extract/ner/decode';
import {
  documentContext,
  FeatureBuffer,
  type NerLexicons,
  sentenceFeatures,
} from '../../../electron/core/extract/ner/features';
import { KeyTable } from '../../../electron/core/extract/ner/hash';
import type { NerMeta } from '../../../electron/core/extract/ner/model';
import type { ModelData } from '../../../electron/core/extract/models/container';
import type { ConllDocument } from './conll';
import { random, trainPerceptron, type TrainingSentence } from './perceptron';

/** Settings chosen by cross-validation (see cv.ts). */
export interface NerSettings {
  epochs: number;
  /** A feature must occur this often in the training data to be kept. */
  minCount: number;
  /** Share of training documents added again in lower case (robustness to uncased text). */
  lowerCopies: number;
  /** Weights whose largest absolute value (over labels) is below this are dropped from the file. */
  prune: number;
}

interface Featurized {
  keys: Uint32Array;
  offsets: Uint32Array;
  labels: Int32Array;
}

function featurize(doc: ConllDocument, lex: NerLexicons, lower: boolean, buf: FeatureBuffer): Featurized[] {
  const sentences = doc.sentences.map((s) => (lower ? s.words.map((w) => w.toLowerCase()) : s.words));
  const context = documentContext(sentences);
  return sentences.map((words, i) => {
    sentenceFeatures(words, context, lex, buf);
    return {
      keys: buf.keys.slice(0, buf.length),
      offsets: buf.offsets.slice(0, buf.tokens + 1),
      labels: (doc.sentences[i] as { labels: Int32Array }).labels,
    };
  });
}

/**
 * Trains a model on `docs`. `trainingLexicons(d)` gives the tables document d's features are computed
 * with (a gazetteer without d's own fold, so the model does not learn to trust a gazetteer that always
 * knows the answer); `lexicons` are the tables the model ships with.
 */
export function trainNer(
  docs: readonly ConllDocument[],
  trainingLexicons: (doc: number) => NerLexicons,
  lexicons: NerLexicons,
  settings: NerSettings,
  seed: number,
  log: (line: string) => void = () => {},
): ModelData {
  const buf = new FeatureBuffer();
  const next = random(seed ^ 0x5eed);
  const featurized: Featurized[] = [];
  docs.forEach((doc, d) => {
    const lex = trainingLexicons(d);
    featurized.push(...featurize(doc, lex, false, buf));
    if (next() < settings.lowerCopies) featurized.push(...featurize(doc, lex, true, buf));
  });
  const counts = new Map<number, number>();
  for (const s of featurized) for (const key of s.keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  for (const [key, count] of counts) if (count >= settings.minCount) rowOf.set(key, rowOf.size);
  const sentences: TrainingSentence[] = featurized.map((s) => {
    const rows: number[] = [];
    const offsets = new Uint32Array(s.offsets.length);
    for (let t = 0; t + 1 < s.offsets.length; t++) {
      for (let f = s.offsets[t] as number; f < (s.offsets[t + 1] as number); f++) {
        const row = rowOf.get(s.keys[f] as number);
        if (row !== undefined) rows.push(row);
      }
      offsets[t + 1] = rows.length;
    }
    return { rows: Int32Array.from(rows), offsets, labels: s.labels };
  });
  log(`${sentences.length} sentences, ${rowOf.size} features (of ${counts.size} seen)`);
  const trained = trainPerceptron(sentences, rowOf.size, { epochs: settings.epochs, seed, log });
  return toModelData(rowOf, trained.weights, trained.transitions, lexicons, settings.prune);
}

function toModelData(
  rowOf: Map<number, number>,
  weights: Float64Array,
  transitions: Float64Array,
  lexicons: NerLexicons,
  prune: number,
): ModelData {
  const L = LABEL_COUNT;
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs / 32767 || 1;
  const kept: Array<[number, number]> = [];
  const keys = [...rowOf.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const row = rowOf.get(key) as number;
    let biggest = 0;
    for (let y = 0; y < L; y++) biggest = Math.max(biggest, Math.abs(weights[row * L + y] as number));
    if (biggest >= prune && Math.round(biggest / scale) !== 0) kept.push([key, row]);
  }
  const quantised = new Int16Array(kept.length * L);
  kept.forEach(([, row], i) => {
    for (let y = 0; y < L; y++) quantised[i * L + y] = Math.round((weights[row * L + y] as number) / scale);
  });
  const table = KeyTable.build(kept.map(([key], i) => [key, i] as const));
  const meta: NerMeta = { labels: [...LABELS], scale, maxPhraseWords: lexicons.maxPhraseWords };
  return {
    name: 'ner',
    meta,
    arrays: {
      featureKeys: table.keys,
      featureRows: table.values,
      weights: quantised,
      transitions: Float32Array.from(transitions),
      wordKeys: lexicons.words.keys,
      wordValues: lexicons.words.values,
      gazetteerKeys: lexicons.gazetteer.keys,
      gazetteerValues: lexicons.gazetteer.values,
      clusterKeys: lexicons.clusters.keys,
      clusterValues: lexicons.clusters.values,
    },
  };
}
