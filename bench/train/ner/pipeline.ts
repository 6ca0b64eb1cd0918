/**
 * From CoNLL documents to a model: features for every training sentence (features.ts, as extraction
 * computes them), the feature vocabulary (keys seen at least `minCount` times), the perceptron, then
 * pruning and int16 quantisation into the arrays of a model file. With two passes, the second pass is
 * trained on first-pass labels that a model trained without the document produced (jackknifing), so it
 * learns how far to trust them on text it has not seen.
 */
import { LABEL_COUNT, LABELS } from '../../../electron/core/extract/ner/decode';
import {
  documentContext,
  FeatureBuffer,
  type NerLexicons,
  sentenceFeatures,
  withFirstPass,
} from '../../../electron/core/extract/ner/features';
import { KeyTable } from '../../../electron/core/extract/ner/hash';
import { NerModel, type NerMeta, TaggerPass } from '../../../electron/core/extract/ner/model';
import type { ModelData } from '../../../electron/core/extract/models/container';
import type { ConllDocument } from './conll';
import { trainPerceptron, type TrainingSentence } from './perceptron';
import { random } from '../../../electron/core/testing/random';

/** Settings chosen by cross-validation (see folds.ts). */
export interface NerSettings {
  epochs: number;
  /** A feature must occur this often in the training data to be kept. */
  minCount: number;
  /** Share of training documents added again in lower case (robustness to uncased text). */
  lowerCopies: number;
  /** Weights whose largest absolute value (over labels) is below this are dropped from the file. */
  prune: number;
  /** Train the document-level second pass. */
  twoPass: boolean;
  /** Also train one pass on every document lower-cased, for text written without capitals. */
  lowerModel: boolean;
}

/** A training document as the passes see it: its words (maybe lower-cased) and gold labels. */
interface Entry {
  words: string[][];
  labels: Int32Array[];
  /** Index of the original document (its fold and its training lexicons). */
  doc: number;
}

/** One trained pass, quantised. */
interface TrainedPass {
  table: KeyTable;
  weights: Int16Array;
  scale: number;
  transitions: Float32Array;
}

function entriesOf(docs: readonly ConllDocument[], settings: NerSettings, seed: number): Entry[] {
  const next = random(seed ^ 0x5eed);
  const entries: Entry[] = [];
  docs.forEach((doc, d) => {
    const labels = doc.sentences.map((s) => s.labels);
    entries.push({ words: doc.sentences.map((s) => s.words), labels, doc: d });
    if (next() < settings.lowerCopies) {
      entries.push({ words: doc.sentences.map((s) => s.words.map((w) => w.toLowerCase())), labels, doc: d });
    }
  });
  return entries;
}

function trainPass(
  entries: readonly Entry[],
  lexFor: (doc: number) => NerLexicons,
  firstPass: ReadonlyArray<Int32Array[]> | null,
  settings: NerSettings,
  seed: number,
  log: (line: string) => void,
): TrainedPass {
  const buf = new FeatureBuffer();
  const featurized: Array<{ keys: Uint32Array; offsets: Uint32Array; labels: Int32Array }> = [];
  entries.forEach((entry, e) => {
    let doc = documentContext(entry.words);
    const previous = firstPass?.[e];
    if (previous !== undefined) doc = withFirstPass(doc, entry.words, previous);
    entry.words.forEach((words, s) => {
      sentenceFeatures(words, doc, lexFor(entry.doc), buf, previous?.[s]);
      featurized.push({
        keys: buf.keys.slice(0, buf.length),
        offsets: buf.offsets.slice(0, buf.tokens + 1),
        labels: entry.labels[s] as Int32Array,
      });
    });
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
  return quantise(rowOf, trained.weights, trained.transitions, settings.prune);
}

function quantise(
  rowOf: Map<number, number>,
  weights: Float64Array,
  transitions: Float64Array,
  prune: number,
): TrainedPass {
  const L = LABEL_COUNT;
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs / 32767 || 1;
  const kept: Array<[number, number]> = [];
  for (const key of [...rowOf.keys()].sort((a, b) => a - b)) {
    const row = rowOf.get(key) as number;
    let biggest = 0;
    for (let y = 0; y < L; y++) biggest = Math.max(biggest, Math.abs(weights[row * L + y] as number));
    if (biggest >= prune && Math.round(biggest / scale) !== 0) kept.push([key, row]);
  }
  const quantised = new Int16Array(kept.length * L);
  kept.forEach(([, row], i) => {
    for (let y = 0; y < L; y++) quantised[i * L + y] = Math.round((weights[row * L + y] as number) / scale);
  });
  return {
    table: KeyTable.build(kept.map(([key], i) => [key, i] as const)),
    weights: quantised,
    scale,
    transitions: Float32Array.from(transitions),
  };
}

const toPass = (p: TrainedPass): TaggerPass => new TaggerPass(p.table, p.weights, p.scale, p.transitions);

/**
 * First-pass labels of every entry from models that never saw its document: the entries are split in
 * five by document, and each fifth is tagged by a pass trained on the other four.
 */
function jackknifedLabels(
  entries: readonly Entry[],
  lexFor: (doc: number) => NerLexicons,
  settings: NerSettings,
  seed: number,
  log: (line: string) => void,
): Int32Array[][] {
  const next = random(seed ^ 0x1a2b);
  const foldOfDoc = new Map<number, number>();
  for (const entry of entries)
    if (!foldOfDoc.has(entry.doc)) foldOfDoc.set(entry.doc, Math.floor(next() * 5));
  const labels: Int32Array[][] = entries.map(() => []);
  for (let j = 0; j < 5; j++) {
    const inside = entries.filter((e) => foldOfDoc.get(e.doc) !== j);
    const pass = toPass(
      trainPass(inside, lexFor, null, settings, seed + 101 * (j + 1), (l) => log(`jackknife ${j + 1}: ${l}`)),
    );
    entries.forEach((entry, e) => {
      if (foldOfDoc.get(entry.doc) === j)
        labels[e] = new NerModel([pass], lexFor(entry.doc)).tag(entry.words);
    });
  }
  return labels;
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
  const entries = entriesOf(docs, settings, seed);
  const passes = [trainPass(entries, trainingLexicons, null, settings, seed, (l) => log(`pass 1: ${l}`))];
  if (settings.twoPass) {
    const firstPass = jackknifedLabels(entries, trainingLexicons, settings, seed, log);
    passes.push(
      trainPass(entries, trainingLexicons, firstPass, settings, seed + 7, (l) => log(`pass 2: ${l}`)),
    );
  }
  const lower: TrainedPass[] = [];
  if (settings.lowerModel) {
    const lowered = entriesOf(docs, { ...settings, lowerCopies: 0 }, seed).map((e) => ({
      ...e,
      words: e.words.map((s) => s.map((w) => w.toLowerCase())),
    }));
    lower.push(
      trainPass(lowered, trainingLexicons, null, settings, seed + 13, (l) => log(`lower case: ${l}`)),
    );
  }
  const meta: NerMeta = {
    labels: [...LABELS],
    scales: passes.map((p) => p.scale),
    ...(lower.length > 0 ? { lowerScales: lower.map((p) => p.scale) } : {}),
    maxPhraseWords: lexicons.maxPhraseWords,
  };
  const arrays: ModelData['arrays'] = {};
  const store = (prefix: string, p: TrainedPass, i: number): void => {
    arrays[`${prefix}${i + 1}.featureKeys`] = p.table.keys;
    arrays[`${prefix}${i + 1}.featureRows`] = p.table.values;
    arrays[`${prefix}${i + 1}.weights`] = p.weights;
    arrays[`${prefix}${i + 1}.transitions`] = p.transitions;
  };
  passes.forEach((p, i) => store('pass', p, i));
  lower.forEach((p, i) => store('lower', p, i));
  Object.assign(arrays, {
    wordKeys: lexicons.words.keys,
    wordValues: lexicons.words.values,
    gazetteerKeys: lexicons.gazetteer.keys,
    gazetteerValues: lexicons.gazetteer.values,
    clusterKeys: lexicons.clusters.keys,
    clusterValues: lexicons.clusters.values,
  });
  return { name: 'ner', meta, arrays };
}
