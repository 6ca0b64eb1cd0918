/**
 * The trained speaker model as extraction uses it: the ranker's weights (one per feature string), the
 * quote classifier's weights and threshold, and the calibration map from ranker probability to
 * confidence. Stored in resources/models/speakers.bin (container.ts format), written by
 * `npm run train` (bench/train/speakers.ts). Loaded once, on first use.
 */
import { join } from 'node:path';
import { loadModel, ModelFileError, modelsDir, type ModelData } from './models/container';

/** The model file's name under resources/models. */
export const SPEAKER_MODEL_FILE = 'speakers.bin';
const FORMAT = 1;

/** A linear scorer: feature strings and their weights. */
export interface LinearWeights {
  features: string[];
  weights: Float32Array;
}

/** Everything the speaker model holds. */
export interface SpeakerModelData {
  ranker: LinearWeights;
  /** Is a pair of quotation marks someone's words (vs a title, a term, a scare quote)? */
  quote: LinearWeights;
  /** Below this probability a quotation is not treated as someone's words. */
  quoteThreshold: number;
  /** Isotonic calibration: probabilities at or above calibrationFrom[i] map to calibrationTo[i]. */
  calibrationFrom: Float32Array;
  calibrationTo: Float32Array;
}

/** The model ready to score: weight lookups and the calibration. */
export interface SpeakerModel {
  rank(features: readonly string[]): number;
  /** Probability that a quotation is someone's words, from its features. */
  quoteProbability(features: readonly string[]): number;
  quoteThreshold: number;
  calibrate(probability: number): number;
  /** The ranker's weight of one feature (0 when unknown), for the evidence. */
  weight(feature: string): number;
}

function lookup(linear: LinearWeights): Map<string, number> {
  const map = new Map<string, number>();
  linear.features.forEach((f, i) => map.set(f, linear.weights[i] ?? 0));
  return map;
}

/** Piecewise-constant calibration: the value of the last step at or below `p`. */
export function calibrateWith(from: Float32Array, to: Float32Array, p: number): number {
  let lo = 0;
  let hi = from.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((from[mid] as number) <= p + 1e-7) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found === -1 ? (to[0] ?? p) : (to[found] as number);
}

/** A scoring model from its data (training uses this for its folds, extraction for the file). */
export function speakerModelOf(data: SpeakerModelData): SpeakerModel {
  const ranker = lookup(data.ranker);
  const quote = lookup(data.quote);
  const sum = (map: Map<string, number>, features: readonly string[]): number => {
    let s = 0;
    for (const f of features) s += map.get(f) ?? 0;
    return s;
  };
  return {
    rank: (features) => sum(ranker, features),
    quoteProbability: (features) => 1 / (1 + Math.exp(-sum(quote, features))),
    quoteThreshold: data.quoteThreshold,
    calibrate: (p) => calibrateWith(data.calibrationFrom, data.calibrationTo, p),
    weight: (feature) => ranker.get(feature) ?? 0,
  };
}

/** The file's contents for {@link SpeakerModelData} (the inverse of {@link readSpeakerModel}). */
export function speakerModelFile(data: SpeakerModelData, meta: Record<string, unknown>): ModelData {
  return {
    name: 'speakers',
    meta: {
      format: FORMAT,
      ...meta,
      rankerFeatures: data.ranker.features,
      quoteFeatures: data.quote.features,
      quoteThreshold: data.quoteThreshold,
    },
    arrays: {
      rankerWeights: data.ranker.weights,
      quoteWeights: data.quote.weights,
      calibrationFrom: data.calibrationFrom,
      calibrationTo: data.calibrationTo,
    },
  };
}

interface StoredMeta {
  format?: number;
  rankerFeatures?: unknown;
  quoteFeatures?: unknown;
  quoteThreshold?: unknown;
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Reads the model from a loaded file; a file of another shape is refused as damaged. */
export function readSpeakerModel(model: ModelData, file: string): SpeakerModelData {
  const meta = (model.meta ?? {}) as StoredMeta;
  const { rankerWeights, quoteWeights, calibrationFrom, calibrationTo } = model.arrays;
  if (
    meta.format !== FORMAT ||
    !isStrings(meta.rankerFeatures) ||
    !isStrings(meta.quoteFeatures) ||
    typeof meta.quoteThreshold !== 'number' ||
    !(rankerWeights instanceof Float32Array) ||
    !(quoteWeights instanceof Float32Array) ||
    !(calibrationFrom instanceof Float32Array) ||
    !(calibrationTo instanceof Float32Array) ||
    rankerWeights.length !== meta.rankerFeatures.length ||
    quoteWeights.length !== meta.quoteFeatures.length ||
    calibrationFrom.length !== calibrationTo.length
  ) {
    throw new ModelFileError(
      file,
      'is not a speaker model this version of Dossier can read (damaged or from another version)',
    );
  }
  return {
    ranker: { features: meta.rankerFeatures, weights: rankerWeights },
    quote: { features: meta.quoteFeatures, weights: quoteWeights },
    quoteThreshold: meta.quoteThreshold,
    calibrationFrom,
    calibrationTo,
  };
}

let loaded: SpeakerModel | undefined;

/**
 * The shipped speaker model, loaded on first use. A missing or damaged file throws ModelFileError
 * (naming the file): extraction stops with that message rather than returning quotes without speakers.
 */
export function speakerModel(): SpeakerModel {
  if (loaded === undefined) {
    const dir = modelsDir();
    const file = loadModel(SPEAKER_MODEL_FILE, dir);
    loaded = speakerModelOf(readSpeakerModel(file, join(dir, SPEAKER_MODEL_FILE)));
  }
  return loaded;
}

/** Forgets the loaded model (tests that swap the models folder call this). */
export function forgetSpeakerModel(): void {
  loaded = undefined;
}
