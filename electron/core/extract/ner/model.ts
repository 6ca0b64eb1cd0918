/**
 * The trained tagger as extraction uses it: feature weights looked up by key, BIO-constrained Viterbi
 * over each sentence. Built from a model file (resources/models/ner.bin) or, during training and
 * cross-validation, from arrays in memory; both go through {@link NerModel.fromData}.
 */
import type { ModelData } from '../models/container';
import { LABEL_COUNT, viterbi } from './decode';
import { type DocumentContext, FeatureBuffer, type NerLexicons, sentenceFeatures } from './features';
import { KeyTable } from './hash';

/** What a trained model file holds, by array name. */
export const MODEL_ARRAYS = [
  'featureKeys',
  'featureRows',
  'weights',
  'transitions',
  'wordKeys',
  'wordValues',
  'gazetteerKeys',
  'gazetteerValues',
  'clusterKeys',
  'clusterValues',
] as const;

/** The JSON part of the model file. */
export interface NerMeta {
  labels: string[];
  /** Multiply the stored int16 weights by this. */
  scale: number;
  maxPhraseWords: number;
}

function array<T>(data: ModelData, name: string, ctor: new (...args: never[]) => T): T {
  const found = data.arrays[name];
  if (!(found instanceof ctor)) throw new Error(`the array "${name}" is missing or of the wrong type`);
  return found;
}

/** A trained tagger. */
export class NerModel {
  private readonly buffer = new FeatureBuffer();
  private emissionsBuffer = new Float64Array(64 * LABEL_COUNT);
  private labelsBuffer = new Int32Array(64);

  constructor(
    private readonly features: KeyTable,
    /** int16 weights, LABEL_COUNT per feature row, times `scale`. */
    private readonly weights: Int16Array,
    private readonly scale: number,
    private readonly transitions: Float32Array,
    readonly lexicons: NerLexicons,
  ) {}

  /** The model in a model file's arrays; throws (with the array's name) when one is missing. */
  static fromData(data: ModelData): NerModel {
    const meta = data.meta as NerMeta;
    const table = (keys: string, values: string): KeyTable =>
      new KeyTable(array(data, keys, Uint32Array), array(data, values, Uint32Array));
    if (typeof meta?.scale !== 'number' || meta.labels?.length !== LABEL_COUNT) {
      throw new Error('its settings do not match this version of Dossier');
    }
    return new NerModel(
      table('featureKeys', 'featureRows'),
      array(data, 'weights', Int16Array),
      meta.scale,
      array(data, 'transitions', Float32Array),
      {
        words: table('wordKeys', 'wordValues'),
        gazetteer: table('gazetteerKeys', 'gazetteerValues'),
        clusters: table('clusterKeys', 'clusterValues'),
        maxPhraseWords: meta.maxPhraseWords,
      },
    );
  }

  /** Labels (see decode.ts) of one sentence's tokens. The returned array is reused by the next call. */
  tagSentence(words: readonly string[], doc: DocumentContext): Int32Array {
    const n = words.length;
    if (this.labelsBuffer.length < n) {
      this.labelsBuffer = new Int32Array(n * 2);
      this.emissionsBuffer = new Float64Array(n * 2 * LABEL_COUNT);
    }
    const buf = this.buffer;
    sentenceFeatures(words, doc, this.lexicons, buf);
    const em = this.emissionsBuffer;
    em.fill(0, 0, n * LABEL_COUNT);
    const L = LABEL_COUNT;
    for (let t = 0; t < n; t++) {
      const base = t * L;
      for (let f = buf.offsets[t] as number; f < (buf.offsets[t + 1] as number); f++) {
        const row = this.features.get(buf.keys[f] as number);
        if (row < 0) continue;
        const w = row * L;
        for (let y = 0; y < L; y++) em[base + y] = (em[base + y] as number) + (this.weights[w + y] as number);
      }
      for (let y = 0; y < L; y++) em[base + y] = (em[base + y] as number) * this.scale;
    }
    viterbi(em, n, this.transitions, this.labelsBuffer);
    return this.labelsBuffer;
  }
}
