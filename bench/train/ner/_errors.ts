import { join } from 'node:path';
import { NerModel } from '../../../electron/core/extract/ner/model';
import { tagEntities } from '../../../electron/core/extract/ner/tagger';
import { evalDataDir } from '../../../electron/core/testing/eval-data';
import { conllText } from '../../eval/ner-score';
import { readConll } from './conll';
import { foldsOf, gazetteerLexicons } from './folds';
import { wordClasses, phraseTable, wordTable } from './lexicons';
import { trainNer } from './pipeline';

const docs = readConll(join(evalDataDir(), 'ner/conll2003/conll2003_train.txt'));
const classes = phraseTable(wordClasses());
const clusters = wordTable(new Map());
const fold = foldsOf(docs.length, 20261205);
const lexFor = gazetteerLexicons(docs, fold, classes, clusters);
const k = 0;
const train = docs.filter((_, d) => fold[d] !== k);
const trainFold = fold.filter((f) => f !== k);
const test = docs.filter((_, d) => fold[d] === k);
const model = NerModel.fromData(trainNer(train, (d) => lexFor([k, trainFold[d] as number]), lexFor([k]), { epochs: 8, minCount: 1, lowerCopies: 0, prune: 0, twoPass: process.argv[3] === '2' }, 1));
const want = process.argv[2] ?? 'PER';
const fp = new Map<string, number>(), fn = new Map<string, number>();
for (const doc of test.slice(0, 200)) {
  const t = conllText(doc);
  const pred = tagEntities(t.text, t.sentences, model);
  const tok = (s: number, e: number) => { const a = t.tokens.findIndex(x => x.end > s); let b = a; while (b + 1 < t.tokens.length && t.tokens[b + 1]!.start < e) b++; return `${a}:${b}`; };
  const pk = new Set(pred.map(p => `${p.type}:${tok(p.start, p.end)}`));
  const ctx = (a: number, b: number) => { const s = t.tokens[Math.max(0,a-3)]!.start, e = t.tokens[Math.min(t.tokens.length-1,b+3)]!.end; return t.text.slice(s, e).replace(/\n/g,' / '); };
  for (const key of pk) if (key.startsWith(want) && !t.gold.has(key)) { const [, a, b] = key.split(':').map(Number); const g=[...t.gold].find(x=>x.endsWith(`:${a}:${b}`)); console.log('FP', g ?? '-', '|', t.text.slice(t.tokens[a!]!.start, t.tokens[b!]!.end), '|', ctx(a!, b!)); }
  for (const key of t.gold) if (key.startsWith(want) && !pk.has(key)) { const [, a, b] = key.split(':').map(Number); const g=[...pk].find(x=>x.endsWith(`:${a}:${b}`)); console.log('FN', g ?? '-', '|', t.text.slice(t.tokens[a!]!.start, t.tokens[b!]!.end), '|', ctx(a!, b!)); }
}
