/**
 * An averaged structured perceptron (Collins 2002) over BIO label sequences: decode each training
 * sentence with the current weights (the same constrained Viterbi extraction uses) and, where the best
 * sequence differs from the gold one, move weight from the predicted labels' features to the gold ones.
 * The averaged weights (over every step of every epoch) are returned; they generalise far better.
 */
import { LABEL_COUNT, viterbi } from '../../../electron/core/extract/ner/decode';
import { random } from '../../../electron/core/testing/random';

/** One training sentence: feature rows of each token (rows[offsets[t] .. offsets[t+1]]) and gold labels. */
export interface TrainingSentence {
  rows: Int32Array;
  offsets: Uint32Array;
  labels: Int32Array;
}

/** The trained weights: LABEL_COUNT per feature row, and (LABEL_COUNT + 1) × LABEL_COUNT transitions. */
export interface PerceptronWeights {
  weights: Float64Array;
  transitions: Float64Array;
}

/** Trains on `sentences` for `epochs` passes in a seeded order. */
export function trainPerceptron(
  sentences: readonly TrainingSentence[],
  rowCount: number,
  options: { epochs: number; seed: number; log?: (line: string) => void },
): PerceptronWeights {
  const L = LABEL_COUNT;
  const w = new Float64Array(rowCount * L);
  const acc = new Float64Array(rowCount * L);
  const tr = new Float64Array((L + 1) * L);
  const trAcc = new Float64Array((L + 1) * L);
  const next = random(options.seed);
  const order = sentences.map((_, i) => i);
  let maxLength = 1;
  for (const s of sentences) maxLength = Math.max(maxLength, s.labels.length);
  const emissions = new Float64Array(maxLength * L);
  const predicted = new Int32Array(maxLength);
  let step = 1;

  const update = (s: TrainingSentence, t: number, label: number, delta: number): void => {
    for (let f = s.offsets[t] as number; f < (s.offsets[t + 1] as number); f++) {
      const at = (s.rows[f] as number) * L + label;
      w[at] = (w[at] as number) + delta;
      acc[at] = (acc[at] as number) + delta * step;
    }
  };
  const updateTransition = (prev: number, label: number, delta: number): void => {
    const at = (prev < 0 ? L : prev) * L + label;
    tr[at] = (tr[at] as number) + delta;
    trAcc[at] = (trAcc[at] as number) + delta * step;
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    for (const index of order) {
      const s = sentences[index] as TrainingSentence;
      const n = s.labels.length;
      emissions.fill(0, 0, n * L);
      for (let t = 0; t < n; t++) {
        for (let f = s.offsets[t] as number; f < (s.offsets[t + 1] as number); f++) {
          const base = (s.rows[f] as number) * L;
          for (let y = 0; y < L; y++)
            emissions[t * L + y] = (emissions[t * L + y] as number) + (w[base + y] as number);
        }
      }
      viterbi(emissions, n, tr, predicted);
      let wrong = false;
      for (let t = 0; t < n; t++) {
        const gold = s.labels[t] as number;
        const guess = predicted[t] as number;
        const goldPrev = t > 0 ? (s.labels[t - 1] as number) : -1;
        const guessPrev = t > 0 ? (predicted[t - 1] as number) : -1;
        if (gold !== guess) {
          wrong = true;
          update(s, t, gold, 1);
          update(s, t, guess, -1);
        }
        if (gold !== guess || goldPrev !== guessPrev) {
          updateTransition(goldPrev, gold, 1);
          updateTransition(guessPrev, guess, -1);
        }
      }
      if (wrong) errors++;
      step++;
    }
    options.log?.(`epoch ${epoch + 1}: ${errors} of ${order.length} sentences wrong`);
  }
  // Averaged weights: w - acc / step (the lazy-averaging identity).
  for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) - (acc[i] as number) / step;
  for (let i = 0; i < tr.length; i++) tr[i] = (tr[i] as number) - (trAcc[i] as number) / step;
  return { weights: w, transitions: tr };
}
