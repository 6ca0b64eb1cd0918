/**
 * The tagger's labels (BIO over PER, LOC, ORG, MISC) and Viterbi decoding that only allows well-formed
 * sequences: I-X follows B-X or I-X, never O or another type. Training and extraction both decode here.
 */

/** Entity types, in label order. */
export const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Labels: 0 = O, then B-X = 1 + 2k and I-X = 2 + 2k for type k. */
export const LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const LABEL_COUNT = LABELS.length;

export const isInside = (label: number): boolean => label > 0 && label % 2 === 0;
export const typeOf = (label: number): number => (label - 1) >> 1;

/** Whether `label` may follow `prev` (-1 = sentence start). */
export function allowed(prev: number, label: number): boolean {
  if (!isInside(label)) return true;
  return prev > 0 && typeOf(prev) === typeOf(label);
}

/** {@link allowed} of every pair of labels: ALLOWED[prev * LABEL_COUNT + label] is 1 or 0. */
const ALLOWED = Uint8Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, i) =>
  allowed(Math.floor(i / LABEL_COUNT), i % LABEL_COUNT) ? 1 : 0,
);

/** The first and last label each label may follow: I-X only B-X and I-X, the others any label. */
const FIRST_ALLOWED = Int32Array.from({ length: LABEL_COUNT }, (_, y) => (isInside(y) ? y - 1 : 0));
const LAST_ALLOWED = Int32Array.from({ length: LABEL_COUNT }, (_, y) => (isInside(y) ? y : LABEL_COUNT - 1));

/**
 * Best label sequence for `n` tokens.
 * @param emissions n × LABEL_COUNT scores of each label at each token
 * @param transitions (LABEL_COUNT + 1) × LABEL_COUNT: row LABEL_COUNT is the start of a sentence
 * @param out receives the labels (length >= n)
 */
export function viterbi(
  emissions: Float64Array,
  n: number,
  transitions: ArrayLike<number>,
  out: Int32Array | Uint8Array,
  /** Work arrays of at least n × LABEL_COUNT, reused by a caller that decodes many sentences. */
  scratch?: { score: Float64Array; back: Int8Array },
): void {
  const L = LABEL_COUNT;
  if (n === 0) return;
  const fits = scratch !== undefined && scratch.score.length >= n * L && scratch.back.length >= n * L;
  const score = fits ? scratch.score : new Float64Array(n * L);
  const back = fits ? scratch.back : new Int8Array(n * L);
  for (let y = 0; y < L; y++) {
    score[y] = allowed(-1, y) ? (emissions[y] as number) + (transitions[L * L + y] as number) : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    const from = (t - 1) * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      // The labels `y` may follow, in ascending order (ties go to the first, as before).
      const first = FIRST_ALLOWED[y] as number;
      const last = LAST_ALLOWED[y] as number;
      for (let p = first; p <= last; p++) {
        if (ALLOWED[p * L + y] === 0) continue;
        const s = (score[from + p] as number) + (transitions[p * L + y] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[t * L + y] = best + (emissions[t * L + y] as number);
      back[t * L + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    const s = score[(n - 1) * L + y] as number;
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  for (let t = n - 1; t >= 0; t--) {
    out[t] = arg;
    arg = back[t * L + arg] as number;
  }
}

/** Entity spans [type, firstToken, lastToken] of a well-formed label sequence. */
export function spansOf(labels: ArrayLike<number>, n: number): Array<[EntityType, number, number]> {
  const spans: Array<[EntityType, number, number]> = [];
  let open = -1;
  for (let t = 0; t <= n; t++) {
    const label = t < n ? (labels[t] as number) : 0;
    if (open !== -1 && !isInside(label)) {
      spans.push([ENTITY_TYPES[typeOf(labels[open] as number)] as EntityType, open, t - 1]);
      open = -1;
    }
    if (label > 0 && !isInside(label)) open = t;
  }
  return spans;
}
