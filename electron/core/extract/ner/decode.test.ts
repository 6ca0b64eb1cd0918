import { describe, expect, it } from 'vitest';
import { allowed, LABEL_COUNT, viterbi } from './decode';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Every well-formed label sequence of length n, by brute force: the best score and the first sequence that has it. */
function bruteForce(
  emissions: Float64Array,
  n: number,
  transitions: Float32Array,
): { best: number; labels: number[] } {
  const L = LABEL_COUNT;
  let best = -Infinity;
  let labels: number[] = [];
  const walk = (t: number, prev: number, sum: number, path: number[]): void => {
    if (t === n) {
      if (sum > best) {
        best = sum;
        labels = [...path];
      }
      return;
    }
    for (let y = 0; y < L; y++) {
      if (!allowed(prev, y)) continue;
      const step = (prev === -1 ? transitions[L * L + y] : transitions[prev * L + y]) as number;
      walk(t + 1, y, sum + step + (emissions[t * L + y] as number), [...path, y]);
    }
  };
  walk(0, -1, 0, []);
  return { best, labels };
}

function scoreOf(labels: ArrayLike<number>, emissions: Float64Array, transitions: Float32Array): number {
  const L = LABEL_COUNT;
  let sum = 0;
  for (let t = 0; t < labels.length; t++) {
    const y = labels[t] as number;
    const prev = t === 0 ? L : (labels[t - 1] as number);
    sum += (transitions[prev * L + y] as number) + (emissions[t * L + y] as number);
  }
  return sum;
}

describe('viterbi', () => {
  it('finds a best well-formed sequence, as brute force does', () => {
    const random = generator(7);
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(random() * 4);
      // Halves and whole numbers, so that ties between paths are common.
      const emissions = Float64Array.from(
        { length: n * LABEL_COUNT },
        () => Math.round((random() - 0.5) * 8) / 2,
      );
      const transitions = Float32Array.from(
        { length: (LABEL_COUNT + 1) * LABEL_COUNT },
        () => Math.round((random() - 0.5) * 6) / 2,
      );
      const out = new Int32Array(n);
      viterbi(emissions, n, transitions, out);
      const expected = bruteForce(emissions, n, transitions);
      expect(scoreOf(out, emissions, transitions)).toBe(expected.best);
      for (let t = 0; t < n; t++)
        expect(allowed(t === 0 ? -1 : (out[t - 1] as number), out[t] as number)).toBe(true);
    }
  });

  it('breaks a tie towards the lower label', () => {
    // Every score equal: O throughout.
    const n = 3;
    const out = new Int32Array(n).fill(-1);
    viterbi(new Float64Array(n * LABEL_COUNT), n, new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT), out);
    expect([...out]).toEqual([0, 0, 0]);
  });

  it('never lets I-X follow O: a strong I-PER pulls a B-PER before it', () => {
    const L = LABEL_COUNT;
    const emissions = new Float64Array(2 * L);
    emissions[0] = 1; // O first
    emissions[L + 2] = 100; // I-PER second: allowed only after B-PER or I-PER
    const out = new Int32Array(2);
    viterbi(emissions, 2, new Float32Array((L + 1) * L), out);
    expect([...out]).toEqual([1, 2]);
  });
});
