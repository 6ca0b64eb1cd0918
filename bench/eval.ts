/**
 * `npm run eval`: measures clipping and extraction quality on the evaluation data beside the checkout
 * (`../shared/data`, or `$DOSSIER_EVAL_DATA`), with the metrics of EVAL.md. Each evaluation registers
 * here as its feature lands; until then this lists the data sets found and which evaluation uses them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dataDir = resolve(
  process.env.DOSSIER_EVAL_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data'),
);

const DATA_SETS = [
  { folder: 'seed', evaluation: 'seed article: quotes, people, dates, events (extraction)' },
  { folder: 'extraction/readability-test-pages', evaluation: 'clipper body F1 + metadata (clipping)' },
  { folder: 'extraction/cleanportaleval', evaluation: 'clipper body F1 (clipping)' },
  { folder: 'extraction/trafilatura-eval', evaluation: 'clipper snippet precision/recall (clipping)' },
  { folder: 'quotes/polnear', evaluation: 'direct-quote recall + speaker accuracy (extraction)' },
  { folder: 'ner/conll2003', evaluation: 'PER/LOC/ORG F1 (extraction)' },
  { folder: 'ner/gum-news', evaluation: 'people, coreference, dates (extraction)' },
  { folder: 'temporal/tempeval3', evaluation: 'DATE value F1 (extraction)' },
];

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

if (!existsSync(dataDir)) {
  console.log(
    `No evaluation data at ${dataDir}: set DOSSIER_EVAL_DATA to the folder holding EVAL.md's data.`,
  );
  process.exit(0);
}
console.log(`Evaluation data: ${dataDir}\n`);
console.log('| data set | files | evaluation | status |');
console.log('|---|---:|---|---|');
for (const { folder, evaluation } of DATA_SETS) {
  const path = join(dataDir, folder);
  const files = existsSync(path) ? countFiles(path) : 0;
  console.log(`| ${folder} | ${files} | ${evaluation} | not implemented yet: arrives with its feature |`);
}
