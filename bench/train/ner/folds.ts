/**
 * Five-fold cross-validation on the CoNLL training set, folds by document: the figures that choose the
 * tagger's features and settings (the dev set only measures, once, at the end).
 */
import { NerModel } from '../../../electron/core/extract/ner/model';
import { tagEntities } from '../../../electron/core/extract/ner/tagger';
import type { NerLexicons } from '../../../electron/core/extract/ner/features';
import { conllText, emptyCounts, scoreDocument, type EntityCounts } from '../../eval/ner-score';
import type { ConllDocument } from './conll';
import { gazetteerOf, lexiconsOf } from './lexicons';
import type { KeyTable } from '../../../electron/core/extract/ner/hash';
import { random } from '../../../electron/core/testing/random';
import { trainNer, type NerSettings } from './pipeline';

export const FOLDS = 5;

/** The fold of each document: a seeded shuffle dealt round-robin. */
export function foldsOf(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const next = random(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const fold = new Array<number>(count).fill(0);
  order.forEach((doc, position) => (fold[doc] = position % FOLDS));
  return fold;
}

/** Gazetteer lexicons built from the documents whose fold is not in `excluded`, cached by that set. */
export function gazetteerLexicons(
  docs: readonly ConllDocument[],
  fold: readonly number[],
  classes: KeyTable,
  clusters: KeyTable,
): (excluded: number[]) => NerLexicons {
  const cache = new Map<string, NerLexicons>();
  return (excluded) => {
    const key = [...excluded].sort().join(',');
    let lex = cache.get(key);
    if (lex === undefined) {
      const kept = docs.filter((_, d) => !excluded.includes(fold[d] as number));
      lex = lexiconsOf(classes, gazetteerOf(kept), clusters);
      cache.set(key, lex);
    }
    return lex;
  };
}

/** How a fold's model is scored on its held-out documents (adds to `counts`). */
export type FoldScorer = (model: NerModel, docs: readonly ConllDocument[], counts: EntityCounts) => void;

/** Tags each document's rebuilt text with `model` (the tagger alone) and adds the EVAL.md counts. */
export function scoreModel(
  model: NerModel,
  docs: readonly ConllDocument[],
  counts = emptyCounts(),
): EntityCounts {
  for (const doc of docs) {
    const t = conllText(doc);
    scoreDocument(t, tagEntities(t.text, t.sentences, model), counts);
  }
  return counts;
}

/**
 * Pooled counts of 5-fold cross-validation with `settings`. `clustersWithout(k)` gives word clusters
 * computed without fold k's text (unlabelled text of the other folds and other training sets).
 */
export function crossValidate(
  docs: readonly ConllDocument[],
  settings: NerSettings,
  classes: KeyTable,
  clustersWithout: (fold: number, docFold: readonly number[]) => KeyTable,
  seed: number,
  log: (line: string) => void = () => {},
  score: FoldScorer = scoreModel,
): EntityCounts {
  const fold = foldsOf(docs.length, seed);
  const counts = emptyCounts();
  for (let k = 0; k < FOLDS; k++) {
    const lexFor = gazetteerLexicons(docs, fold, classes, clustersWithout(k, fold));
    const train = docs.filter((_, d) => fold[d] !== k);
    const trainFold = fold.filter((f) => f !== k);
    const test = docs.filter((_, d) => fold[d] === k);
    const data = trainNer(
      train,
      (d) => lexFor([k, trainFold[d] as number]),
      lexFor([k]),
      settings,
      seed + k,
      (line) => log(`fold ${k + 1}: ${line}`),
    );
    score(NerModel.fromData(data), test, counts);
  }
  return counts;
}
