/**
 * The model card written beside ner.bin: what the tagger was trained on and under which licence, what
 * it looks at, its settings and size, and the figures of the last `npm run eval -- ner` (read from
 * bench/results/ner-figures.json, so the card stays a pure function of committed files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPES, isInside, typeOf } from '../../../electron/core/extract/ner/decode';
import type { NerMeta } from '../../../electron/core/extract/ner/model';
import type { ModelData } from '../../../electron/core/extract/models/container';
import type { ConllDocument } from './conll';
import { NER_SETTINGS } from './settings';

/** Figures `npm run eval -- ner` measured, by set and type. */
export interface NerFigures {
  date: string;
  /** When the cross-validation figures were measured, if not on `date` (DOSSIER_NER_CV=previous). */
  cvDate?: string;
  rows: Array<{ set: string; type: string; p: number; r: number; f1: number }>;
}

/** Where `npm run eval -- ner` leaves its figures for the card. */
export const FIGURES_FILE = join(import.meta.dirname, '..', '..', 'results', 'ner-figures.json');

function entityCounts(docs: readonly ConllDocument[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0]));
  for (const doc of docs) {
    for (const { labels } of doc.sentences) {
      for (const label of labels) {
        if (label > 0 && !isInside(label)) counts[ENTITY_TYPES[typeOf(label)] as string]! += 1;
      }
    }
  }
  return counts;
}

/** The comparisons behind NER_SETTINGS (pooled 5-fold CV F1 on train, from settings.ts). */
const CV_CHOICES = [
  '| setting | PER | LOC | ORG | MISC |',
  '|---|---|---|---|---|',
  '| one pass, no word clusters, 8 epochs | 0.917 | 0.933 | 0.836 | 0.863 |',
  '| one pass, 15 epochs | 0.918 | 0.934 | 0.840 | 0.864 |',
  '| one pass + word clusters | 0.927 | 0.933 | 0.845 | 0.863 |',
  '| two passes (document-level second pass) | 0.953 | 0.938 | 0.855 | 0.864 |',
  '| + folded document keys, "Mr." = "Mr"; no lower-case copies (chosen) | 0.953 | 0.938 | 0.864 | 0.864 |',
  '| same, 30% of documents again in lower case | 0.947 | 0.933 | 0.857 | 0.859 |',
];

/** What the tagger is known not to do well (checked by hand and in `npm run eval -- ner`). */
const LIMITS = [
  '- Trained on one agency, one month of 1996: out of domain (GUM news, Wikinews) people are',
  '  found less well than on CoNLL dev (see the figures); expect more misses on blogs, transcripts',
  '  and other text unlike wire news.',
  '- A headline in capitals inside a cased article goes through the cased passes, which lean on how',
  '  the rest of the article writes the same words; names only the headline holds are often missed',
  '  (such sentences read by the lower-case pass instead lost in 5-fold CV: PER F1 0.953 -> 0.950).',
  '  A whole document in capitals or without capitals is tagged by the lower-case pass, which finds',
  '  people and places almost as well as in cased text but organisations less well (CoNLL dev',
  '  rewritten in capitals: PER 0.935, LOC 0.927, ORG 0.815, against 0.810 / 0.849 / 0.749 through',
  '  the cased passes).',
  '- Names in other scripts: no training text is in them. Cyrillic names (capitalised)',
  '  are usually found from their shape, but inflected forms are not reduced to one name and places',
  '  can be typed as organisations; scripts without capitals (Chinese was tried) are mostly',
  '  missed.',
  '- MISC (nationalities, events, works) is tagged but not shown in the app; titles of works in',
  '  quotation marks are kept out of people by the extractor, not by the tagger.',
  '- The CoNLL texts are for research use only (see above).',
];

function figures(): string[] {
  if (!existsSync(FIGURES_FILE))
    return ['No figures yet: run `npm run eval -- ner`, then `npm run train -- ner`.'];
  const measured = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as NerFigures;
  return [
    `Measured by \`npm run eval -- ner\` on ${measured.date}${measured.cvDate && measured.cvDate !== measured.date ? ` (cross-validation on ${measured.cvDate})` : ''} (EVAL.md's entity-level exact match on rebuilt text):`,
    '',
    '| set | type | P | R | F1 |',
    '|---|---|---|---|---|',
    ...measured.rows.map(
      (r) => `| ${r.set} | ${r.type} | ${r.p.toFixed(3)} | ${r.r.toFixed(3)} | ${r.f1.toFixed(3)} |`,
    ),
  ];
}

/** The card's Markdown. */
export function modelCard(docs: readonly ConllDocument[], data: ModelData, bytes: number): string {
  const meta = data.meta as NerMeta;
  const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
  const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);
  const entities = entityCounts(docs);
  const featuresOf = (prefix: string, scales: readonly number[]): string[] =>
    scales.map(
      (_, p) =>
        `${prefix} ${p + 1}: ${(data.arrays[`${prefix}${p + 1}.weights`]?.length ?? 0) / meta.labels.length} features`,
    );
  const features = [...featuresOf('pass', meta.scales), ...featuresOf('lower', meta.lowerScales ?? [])];
  return [
    '# ner.bin: the entity tagger',
    '',
    'Finds people (PER), places (LOC), organisations (ORG) and other names (MISC) in an article, for',
    '`electron/core/extract` (`ner/tagger.ts`). Written by `npm run train -- ner` (`bench/train/ner`); the',
    'same data, code and seed give the same bytes (`npm run train -- --check`).',
    '',
    '## Data and licences',
    '',
    `- CoNLL-2003 English training set only (the dev set is never read in training): ${docs.length} documents,`,
    `  ${sentences} sentences, ${tokens} tokens; ${ENTITY_TYPES.map((t) => `${entities[t]} ${t}`).join(', ')}.`,
    '  Text: Reuters RCV1 news of August 1996, licensed by Reuters for research use; annotations by the',
    '  CoNLL-2003 organisers (Tjong Kim Sang & De Meulder 2003), copy from github.com/ZihanWangKi/CrossWeigh.',
    '  Research use only: check these terms before shipping Dossier commercially.',
    '- Word clusters: the words (no labels) of the CoNLL training text and of the PolNeAR training texts',
    '  (US political news 2016; no licence stated, research use).',
    "- Word classes: compromise's lexicon (MIT licence) and the extractor's own word lists.",
    '- The file holds no text: words, phrases and features are stored as 32-bit hashes with weights.',
    '',
    '## Model',
    '',
    '- Linear-chain model trained as an averaged structured perceptron, BIO labels, Viterbi decoding',
    '  constrained to well-formed sequences (I-X only after B-X or I-X).',
    '- Two passes: the second sees, besides the local features, how the first pass tagged the same word',
    '  across the document (trained on first-pass labels of models that never saw the document).',
    '- A document written almost without capitals (a social post) is tagged by one pass trained on every',
    '  training document lower-cased ("lower 1"); so is a document written almost all in capitals (a',
    '  telex, a run of headlines), its words lower-cased first: capitals tell nothing there.',
    '- Features per token: word, lower case, shape, prefixes (1-3) and suffixes (1-4), the two words and',
    '  shapes either side, word pairs, sentence start, inside a quotation, the casing of the sentence',
    '  (normal, ALL CAPS, all lower case), word classes of the word and its neighbours (first names by',
    '  gender, surnames, countries, cities, organisations, demonyms, titles, verbs of saying, company',
    '  suffixes, nouns before organisations, compass words ...), a gazetteer of the training entities',
    '  (built for each training document from the other folds only), word clusters at three sizes, and how',
    '  the document writes the word elsewhere (lower case, capitalised mid-sentence).',
    `- Settings (chosen by 5-fold cross-validation on the training set, see bench/train/ner/settings.ts):`,
    `  ${JSON.stringify(NER_SETTINGS)}.`,
    `- ${features.join(', ')}; int16 weights; ${(bytes / 1e6).toFixed(1)} MB.`,
    '',
    '## Choice of settings',
    '',
    'Every feature set and setting was compared by pooled 5-fold cross-validation on the training set',
    '(folds by document, seed fixed); the dev set was read only to report the figures below, once.',
    '',
    ...CV_CHOICES,
    '',
    '## Figures',
    '',
    ...figures(),
    '',
    '## Limits',
    '',
    ...LIMITS,
    '',
  ].join('\n');
}
