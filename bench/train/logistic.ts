/**
 * Binary logistic regression over sparse string features (AdaGrad, L2), deterministic for a given seed:
 * the event models' trainer. Small enough to read; the data sets are tens of thousands of rows.
 */
import { random } from '../../electron/core/testing/random';

/** One training row: its features (strings or [name, value] pairs) and its label. */
export interface Row {
  features: (string | [string, number])[];
  label: 0 | 1;
}

/** Training settings. */
export interface LogisticOptions {
  l2: number;
  epochs: number;
  seed: number;
  /** Learning rate of AdaGrad (default 0.3). */
  rate?: number;
  /** Weight of positive rows (default 1). */
  positiveWeight?: number;
}

/** Fisher-Yates shuffle with a seeded generator (a copy). */
export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const feature = (f: string | [string, number]): [string, number] => (typeof f === 'string' ? [f, 1] : f);

/** Trains weights; features seen in no row are absent (weight 0). */
export function trainLogistic(rows: readonly Row[], options: LogisticOptions): Map<string, number> {
  const weights = new Map<string, number>();
  const squares = new Map<string, number>();
  const rate = options.rate ?? 0.3;
  const next = random(options.seed);
  let order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    order = shuffled(order, next);
    for (const index of order) {
      const row = rows[index]!;
      let z = 0;
      for (const f of row.features) {
        const [name, value] = feature(f);
        z += (weights.get(name) ?? 0) * value;
      }
      const p = 1 / (1 + Math.exp(-z));
      const scale = row.label === 1 ? (options.positiveWeight ?? 1) : 1;
      const error = (p - row.label) * scale;
      for (const f of row.features) {
        const [name, value] = feature(f);
        const w = weights.get(name) ?? 0;
        const g = error * value + options.l2 * w;
        const s = (squares.get(name) ?? 0) + g * g;
        squares.set(name, s);
        weights.set(name, w - (rate * g) / Math.sqrt(s + 1e-8));
      }
    }
  }
  return weights;
}

/** The probability a trained model gives a row. */
export function predict(weights: ReadonlyMap<string, number>, features: Row['features']): number {
  let z = 0;
  for (const f of features) {
    const [name, value] = feature(f);
    z += (weights.get(name) ?? 0) * value;
  }
  return 1 / (1 + Math.exp(-z));
}

/** Precision, recall and F1 of thresholded predictions. */
export function prf(
  scored: readonly { p: number; label: 0 | 1 }[],
  threshold: number,
): {
  p: number;
  r: number;
  f1: number;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scored) {
    if (s.p >= threshold && s.label === 1) tp++;
    else if (s.p >= threshold) fp++;
    else if (s.label === 1) fn++;
  }
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The threshold (on a 0.05 grid) with the best F1. */
export function bestThreshold(scored: readonly { p: number; label: 0 | 1 }[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.2; t <= 0.8001; t += 0.05) {
    const { f1 } = prf(scored, t);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
