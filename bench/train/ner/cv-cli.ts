/** Experiments: `tsx bench/train/ner/cv-cli.ts '{"epochs":10}'` prints 5-fold CV figures on CoNLL train. */
import { join } from 'node:path';
import { evalDataDir } from '../../../electron/core/testing/eval-data';
import { prf } from '../../eval/ner-score';
import { readConll } from './conll';
import { crossValidate } from './folds';
import { wordClasses, phraseTable, wordTable } from './lexicons';
import type { NerSettings } from './pipeline';

const settings: NerSettings = {
  epochs: 10,
  minCount: 1,
  lowerCopies: 0,
  prune: 0,
  twoPass: false,
  ...(JSON.parse(process.argv[2] ?? '{}') as Partial<NerSettings>),
};
const started = performance.now();
const docs = readConll(join(evalDataDir(), 'ner/conll2003/conll2003_train.txt'));
const classes = phraseTable(wordClasses());
const clusters = wordTable(new Map());
const counts = crossValidate(docs, settings, classes, clusters, 20261205, (l) => console.error(l));
for (const [type, c] of Object.entries(counts)) {
  const { p, r, f1 } = prf(c);
  console.log(`${type}\tP ${p.toFixed(4)}\tR ${r.toFixed(4)}\tF1 ${f1.toFixed(4)}\t(${c.gold} gold)`);
}
console.log(`${JSON.stringify(settings)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
