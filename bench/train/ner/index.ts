/**
 * The `ner` model of `npm run train`: the entity tagger (resources/models/ner.bin) and its model card
 * (ner.md), trained on the CoNLL-2003 training set only, with word clusters from that set's text and
 * the PolNeAR training texts (words only, no labels).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeModel } from '../../../electron/core/extract/models/container';
import { NER_MODEL_FILE } from '../../../electron/core/extract/ner/tagger';
import { nerTokenize } from '../../../electron/core/extract/ner/tokenize';
import { loadPolnear } from '../../eval/extraction-data';
import type { TrainableModel } from '../types';
import { modelCard } from './card';
import { wordClusters } from './clusters';
import { type ConllDocument, readConll } from './conll';
import type { KeyTable } from '../../../electron/core/extract/ner/hash';
import { foldsOf, gazetteerLexicons } from './folds';
import { phraseTable, wordClasses, wordTable } from './lexicons';
import { trainNer } from './pipeline';
import { NER_SETTINGS } from './settings';

/** Where the training data lies under the data folder. */
export const CONLL_TRAIN = 'ner/conll2003/conll2003_train.txt';

/** Token texts of every non-empty line of the PolNeAR training texts (unlabelled text for clusters). */
export function polnearSentences(dataDir: string): string[][] {
  return loadPolnear(dataDir, 'train').flatMap((doc) =>
    doc.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => nerTokenize(line).map((t) => t.text)),
  );
}

/**
 * Word clusters for cross-validation fold k: from the text of the other folds and the PolNeAR training
 * texts, so the held-out fold's words are as new to the clusters as the dev set's are.
 */
export function foldClusters(
  docs: readonly ConllDocument[],
  polnear: ReadonlyArray<readonly string[]>,
  seed: number,
): (k: number, fold: readonly number[]) => KeyTable {
  return (k, fold) => {
    const text = docs.filter((_, d) => fold[d] !== k).flatMap((d) => d.sentences.map((s) => s.words));
    return wordTable(wordClusters([...text, ...polnear], seed));
  };
}

export const nerModel: TrainableModel = {
  name: 'ner',
  files: [NER_MODEL_FILE, 'ner.md'],
  train({ dataDir, outDir, seed, log }) {
    const docs = readConll(join(dataDir, CONLL_TRAIN));
    const text = [...docs.flatMap((d) => d.sentences.map((s) => s.words)), ...polnearSentences(dataDir)];
    log(`${docs.length} documents; clustering the words of ${text.length} unlabelled sentences`);
    const clusters = wordTable(wordClusters(text, seed));
    const classes = phraseTable(wordClasses());
    const fold = foldsOf(docs.length, seed);
    const lexFor = gazetteerLexicons(docs, fold, classes, clusters);
    const data = trainNer(docs, (d) => lexFor([fold[d] as number]), lexFor([]), NER_SETTINGS, seed, log);
    const bytes = encodeModel(data);
    writeFileSync(join(outDir, NER_MODEL_FILE), bytes);
    writeFileSync(join(outDir, 'ner.md'), modelCard(docs, data, bytes.length));
    log(`${NER_MODEL_FILE}: ${(bytes.length / 1e6).toFixed(1)} MB`);
  },
};
