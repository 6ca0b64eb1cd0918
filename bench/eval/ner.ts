/**
 * `npm run eval -- ner`: people, places and organisations with EVAL.md's CoNLL metric. For PER, LOC and
 * ORG: 5-fold cross-validation on the CoNLL training set (the figure that chose the features; each fold's
 * model is trained on the other four and the whole extraction runs with it) beside the dev set, measured
 * with the shipped model; the dev set again in lower case and in capitals (text unlike Reuters); and
 * people in GUM news (Wikinews, out of domain). The figures also go to the model card (see card.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../electron/core/extract';
import type { NerModel } from '../../electron/core/extract/ner/model';
import { FIGURES_FILE, type NerFigures } from '../train/ner/card';
import { type ConllDocument, readConll } from '../train/ner/conll';
import { crossValidate } from '../train/ner/folds';
import { CONLL_TRAIN, foldClusters, polnearSentences } from '../train/ner/index';
import { phraseTable, wordClasses } from '../train/ner/lexicons';
import { NER_SETTINGS } from '../train/ner/settings';
import { loadGumNews } from './gum';
import { conllText, emptyCounts, type EntityCounts, prf, scoreDocument } from './ner-score';
import type { EvalSection } from './types';

const SEED = 20261205;
const TYPES = ['PER', 'LOC', 'ORG'] as const;
const TARGETS: Record<string, number> = { PER: 0.94, LOC: 0.92, ORG: 0.86 };
const fmt = (x: number): string => x.toFixed(3);

/** Scores the whole extraction (people, places, organisations) on CoNLL documents. */
function scoreExtraction(
  docs: readonly ConllDocument[],
  counts: EntityCounts,
  nerModel?: NerModel,
  recase: (word: string) => string = (w) => w,
): void {
  for (const doc of docs) {
    const t = conllText({
      sentences: doc.sentences.map((s) => ({ words: s.words.map(recase), labels: s.labels })),
    });
    const result = extractArticle(t.text, { published: '1996-08-30', ...(nerModel ? { nerModel } : {}) });
    const predicted = [
      ...result.people.flatMap((p) => p.mentions.map(([start, end]) => ({ type: 'PER', start, end }))),
      ...result.places.flatMap((p) => p.mentions.map(([start, end]) => ({ type: 'LOC', start, end }))),
      ...result.organizations.flatMap((p) => p.mentions.map(([start, end]) => ({ type: 'ORG', start, end }))),
    ];
    scoreDocument(t, predicted, counts);
  }
}

function gum(dataDir: string): { section: EvalSection; p: number; r: number; f1: number } {
  const docs = loadGumNews(dataDir);
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const doc of docs) {
    const result = extractArticle(doc.text, { published: '2017-01-01' });
    const spans = new Set(result.people.flatMap((p) => p.mentions.map(([a, b]) => `${a}:${b}`)));
    const goldSpans = new Set(doc.people.map(([a, b]) => `${a}:${b}`));
    predicted += spans.size;
    gold += goldSpans.size;
    for (const key of spans) if (goldSpans.has(key)) tp++;
  }
  const { p, r, f1 } = prf({ tp, predicted, gold });
  return {
    p,
    r,
    f1,
    section: {
      title: 'People: GUM news (Wikinews, out of domain; exact name spans)',
      columns: ['documents', 'gold names', 'predicted', 'P', 'R', 'F1'],
      rows: [[String(docs.length), String(gold), String(predicted), fmt(p), fmt(r), fmt(f1)]],
      notes: [
        'Gold: the proper-noun run of each named person mention (Wikipedia identity), nested places and ' +
          'organisations and a leading title left out (bench/eval/gum.ts). Never used in training or tuning.',
      ],
    },
  };
}

/** The NER sections of `npm run eval`. */
export async function evaluateNer(dataDir: string): Promise<EvalSection[]> {
  const train = readConll(join(dataDir, CONLL_TRAIN));
  const dev = readConll(join(dataDir, 'ner/conll2003/conll2003_dev_testa.txt'));
  const started = performance.now();
  const cv = crossValidate(
    train,
    NER_SETTINGS,
    phraseTable(wordClasses()),
    foldClusters(train, polnearSentences(dataDir), SEED),
    SEED,
    (line) => console.error(`  cv ${line}`),
    (model, docs, counts) => scoreExtraction(docs, counts, model),
  );
  const cvMinutes = (performance.now() - started) / 60000;
  await new Promise((resolve) => setImmediate(resolve));
  const devCounts = emptyCounts();
  scoreExtraction(dev, devCounts);
  const lower = emptyCounts();
  scoreExtraction(dev, lower, undefined, (w) => w.toLowerCase());
  const upper = emptyCounts();
  scoreExtraction(dev, upper, undefined, (w) => w.toUpperCase());
  const people = gum(dataDir);

  const rows = TYPES.map((type) => {
    const a = prf(cv[type] as EntityCounts[string]);
    const b = prf(devCounts[type] as EntityCounts[string]);
    return [type, fmt(a.p), fmt(a.r), fmt(a.f1), fmt(b.p), fmt(b.r), fmt(b.f1), `>= ${TARGETS[type]}`];
  });
  const figures: NerFigures = {
    date: new Date().toISOString().slice(0, 10),
    rows: [
      ...TYPES.map((type) => ({
        set: 'CoNLL train, 5-fold CV',
        type,
        ...prf(cv[type] as EntityCounts[string]),
      })),
      ...TYPES.map((type) => ({ set: 'CoNLL dev', type, ...prf(devCounts[type] as EntityCounts[string]) })),
      { set: 'GUM news (out of domain)', type: 'PER', p: people.p, r: people.r, f1: people.f1 },
    ],
  };
  writeFileSync(FIGURES_FILE, `${JSON.stringify(figures, null, 2)}\n`);
  return [
    {
      title:
        'People, places, organisations: CoNLL-2003, 5-fold CV on train beside dev (entity-level exact match)',
      columns: ['type', 'CV P', 'CV R', 'CV F1', 'dev P', 'dev R', 'dev F1', 'dev target'],
      rows,
      notes: [
        `${train.length} training documents in 5 folds by document (each fold's model trained on the other four, ` +
          `whole extraction run with it; ${cvMinutes.toFixed(1)} min); ${dev.length} dev documents with the shipped model ` +
          '(resources/models/ner.bin, trained on train only).',
      ],
    },
    {
      title: 'CoNLL-2003 dev rewritten in lower case and in capitals (F1, shipped model)',
      columns: ['type', 'as written', 'all lower case', 'ALL CAPITALS'],
      rows: TYPES.map((type) => [
        type,
        fmt(prf(devCounts[type] as EntityCounts[string]).f1),
        fmt(prf(lower[type] as EntityCounts[string]).f1),
        fmt(prf(upper[type] as EntityCounts[string]).f1),
      ]),
    },
    people.section,
  ];
}
