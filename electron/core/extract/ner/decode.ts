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
  if (L === 9) forward9(emissions, n, transitions, score, back);
  else forward(emissions, n, transitions, score, back);
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

/** The forward pass of {@link viterbi} for any label count: scores and back-pointers of tokens 1..n-1. */
function forward(
  emissions: Float64Array,
  n: number,
  transitions: ArrayLike<number>,
  score: Float64Array,
  back: Int8Array,
): void {
  const L = LABEL_COUNT;
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
}

/**
 * {@link forward} written out for nine labels (O, B-X and I-X of four types): the previous token's
 * scores are read once into locals; O and every B-X may follow any label, I-X only B-X and I-X. The
 * same sums in the same order, ties to the lower label, so the same result.
 */
function forward9(
  emissions: Float64Array,
  n: number,
  transitions: ArrayLike<number>,
  score: Float64Array,
  back: Int8Array,
): void {
  const tr = transitions;
  for (let t = 1; t < n; t++) {
    const from = (t - 1) * 9;
    const at = t * 9;
    const s0 = score[from] as number;
    const s1 = score[from + 1] as number;
    const s2 = score[from + 2] as number;
    const s3 = score[from + 3] as number;
    const s4 = score[from + 4] as number;
    const s5 = score[from + 5] as number;
    const s6 = score[from + 6] as number;
    const s7 = score[from + 7] as number;
    const s8 = score[from + 8] as number;
    // O and B-X (labels 0, 1, 3, 5, 7): every label before.
    for (let y = 0; y < 9; y = y === 0 ? 1 : y + 2) {
      let best = -Infinity;
      let arg = 0;
      let s = s0 + (tr[y] as number);
      if (s > best) best = s;
      s = s1 + (tr[9 + y] as number);
      if (s > best) {
        best = s;
        arg = 1;
      }
      s = s2 + (tr[18 + y] as number);
      if (s > best) {
        best = s;
        arg = 2;
      }
      s = s3 + (tr[27 + y] as number);
      if (s > best) {
        best = s;
        arg = 3;
      }
      s = s4 + (tr[36 + y] as number);
      if (s > best) {
        best = s;
        arg = 4;
      }
      s = s5 + (tr[45 + y] as number);
      if (s > best) {
        best = s;
        arg = 5;
      }
      s = s6 + (tr[54 + y] as number);
      if (s > best) {
        best = s;
        arg = 6;
      }
      s = s7 + (tr[63 + y] as number);
      if (s > best) {
        best = s;
        arg = 7;
      }
      s = s8 + (tr[72 + y] as number);
      if (s > best) {
        best = s;
        arg = 8;
      }
      score[at + y] = best + (emissions[at + y] as number);
      back[at + y] = arg;
    }
    // I-X (labels 2, 4, 6, 8): only B-X (y - 1) or I-X (y).
    for (let y = 2; y < 9; y += 2) {
      const b = (score[from + y - 1] as number) + (tr[(y - 1) * 9 + y] as number);
      const i = (score[from + y] as number) + (tr[y * 9 + y] as number);
      let best = -Infinity;
      let arg = 0;
      if (b > best) {
        best = b;
        arg = y - 1;
      }
      if (i > best) {
        best = i;
        arg = y;
      }
      score[at + y] = best + (emissions[at + y] as number);
      back[at + y] = arg;
    }
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
