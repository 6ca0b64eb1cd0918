/**
 * Experiments: `tsx bench/train/ner/cv-cli.ts '{"epochs":10}'` prints 5-fold CV figures of the tagger
 * alone on CoNLL train with the given settings (the rest from settings.ts).
 */
import { join } from 'node:path';
import { evalDataDir } from '../../../electron/core/testing/eval-data';
import { prf } from '../../eval/ner-score';
import { readConll } from './conll';
import { crossValidate } from './folds';
import { CONLL_TRAIN, foldClusters, polnearSentences } from './index';
import { phraseTable, wordClasses } from './lexicons';
import type { NerSettings } from './pipeline';
import { NER_SETTINGS } from './settings';

const SEED = 20261205;
const settings: NerSettings = {
  ...NER_SETTINGS,
  ...(JSON.parse(process.argv[2] ?? '{}') as Partial<NerSettings>),
};
const started = performance.now();
const dataDir = evalDataDir();
const docs = readConll(join(dataDir, CONLL_TRAIN));
const clusters = foldClusters(docs, polnearSentences(dataDir), SEED);
const counts = crossValidate(docs, settings, phraseTable(wordClasses()), clusters, SEED, (l) =>
  console.error(l),
);
for (const [type, c] of Object.entries(counts)) {
  const { p, r, f1 } = prf(c);
  console.log(`${type}\tP ${p.toFixed(4)}\tR ${r.toFixed(4)}\tF1 ${f1.toFixed(4)}\t(${c.gold} gold)`);
}
console.log(`${JSON.stringify(settings)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
