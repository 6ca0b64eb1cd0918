/**
 * Unsupervised word clusters from unlabelled text: each word is described by the words seen just left
 * and right of it (positive pointwise mutual information with the 1,000 most frequent words), projected
 * to 96 dimensions with a seeded random matrix, and grouped by spherical k-means at three sizes (32,
 * 128, 512 clusters). A rare word then shares features with the frequent words it is used like
 * ("Mitsubishi" with "Toyota"). Deterministic: every random choice comes from the seed.
 */
import { random } from '../../../electron/core/testing/random';

const CONTEXT_WORDS = 1000;
const DIMENSIONS = 96;
const SIZES = [32, 128, 512] as const;
const MIN_COUNT = 2;
const ITERATIONS = 8;

/** A standard normal draw (Box-Muller) from a uniform generator. */
function gaussian(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

/** Spherical k-means of unit rows `vectors` (n × D) into k clusters; k-means++ start from `next`. */
function kmeans(vectors: Float32Array, n: number, k: number, next: () => number): Int32Array {
  const D = DIMENSIONS;
  const centroids = new Float32Array(k * D);
  const assign = new Int32Array(n);
  // k-means++ seeding on cosine distance.
  const dist = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(next() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(vectors.subarray(chosen * D, chosen * D + D), c * D);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += (vectors[i * D + d] as number) * (centroids[c * D + d] as number);
      dist[i] = Math.min(dist[i] as number, Math.max(0, 1 - dot));
      total += dist[i] as number;
    }
    let r = next() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i] as number;
      if (r <= 0) {
        chosen = i;
        break;
      }
    }
  }
  for (let iter = 0; iter < ITERATIONS; iter++) {
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += (vectors[i * D + d] as number) * (centroids[c * D + d] as number);
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assign[i] = arg;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assign[i] as number;
      for (let d = 0; d < D; d++)
        centroids[c * D + d] = (centroids[c * D + d] as number) + (vectors[i * D + d] as number);
    }
    for (let c = 0; c < k; c++) normalise(centroids, c);
  }
  return assign;
}

function normalise(vectors: Float32Array, row: number): void {
  const D = DIMENSIONS;
  let norm = 0;
  for (let d = 0; d < D; d++) norm += (vectors[row * D + d] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < D; d++) vectors[row * D + d] = (vectors[row * D + d] as number) / norm;
}

/**
 * Clusters of the lower-cased words of `sentences` seen at least twice: word -> coarse+1 | (mid+1) << 8 |
 * (fine+1) << 16 (see features.ts).
 */
export function wordClusters(sentences: Iterable<readonly string[]>, seed: number): Map<string, number> {
  const counts = new Map<string, number>();
  const lowered: string[][] = [];
  for (const words of sentences) {
    const lower = words.map((w) => w.toLowerCase().replace(/\d/g, '0'));
    lowered.push(lower);
    for (const w of lower) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byCount.filter(([, c]) => c >= MIN_COUNT).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const contextOf = new Map(byCount.slice(0, CONTEXT_WORDS).map(([w], i) => [w, i]));
  const C = 2 * (CONTEXT_WORDS + 1);
  // (word, context) pair counts, sorted and run-length counted: far smaller than a dense table.
  const pairs: number[] = [];
  for (const lower of lowered) {
    for (let i = 0; i < lower.length; i++) {
      const w = index.get(lower[i] as string);
      if (w === undefined) continue;
      const left = i > 0 ? (contextOf.get(lower[i - 1] as string) ?? CONTEXT_WORDS) : CONTEXT_WORDS;
      const right =
        i + 1 < lower.length ? (contextOf.get(lower[i + 1] as string) ?? CONTEXT_WORDS) : CONTEXT_WORDS;
      pairs.push(w * C + left, w * C + CONTEXT_WORDS + 1 + right);
    }
  }
  const sorted = Float64Array.from(pairs).sort();
  const contextTotals = new Float64Array(C);
  const wordTotals = new Float64Array(vocab.length);
  for (const p of sorted) {
    contextTotals[p % C] = (contextTotals[p % C] as number) + 1;
    wordTotals[Math.floor(p / C)] = (wordTotals[Math.floor(p / C)] as number) + 1;
  }
  const total = sorted.length;
  const next = random(seed);
  const projection = new Float32Array(C * DIMENSIONS);
  for (let i = 0; i < projection.length; i++) projection[i] = gaussian(next);
  const vectors = new Float32Array(vocab.length * DIMENSIONS);
  for (let start = 0; start < sorted.length;) {
    const p = sorted[start] as number;
    let end = start;
    while (end < sorted.length && sorted[end] === p) end++;
    const w = Math.floor(p / C);
    const c = p % C;
    const pmi = Math.log(
      ((end - start) * total) / ((wordTotals[w] as number) * (contextTotals[c] as number)),
    );
    if (pmi > 0) {
      for (let d = 0; d < DIMENSIONS; d++) {
        vectors[w * DIMENSIONS + d] =
          (vectors[w * DIMENSIONS + d] as number) + pmi * (projection[c * DIMENSIONS + d] as number);
      }
    }
    start = end;
  }
  for (let w = 0; w < vocab.length; w++) normalise(vectors, w);
  const levels = SIZES.map((k) => kmeans(vectors, vocab.length, k, next));
  const clusters = new Map<string, number>();
  vocab.forEach((word, w) => {
    const [coarse, mid, fine] = levels.map((a) => (a[w] as number) + 1) as [number, number, number];
    clusters.set(word, coarse | (mid << 8) | (fine << 16));
  });
  return clusters;
}
