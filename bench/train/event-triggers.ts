/**
 * The event-trigger model: which words name a happening. Trained on TimeBank + AQUAINT EVENT tags
 * (TempEval-3 training data; OCCURRENCE, I_ACTION, ASPECTUAL and PERCEPTION are happenings, REPORTING,
 * STATE and I_STATE are not), settings chosen by 5-fold cross-validation over documents. ECB+ is never
 * read here: it measures the model (`npm run eval -- events`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeModel } from '../../electron/core/extract/models/container';
import { layoutText } from '../../electron/core/extract/text';
import { TRIGGER_MODEL_FILE, triggerFeatures } from '../../electron/core/extract/events/trigger-model';
import { wordsOf } from '../../electron/core/extract/events/words';
import { loadTimebankEvents, type TimebankDoc } from '../eval/timebank-events';
import { bestThreshold, predict, prf, shuffled, trainLogistic, type Row } from './logistic';
import { random } from '../../electron/core/testing/random';
import type { TrainableModel, TrainContext } from './types';

const HAPPENING = new Set(['OCCURRENCE', 'I_ACTION', 'ASPECTUAL', 'PERCEPTION']);
const CARD = 'event-triggers.md';
const FOLDS = 5;
const GRID = [
  { l2: 1e-5, epochs: 4 },
  { l2: 1e-4, epochs: 4 },
  { l2: 1e-4, epochs: 8 },
  { l2: 1e-3, epochs: 8 },
];

/** One row per word of the document: its features and whether TimeBank tags it a happening. */
export function triggerRows(doc: TimebankDoc): Row[] {
  const rows: Row[] = [];
  const spans = [...doc.events].sort((a, b) => a.span[0] - b.span[0]);
  for (const sentence of layoutText(doc.text).sentences) {
    const words = wordsOf(doc.text, sentence.start, sentence.end);
    words.forEach((word, i) => {
      if (word.punct) return;
      const tag = spans.find((e) => e.span[0] < word.end && word.start < e.span[1]);
      rows.push({
        features: triggerFeatures(words, i),
        label: tag !== undefined && HAPPENING.has(tag.cls) ? 1 : 0,
      });
    });
  }
  return rows;
}

function crossValidate(
  docs: Row[][],
  setting: { l2: number; epochs: number },
  seed: number,
): { p: number; label: 0 | 1 }[] {
  const scored: { p: number; label: 0 | 1 }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = docs.filter((_, i) => i % FOLDS !== fold).flat();
    const weights = trainLogistic(train, { ...setting, seed: seed + fold });
    for (const row of docs.filter((_, i) => i % FOLDS === fold).flat()) {
      scored.push({ p: predict(weights, row.features), label: row.label });
    }
  }
  return scored;
}

function train(context: TrainContext): void {
  const docs = shuffled(loadTimebankEvents(context.dataDir), random(context.seed)).map(triggerRows);
  context.log(`${docs.length} documents, ${docs.flat().length} words`);
  let best = { setting: GRID[0]!, threshold: 0.5, f1: -1, p: 0, r: 0 };
  const lines: string[] = [];
  for (const setting of GRID) {
    const scored = crossValidate(docs, setting, context.seed);
    const threshold = bestThreshold(scored);
    const result = prf(scored, threshold);
    const line = `l2 ${setting.l2}, ${setting.epochs} epochs: threshold ${threshold}, P ${result.p.toFixed(3)} R ${result.r.toFixed(3)} F1 ${result.f1.toFixed(3)}`;
    lines.push(line);
    context.log(`cv ${line}`);
    if (result.f1 > best.f1) best = { setting, threshold, ...result };
  }
  const weights = trainLogistic(docs.flat(), { ...best.setting, seed: context.seed });
  const kept = [...weights].filter(([, w]) => Math.abs(w) >= 1e-3).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const model = encodeModel({
    name: 'event-triggers',
    meta: { features: kept.map(([f]) => f), threshold: best.threshold, ...best.setting },
    arrays: { weights: Float32Array.from(kept.map(([, w]) => w)) },
  });
  writeFileSync(join(context.outDir, TRIGGER_MODEL_FILE), model);
  writeFileSync(
    join(context.outDir, CARD),
    `# Event triggers (${TRIGGER_MODEL_FILE})

Which words of a sentence name a happening (a meeting, an attack, an arrest, a verdict), as opposed to
reporting verbs (said, told) and states. Used by \`electron/core/extract/events\`.

- **Model**: logistic regression over 15 sparse features per word (form, lemma, compromise lexicon tag,
  suffix, shape, neighbouring words and their classes), AdaGrad with L2; ${kept.length} non-zero weights.
- **Training data**: TimeBank 1.2 + AQUAINT (TempEval-3 training data, ${docs.length} documents): a word is a
  trigger when TimeBank tags it an EVENT of class OCCURRENCE, I_ACTION, ASPECTUAL or PERCEPTION. Research
  use only (TimeBank LDC licence, as distributed for TempEval-3).
- **Settings** (chosen by ${FOLDS}-fold cross-validation over documents): L2 ${best.setting.l2}, ${best.setting.epochs} epochs,
  threshold ${best.threshold}.
- **Cross-validation** (word level, out of fold):
${lines.map((l) => `  - ${l}`).join('\n')}
- **Measured on unseen data**: ECB+ topics 1-35 action mentions, in \`bench/results/eval.md\` (ECB+ is not
  used for training).
- **Rebuild**: \`npm run train -- events\` (deterministic; \`--check\` verifies the committed bytes).
`,
  );
}

/** `npm run train -- events` builds the trigger model (and the matching model, see event-matching.ts). */
export const eventTriggers: TrainableModel = {
  name: 'event-triggers',
  files: [TRIGGER_MODEL_FILE, CARD],
  train,
};
