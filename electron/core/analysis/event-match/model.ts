/**
 * The event-matching model (resources/models/event-matching.bin): weights over {@link FEATURES}, the
 * probability above which two events are merged and the one above which they are suggested to the
 * user, and the document frequencies article words are weighted with. Built by `npm run train`.
 */
import { loadModel } from '../../extract/models/container';
import { ARTICLE_FEATURES } from './articles';
import { FEATURES, type EventSignature } from './features';
import type { StoredSignature } from './events-repo';
import type { TermStats } from './terms';

/** The shipped model's file name under resources/models. */
export const MATCH_MODEL_FILE = 'event-matching.bin';

/** A matching model. */
export interface MatchModel {
  /** One weight per {@link FEATURES} entry. */
  weights: Float64Array;
  /** Merge when the best candidate's probability is at least this. */
  merge: number;
  /** Below `merge`, suggest to the user when at least this. */
  suggest: number;
  /**
   * Other library events a new event matches at least this well are merged too (the new report
   * shows they are one happening); above 1: never.
   */
  bridge?: number;
  terms: TermStats;
  /**
   * Article matching: an article's main event joins the event whose (most recent) articles the model
   * over {@link ARTICLE_FEATURES} finds, on average, at least `merge` likely to report the same
   * happening. Absent: main events are matched like the others.
   *
   * `bridge`: when the new article joins a story, another story's main event whose articles and the
   * joined story's (the new one included) are, pair by pair, on average at least this likely to report
   * one happening is merged into it (the new report shows the two are one story, as average-link
   * clustering would merge two clusters). Absent: never.
   *
   * `storyLead`: a story at least this many of whose compared articles lead with one person (the one
   * they name most), none with the new article's, does not take an article led by someone else (13
   * reports of Mark Felt's death do not take Fred LaRue's). Absent: no such check.
   */
  article?: { weights: Float64Array; merge: number; bridge?: number; storyLead?: number };
  /** Training only: told every new event's candidates, as the matcher sees them. */
  observe?: (observation: MatchObservation) => void;
}

/** What the matcher saw for one new event (training builds its pairs from these). */
export interface MatchObservation {
  sourceId: string;
  /** The new event's mention spans in its source. */
  mentions: readonly [number, number][];
  signature: EventSignature;
  candidates: readonly StoredSignature[];
}

/** What the model file's header holds besides its arrays. */
export interface MatchModelMeta {
  features: string[];
  merge: number;
  suggest: number;
  bridge?: number;
  documents: number;
  words: string[];
  /** The article model's merge threshold (its weights are the array `articleWeights`). */
  articleMerge?: number;
  /** The article model's bridge threshold (absent: stories are never merged). */
  articleBridge?: number;
  /** How many articles of a story must share a lead to keep out another's (absent: off). */
  articleStoryLead?: number;
  articleFeatures?: string[];
  /** The cross-validated B-cubed of the chosen settings (training's estimate for unseen news). */
  cv?: { p: number; r: number; f1: number };
}

let shipped: MatchModel | undefined;

/** The shipped model, loaded once. Throws ModelFileError when the file is missing or damaged. */
export function matchModel(): MatchModel {
  if (shipped !== undefined) return shipped;
  const data = loadModel(MATCH_MODEL_FILE);
  const meta = data.meta as MatchModelMeta;
  const stored = data.arrays.weights as Float32Array;
  const counts = data.arrays.frequency as Uint32Array;
  const weights = byName(FEATURES, meta.features, stored);
  const frequency = new Map<string, number>();
  meta.words.forEach((word, i) => frequency.set(word, counts[i] ?? 0));
  shipped = {
    weights,
    merge: meta.merge,
    suggest: meta.suggest,
    ...(meta.bridge === undefined ? {} : { bridge: meta.bridge }),
    terms: { documents: meta.documents, frequency },
    ...(meta.articleMerge === undefined || data.arrays.articleWeights === undefined
      ? {}
      : {
          article: {
            weights: byName(
              ARTICLE_FEATURES,
              meta.articleFeatures ?? [],
              data.arrays.articleWeights as Float32Array,
            ),
            merge: meta.articleMerge,
            ...(meta.articleBridge === undefined ? {} : { bridge: meta.articleBridge }),
            ...(meta.articleStoryLead === undefined ? {} : { storyLead: meta.articleStoryLead }),
          },
        }),
  };
  return shipped;
}

/**
 * Weights looked up by name, so a model trained with fewer features still loads (missing = 0).
 */
function byName(names: readonly string[], stored: readonly string[], values: Float32Array): Float64Array {
  const weights = new Float64Array(names.length);
  stored.forEach((name, i) => {
    const at = names.indexOf(name);
    if (at !== -1) weights[at] = values[i] ?? 0;
  });
  return weights;
}
