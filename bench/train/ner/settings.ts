/**
 * The tagger's settings, chosen by 5-fold cross-validation on the CoNLL-2003 training set (folds by
 * document; `tsx bench/train/ner/cv-cli.ts '{...}'` reruns one line). The dev set played no part.
 *
 * Pooled 5-fold CV F1 (PER / LOC / ORG / MISC), epochs 8, every feature kept once seen:
 *   one pass, no word clusters                      0.917 / 0.933 / 0.836 / 0.863
 *   one pass, 15 epochs                             0.918 / 0.934 / 0.840 / 0.864
 *   one pass + word clusters                        0.927 / 0.933 / 0.845 / 0.863
 *   two passes (document-level second pass)         0.953 / 0.938 / 0.855 / 0.864
 * With the features of today (two passes, word clusters, folded document keys, "Mr." = "Mr"):
 *   lowerCopies 0                                   0.953 / 0.938 / 0.864 / 0.864   <- chosen
 *   lowerCopies 0.3 (30% of documents again in lower case)  0.947 / 0.933 / 0.857 / 0.859
 * Lower-case copies cost cased text half a point or more, so text written without capitals gets a
 * pass of its own instead (`lowerModel`: one pass trained on every document lower-cased, used when a
 * document has almost no capitals; it does not touch the figures above).
 */
import type { NerSettings } from './pipeline';

export const NER_SETTINGS: NerSettings = {
  epochs: 8,
  minCount: 1,
  lowerCopies: 0,
  prune: 0,
  twoPass: true,
  lowerModel: true,
};
