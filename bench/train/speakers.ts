/**
 * `npm run train -- speakers`: the speaker model (resources/models/speakers.bin) and its card
 * (speakers.md), from PolNeAR train only. 5-fold cross-validation by text gives the held-out
 * decisions that the calibration and the quote classifier's threshold are fitted on, and the figures
 * the card reports; the shipped model is then fitted on all of train.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { encodeModel } from '../../electron/core/extract/models/container';
import { SPEAKER_MODEL_FILE, speakerModelFile } from '../../electron/core/extract/speaker-model';
import { loadPolnear } from '../eval/extraction-data';
import { calibrationRows, quoteFigures } from '../eval/speaker-figures';
import { readSpeakerDoc } from './speaker-data';
import { crossValidate, fitModels, modelData, prepare, SETTINGS, type PreparedDoc } from './speakers-fit';
import type { TrainableModel } from './types';

/** The PolNeAR train texts, read and with their candidates. */
export function loadTrainDocs(dataDir: string): PreparedDoc[] {
  return loadPolnear(dataDir, 'train').map(readSpeakerDoc).map(prepare);
}

const CARD_TEMPLATE = join(import.meta.dirname, 'speakers-card.md');

function table(columns: string[], rows: string[][]): string {
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export const speakersModel: TrainableModel = {
  name: 'speakers',
  files: [SPEAKER_MODEL_FILE, 'speakers.md'],
  async train({ dataDir, outDir, seed, log }) {
    const docs = loadTrainDocs(dataDir);
    log(`${docs.length} PolNeAR train texts read`);
    const cv = crossValidate(docs, SETTINGS, seed, log);
    const fitted = fitModels(docs, SETTINGS, seed);
    const data = modelData(fitted, cv.held, SETTINGS);
    const file = encodeModel(
      speakerModelFile(data, { data: 'PolNeAR train', texts: docs.length, seed, settings: SETTINGS }),
    );
    writeFileSync(join(outDir, SPEAKER_MODEL_FILE), file);
    const figures = quoteFigures(
      docs.map((d) => d.doc),
      cv.quotes,
    );
    const card = readFileSync(CARD_TEMPLATE, 'utf8')
      .replace('{{TEXTS}}', String(docs.length))
      .replace('{{SETTINGS}}', JSON.stringify(SETTINGS))
      .replace('{{RANKER_FEATURES}}', String(data.ranker.features.length))
      .replace('{{QUOTE_FEATURES}}', String(data.quote.features.length))
      .replace('{{THRESHOLD}}', String(data.quoteThreshold))
      .replace('{{MAX_LOSS}}', `${SETTINGS.maxRecallLoss * 100}%`)
      .replace('{{SIZE}}', `${(file.length / 1024).toFixed(0)} KB`)
      .replace(
        '{{CV}}',
        table(
          ['gold direct quotes', 'detection recall', 'speaker accuracy', 'quote precision (lower bound)'],
          [[String(figures.gold), figures.recall, figures.accuracy, figures.precision]],
        ),
      )
      .replace(
        '{{CALIBRATION}}',
        table(['confidence', 'quotes', 'right speaker'], calibrationRows(figures.judged)),
      );
    // Formatted as the repository's Prettier would (tables padded), so `npm run lint` accepts it.
    const options = (await resolveConfig(CARD_TEMPLATE)) ?? {};
    writeFileSync(join(outDir, 'speakers.md'), await format(card, { ...options, parser: 'markdown' }));
    log(`CV: recall ${figures.recall}, speaker accuracy ${figures.accuracy}, precision ${figures.precision}`);
  },
};
