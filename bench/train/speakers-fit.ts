/**
 * Fitting the speaker model on PolNeAR train texts: the ranker (softmax over each quote's options,
 * first with the right previous speaker given, then again on its own decisions so that "the previous
 * quote's speaker" means at training what it means at extraction), the quote classifier, isotonic
 * calibration and the classifier's threshold. Used by `npm run train` and by the cross-validation that
 * `npm run eval` and the model card report.
 */
import type { QuoteCandidates } from '../../electron/core/extract/speaker-candidates';
import { speakerCandidates } from '../../electron/core/extract/speaker-candidates';
import {
  speakerModelOf,
  type SpeakerModel,
  type SpeakerModelData,
} from '../../electron/core/extract/speaker-model';
import {
  decideSpeakers,
  pickBySpeaker,
  quoteMention,
  type SpeakerDecision,
} from '../../electron/core/extract/speakers';
import { quoteFeatures } from '../../electron/core/extract/quote-kind';
import type { QuoteMention } from '../../electron/core/extract/types';
import { trainRanker, type LinearModel, type RankerSettings, type RankOption } from './softmax-ranker';
import { answerIsRight, type SpeakerDoc } from './speaker-data';

/** Settings of the whole model, chosen by 5-fold cross-validation on train (see the model card). */
export interface SpeakerSettings {
  ranker: RankerSettings;
  quote: RankerSettings;
  /** Retrain the ranker on its own decisions (the previous quote's speaker as extraction sees it). */
  ownDecisions: boolean;
  /** The quote classifier's threshold keeps at least this share of the detection recall it could have. */
  maxRecallLoss: number;
}

export const SETTINGS: SpeakerSettings = {
  ranker: { l2: 1, epochs: 10, rate: 0.1, minCount: 2 },
  quote: { l2: 1, epochs: 10, rate: 0.1, minCount: 3 },
  ownDecisions: true,
  maxRecallLoss: 0.001,
};

/** A training text with its candidates (computed once; they do not depend on the model). */
export interface PreparedDoc extends SpeakerDoc {
  candidates: QuoteCandidates[];
  /** The ranker's first-round groups (the right previous speaker given), the same for every fold. */
  taught?: RankOption[][];
}

export function prepare(doc: SpeakerDoc): PreparedDoc {
  return { ...doc, candidates: speakerCandidates(doc.ctx) };
}

function taughtGroups(doc: PreparedDoc): RankOption[][] {
  doc.taught ??= rankGroups(doc, null);
  return doc.taught;
}

/** The ranker's training groups of one text, deciding with `score` (or, without it, the right answer). */
function rankGroups(doc: PreparedDoc, score: ((f: readonly string[]) => number) | null): RankOption[][] {
  const groups: RankOption[][] = [];
  decideSpeakers(doc.ctx, doc.candidates, score ?? (() => 0), (decision, q) => {
    const gold = doc.gold[q] ?? [];
    const right = decision.options.map((o) =>
      o.type === 'none'
        ? gold.length === 0
        : gold.length > 0 && answerIsRight(gold, o.speaker, o.speakerSpan),
    );
    groups.push(decision.options.map((o, k) => ({ features: o.features, right: right[k] as boolean })));
    if (score !== null) return pickBySpeaker(decision);
    const r = right.findIndex((ok, k) => ok && decision.options[k]?.type !== 'none');
    return r === -1 ? decision.options.length - 1 : r;
  });
  return groups;
}

const scorer = (model: LinearModel): ((f: readonly string[]) => number) => {
  const index = new Map(model.features.map((f, i) => [f, model.weights[i] as number]));
  return (features) => {
    let s = 0;
    for (const f of features) s += index.get(f) ?? 0;
    return s;
  };
};

/** Probability of "no speaker" and of the chosen speaker: the quote classifier reads both. */
function quoteInputs(d: SpeakerDecision): [number, number] {
  const none = d.options.findIndex((o) => o.type === 'none');
  return [none === -1 ? 0 : (d.probabilities[none] ?? 0), d.probability];
}

/** Ranker and quote classifier fitted on `docs` (calibration and threshold are fitted apart). */
export function fitModels(
  docs: readonly PreparedDoc[],
  settings: SpeakerSettings,
  seed: number,
): { ranker: LinearModel; quote: LinearModel } {
  let ranker = trainRanker(docs.flatMap(taughtGroups), settings.ranker, seed);
  if (settings.ownDecisions) {
    const first = scorer(ranker);
    ranker = trainRanker(
      docs.flatMap((d) => rankGroups(d, first)),
      settings.ranker,
      seed,
    );
  }
  const score = scorer(ranker);
  const quoteGroups: RankOption[][] = [];
  for (const doc of docs) {
    const decisions = decideSpeakers(doc.ctx, doc.candidates, score, pickBySpeaker);
    decisions.forEach((d, q) => {
      const isQuote = (doc.gold[q] ?? []).length > 0;
      const [none, best] = quoteInputs(d);
      const features = quoteFeatures(doc.ctx, d.quote, d.facts, none, best);
      // A two-option softmax is logistic regression: "a quote" (its features) against "not" (none).
      quoteGroups.push([
        { features, right: isQuote },
        { features: [], right: !isQuote },
      ]);
    });
  }
  return { ranker, quote: trainRanker(quoteGroups, settings.quote, seed) };
}

/** One quote decided by a model that did not see its text: what calibration and thresholds are fitted on. */
export interface HeldOutQuote {
  doc: number;
  quote: number;
  /** The ranker's probability of the speaker it chose. */
  probability: number;
  /** Whether that speaker is right (only meaningful when `judged`). */
  right: boolean;
  /** The quote overlaps a gold attribution with a source. */
  judged: boolean;
  /** The quote classifier's probability that this is someone's words. */
  quoteProbability: number;
  /** The quote overlaps any gold content. */
  isQuote: boolean;
}

/** Decides every quote of `doc` with a fitted model; returns the decisions and held-out records. */
export function decideDoc(
  doc: PreparedDoc,
  docIndex: number,
  model: SpeakerModel,
): { decisions: SpeakerDecision[]; held: HeldOutQuote[] } {
  const decisions = decideSpeakers(doc.ctx, doc.candidates, model.rank, pickBySpeaker);
  const held = decisions.map((d, q): HeldOutQuote => {
    const gold = doc.gold[q] ?? [];
    const option = d.options[d.chosen];
    const [none, best] = quoteInputs(d);
    return {
      doc: docIndex,
      quote: q,
      probability: d.probability,
      right: option !== undefined && answerIsRight(gold, option.speaker, option.speakerSpan),
      judged: gold.some((a) => a.source !== null),
      quoteProbability: model.quoteProbability(quoteFeatures(doc.ctx, d.quote, d.facts, none, best)),
      isQuote: gold.length > 0,
    };
  });
  return { decisions, held };
}

/** Isotonic regression (pool adjacent violators) of right/wrong on probability: the calibration map. */
export function isotonic(points: ReadonlyArray<{ probability: number; right: boolean }>): {
  from: Float32Array;
  to: Float32Array;
} {
  const sorted = [...points].sort((a, b) => a.probability - b.probability);
  const blocks: Array<{ from: number; sum: number; n: number }> = [];
  for (const p of sorted) {
    blocks.push({ from: p.probability, sum: p.right ? 1 : 0, n: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { from: number; sum: number; n: number };
      const prev = blocks[blocks.length - 2] as { from: number; sum: number; n: number };
      if (prev.sum / prev.n < last.sum / last.n) break;
      prev.sum += last.sum;
      prev.n += last.n;
      blocks.pop();
    }
  }
  return {
    from: Float32Array.from(blocks.map((b, i) => (i === 0 ? 0 : b.from))),
    to: Float32Array.from(blocks.map((b) => b.sum / b.n)),
  };
}

/**
 * The quote classifier's threshold: the highest one (most quotations set aside as titles or scare
 * quotes) whose held-out detection loss stays within `maxLoss` of all gold-overlapping quotations.
 */
export function chooseThreshold(held: readonly HeldOutQuote[], maxLoss: number): number {
  const quotes = held.filter((h) => h.isQuote);
  let best = 0;
  for (let t = 0.02; t <= 0.9; t += 0.02) {
    const threshold = Math.round(t * 100) / 100;
    const lost = quotes.filter((h) => h.quoteProbability < threshold).length;
    if (lost / Math.max(1, quotes.length) <= maxLoss) best = threshold;
  }
  return best;
}

/** The full model data from fitted parts and held-out records. */
export function modelData(
  fitted: { ranker: LinearModel; quote: LinearModel },
  held: readonly HeldOutQuote[],
  settings: SpeakerSettings,
): SpeakerModelData {
  const calibration = isotonic(held.filter((h) => h.judged));
  return {
    ranker: fitted.ranker,
    quote: fitted.quote,
    quoteThreshold: chooseThreshold(held, settings.maxRecallLoss),
    calibrationFrom: calibration.from,
    calibrationTo: calibration.to,
  };
}

/** Folds by text: text i is in fold i mod k. */
export const FOLDS = 5;

/** What 5-fold cross-validation gives: held-out quotes of every text, as extraction would return them. */
export interface CrossValidation {
  /** Per text, the quotes a model trained on the other folds returns (calibration and threshold cross-fitted too). */
  quotes: QuoteMention[][];
  held: HeldOutQuote[];
}

/**
 * 5-fold cross-validation by text. Calibration and threshold for fold k are fitted on the held-out
 * records of the other folds, so the reported confidences are as honest as the speakers.
 */
export function crossValidate(
  docs: readonly PreparedDoc[],
  settings: SpeakerSettings,
  seed: number,
  log: (line: string) => void = () => {},
): CrossValidation {
  const fold = (i: number): number => i % FOLDS;
  const decisions: SpeakerDecision[][] = [];
  const models: Array<{ ranker: LinearModel; quote: LinearModel }> = [];
  const held: HeldOutQuote[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const fitted = fitModels(
      docs.filter((_, i) => fold(i) !== k),
      settings,
      seed,
    );
    models.push(fitted);
    const model = speakerModelOf({
      ...fitted,
      quoteThreshold: 0,
      calibrationFrom: new Float32Array([0]),
      calibrationTo: new Float32Array([0]),
    });
    docs.forEach((doc, i) => {
      if (fold(i) !== k) return;
      const decided = decideDoc(doc, i, model);
      decisions[i] = decided.decisions;
      held.push(...decided.held);
    });
    log(`fold ${k + 1}/${FOLDS} done`);
  }
  const foldModels = models.map((fitted, k) =>
    speakerModelOf(
      modelData(
        fitted,
        held.filter((h) => fold(h.doc) !== k),
        settings,
      ),
    ),
  );
  const quotes = docs.map((doc, i) =>
    (decisions[i] ?? []).map((d) => quoteMention(doc.ctx, d, foldModels[fold(i)] as SpeakerModel)),
  );
  return { quotes, held };
}
