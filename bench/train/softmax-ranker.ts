/**
 * A small linear ranker trained with a softmax over each group's options (a conditional logit): every
 * group (one quote) has options (its candidate speakers), some of them right; training maximises the
 * log of the probability mass on the right ones, with an L2 penalty, by AdaGrad over shuffled groups.
 * Deterministic: the shuffle comes from a seeded generator and every sum runs in a fixed order.
 */
import { random as seededRandom } from '../../electron/core/testing/random';

/** One option of a group: its features and whether it is right. */
export interface RankOption {
  features: readonly string[];
  right: boolean;
}

/** Settings chosen by cross-validation. */
export interface RankerSettings {
  /** L2 penalty per group (scaled by 1 / number of groups). */
  l2: number;
  epochs: number;
  /** AdaGrad step size. */
  rate: number;
  /** Features seen in fewer training groups than this are left out. */
  minCount: number;
  /** Return the average of the weights over the second half of training. */
  average?: boolean;
}

/** A trained ranker: one weight per feature string. */
export interface LinearModel {
  features: string[];
  weights: Float32Array;
}

interface Compiled {
  /** Per option, the feature indices. */
  options: Int32Array[];
  right: boolean[];
}

/** Trains on groups that have at least one right option (others teach nothing about ranking). */
export function trainRanker(
  groups: readonly RankOption[][],
  settings: RankerSettings,
  seed: number,
): LinearModel {
  const counts = new Map<string, number>();
  for (const group of groups) {
    if (!group.some((o) => o.right)) continue;
    const inGroup = new Set<string>();
    for (const option of group) for (const f of option.features) inGroup.add(f);
    for (const f of inGroup) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const features = [...counts.keys()].filter((f) => (counts.get(f) ?? 0) >= settings.minCount).sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const compiled: Compiled[] = [];
  for (const group of groups) {
    if (!group.some((o) => o.right) || group.length < 2) continue;
    compiled.push({
      options: group.map((o) =>
        Int32Array.from(o.features.flatMap((f) => (index.has(f) ? [index.get(f) as number] : []))),
      ),
      right: group.map((o) => o.right),
    });
  }
  const weights = new Float64Array(features.length);
  const squares = new Float64Array(features.length).fill(1e-8);
  const random = seededRandom(seed);
  const gradient = new Float64Array(features.length);
  const touched = new Int32Array(features.length);
  const mark = new Int32Array(features.length).fill(-1);
  let step = 0;
  const order = compiled.map((_, i) => i);
  const l2 = settings.l2 / Math.max(1, compiled.length);
  // Polyak averaging over the second half of training: the average of the iterates generalises better
  // than the last one.
  const sum = new Float64Array(features.length);
  let averaged = 0;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const g of order) {
      const group = compiled[g] as Compiled;
      const scores = group.options.map((ids) => {
        let s = 0;
        for (const id of ids) s += weights[id] as number;
        return s;
      });
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const total = exps.reduce((a, b) => a + b, 0);
      const rightTotal = exps.reduce((a, e, k) => (group.right[k] ? a + e : a), 0);
      let touchedCount = 0;
      step++;
      group.options.forEach((ids, k) => {
        // d(-log P(right)) / d score_k = p_k - p_k [k right] / P(right)
        const p = (exps[k] as number) / total;
        const g = p - (group.right[k] ? (exps[k] as number) / rightTotal : 0);
        if (g === 0) return;
        for (const id of ids) {
          if (mark[id] !== step) {
            mark[id] = step;
            touched[touchedCount++] = id;
          }
          gradient[id] = (gradient[id] as number) + g;
        }
      });
      // Each weight's update depends only on its own gradient, so the order of updates is immaterial.
      for (let t = 0; t < touchedCount; t++) {
        const id = touched[t] as number;
        const g = (gradient[id] as number) + l2 * (weights[id] as number);
        gradient[id] = 0;
        if (g === 0) continue;
        squares[id] = (squares[id] as number) + g * g;
        weights[id] = (weights[id] as number) - (settings.rate * g) / Math.sqrt(squares[id] as number);
      }
      if (settings.average && epoch >= settings.epochs / 2) {
        for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (weights[i] as number);
        averaged++;
      }
    }
  }
  if (averaged > 0) for (let i = 0; i < sum.length; i++) weights[i] = (sum[i] as number) / averaged;
  return { features, weights: Float32Array.from(weights) };
}

/** The scoring function of a trained model (unknown features count for nothing). */
export function scorerOf(model: LinearModel): (features: readonly string[]) => number {
  const index = new Map(model.features.map((f, i) => [f, model.weights[i] as number]));
  return (features) => {
    let s = 0;
    for (const f of features) s += index.get(f) ?? 0;
    return s;
  };
}
