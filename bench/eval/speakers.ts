/**
 * `npm run eval -- speakers`: quotes and speakers on PolNeAR with EVAL.md's metrics, side by side:
 * 5-fold cross-validation on train (each fold's model never saw the texts it is measured on; the same
 * procedure and seed as the shipped model's training) and dev, measured once with the shipped model.
 * Plus the calibration table (confidence bucket -> share with the right speaker).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../electron/core/extract';
import { loadModel } from '../../electron/core/extract/models/container';
import { SPEAKER_MODEL_FILE } from '../../electron/core/extract/speaker-model';
import type { QuoteMention } from '../../electron/core/extract/types';
import { readSpeakerDoc } from '../train/speaker-data';
import { loadTrainDocs } from '../train/speakers';
import { crossValidate, prepare, SETTINGS, type PreparedDoc } from '../train/speakers-fit';
import { loadPolnear } from './extraction-data';
import { calibrationRows, quoteFigures, type MissedGold, type QuoteFigures } from './speaker-figures';
import type { EvalSection } from './types';

function devFigures(dataDir: string): {
  figures: QuoteFigures;
  texts: number;
  words: number;
  seconds: number;
} {
  const docs = loadPolnear(dataDir, 'dev');
  const started = performance.now();
  const quotes = docs.map(
    (doc) =>
      extractArticle(doc.text, { published: /_(\d{4}-\d\d-\d\d)_/.exec(doc.name)?.[1] ?? '2016-11-01' })
        .quotes,
  );
  const seconds = (performance.now() - started) / 1000;
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  return { figures: quoteFigures(docs, quotes), texts: docs.length, words, seconds };
}

/**
 * The hand-written rules alone, as they run today inside the candidates: each pair of marks is a quote
 * and its speaker is the phrase the rule cascade (rules in a fixed order, first answer wins) took,
 * resolved through coreference. The baseline the trained model replaces, measured in the same run.
 */
function cascadeQuotes(docs: readonly PreparedDoc[]): QuoteMention[][] {
  return docs.map((doc) =>
    doc.candidates.map((qc) => {
      const picked = qc.candidates.find((c) => c.cascade && c.speaker !== null);
      return {
        span: qc.quote.span,
        text: doc.ctx.text.slice(qc.quote.span[0], qc.quote.span[1]),
        speaker: picked?.speaker ?? null,
        speakerSpan: picked?.span ?? null,
        cue: picked?.cue ?? null,
        confidence: picked ? 1 : 0,
        rule: 'cascade',
        kind: 'direct',
        evidence: [],
      };
    }),
  );
}

/** The speaker sections of `npm run eval`. */
export async function evaluateSpeakers(dataDir: string): Promise<EvalSection[]> {
  const root = join(dataDir, 'quotes/polnear/data');
  if (!existsSync(join(root, 'train')) || !existsSync(join(root, 'dev'))) {
    return [
      {
        title: 'Quotes and speakers: PolNeAR',
        columns: [],
        rows: [],
        notes: [`skipped: ${root} is missing`],
      },
    ];
  }
  const seed = (loadModel(SPEAKER_MODEL_FILE).meta as { seed?: number }).seed ?? 0;
  const train = loadTrainDocs(dataDir);
  const cv = quoteFigures(
    train.map((d) => d.doc),
    crossValidate(train, SETTINGS, seed).quotes,
  );
  await new Promise((resolve) => setImmediate(resolve));
  const dev = devFigures(dataDir);
  const d = dev.figures;
  const rulesTrain = quoteFigures(
    train.map((d) => d.doc),
    cascadeQuotes(train),
  );
  const devDocs = loadPolnear(dataDir, 'dev').map(readSpeakerDoc).map(prepare);
  const rulesDev = quoteFigures(
    devDocs.map((d) => d.doc),
    cascadeQuotes(devDocs),
  );
  const calibration = calibrationRows(cv.judged);
  const missedRow = (label: string, cause: keyof MissedGold): string[] => [
    label,
    ...[cv, d, rulesTrain, rulesDev].map((figures) => String(figures.missed[cause])),
    '',
  ];
  const devCalibration = calibrationRows(d.judged);
  return [
    {
      title: 'Quotes and speakers: PolNeAR direct quotes (5-fold CV on train | dev)',
      columns: ['measure', 'model: CV on train', 'model: dev', 'rules: train', 'rules: dev', 'target'],
      rows: [
        ['texts', String(train.length), String(dev.texts), String(train.length), String(devDocs.length), ''],
        [
          'gold direct quotes',
          String(cv.gold),
          String(d.gold),
          String(rulesTrain.gold),
          String(rulesDev.gold),
          '',
        ],
        ['detection recall', cv.recall, d.recall, rulesTrain.recall, rulesDev.recall, '>= 0.99 (dev)'],
        missedRow('missed: no marks, only an apostrophe after a letter', 'apostrophe'),
        missedRow('missed: no marks found otherwise', 'noMarks'),
        missedRow('missed: set aside as a title, term or scare quote', 'setAside'),
        [
          'speaker accuracy',
          cv.accuracy,
          d.accuracy,
          rulesTrain.accuracy,
          rulesDev.accuracy,
          '>= 0.92 (CV), >= 0.94 (dev)',
        ],
        [
          'quote precision (lower bound)',
          cv.precision,
          d.precision,
          rulesTrain.precision,
          rulesDev.precision,
          '>= 0.94 (dev)',
        ],
        [
          'predicted quotes',
          String(cv.predicted),
          String(d.predicted),
          String(rulesTrain.predicted),
          String(rulesDev.predicted),
          '',
        ],
        [
          'right speaker among quotes at confidence >= 0.9',
          calibration.at(-1)?.[2] ?? '–',
          devCalibration.at(-1)?.[2] ?? '–',
          '–',
          '–',
          '>= 0.90',
        ],
        [
          'all quotation marks counted: detection recall',
          cv.allMarks.recall,
          d.allMarks.recall,
          rulesTrain.allMarks.recall,
          rulesDev.allMarks.recall,
          '',
        ],
        [
          'all quotation marks counted: precision',
          cv.allMarks.precision,
          d.allMarks.precision,
          rulesTrain.allMarks.precision,
          rulesDev.allMarks.precision,
          '',
        ],
      ],
      notes: [
        'Missed gold direct quotes, by cause: EVAL.md counts a ’ not followed by a letter as a quotation mark, so a plural possessive ("the generals’ hands") makes a direct quote of a reported one, which has no marks to find; the others set aside are quotations extraction reads as a title, a term or a scare quote (a nickname, a bill\'s name, a phrase someone used).',
        'Predicted quotes are the quotations extraction presents as someone’s words (kinds direct, partial, social); those it sets aside as titles, terms or scare quotes (kind "scare", no speaker) are not counted. The last two rows count every pair of marks.',
        'CV: folds by text (text i in fold i mod 5); each fold’s ranker, quote classifier, calibration and threshold come from the other folds only. Dev is measured with the shipped model (resources/models/speakers.bin), trained on all of train; dev never chose anything.',
        'Rules: the hand-written cascade alone (first rule that answers, resolved through coreference; every pair of marks a quote), computed in this run from the same candidates the model ranks; nothing trained, so train and dev are plain measurements. The cascade as shipped before the model (with its own continuation and confidence rules) measured dev recall 0.992, speaker accuracy 0.910, precision 0.926.',
        `Dev extraction speed here: ${Math.round(dev.words / dev.seconds)} words/s wall time, first call included (\`npm run bench -- extract\` measures speed properly).`,
      ],
    },
    {
      title: 'Speaker confidence calibration (share of quotes with the right speaker per confidence bucket)',
      columns: ['confidence', 'CV quotes', 'CV right', 'dev quotes', 'dev right'],
      rows: calibration.map((row, i) => [...row, ...(devCalibration[i]?.slice(1) ?? ['–', '–'])]),
      notes: [
        'Quotes counted: attributed quotes overlapping a gold direct quote; right = the speaker matches one of those gold quotes’ Source (EVAL.md).',
        'Confidence is the ranker’s probability for the chosen speaker (mentions of one person added up), mapped through isotonic regression fitted on held-out folds of train.',
      ],
    },
  ];
}
