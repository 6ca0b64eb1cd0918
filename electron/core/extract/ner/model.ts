/**
 * The trained tagger as extraction uses it: feature weights looked up by key and BIO-constrained Viterbi
 * over each sentence, in two passes. The first pass tags every sentence from local features; the second
 * sees, besides them, how the first pass tagged the same words across the document. Built from a model
 * file (resources/models/ner.bin) or, in training and cross-validation, from arrays in memory; both go
 * through {@link NerModel.fromData}.
 */
import type { ModelData } from '../models/container';
import { LABEL_COUNT, viterbi } from './decode';
import {
  type ContextKeys,
  documentContext,
  documentForms,
  type DocumentContext,
  edgeKeys,
  FeatureBuffer,
  NEIGHBOUR_SIDES,
  neighbourKeys,
  type NerLexicons,
  readSentence,
  sentenceContextKeys,
  type SentenceReading,
  SUM_SLOTS,
  withFirstPass,
  type WordForms,
  wordKeys,
} from './features';
import { KeyTable, phraseKey } from './hash';
import { WORD_CLASSES } from './features';

// TaggerPass.sum writes out the additions for nine labels (O, then B and I of four types).
if (LABEL_COUNT !== 9) throw new Error('the entity tagger is written for nine labels');

const MALE = 1 << WORD_CLASSES.indexOf('male-name');
const FEMALE = 1 << WORD_CLASSES.indexOf('female-name');

/** The JSON part of the model file. */
export interface NerMeta {
  labels: string[];
  /** Per pass: multiply the stored int16 weights by this. */
  scales: number[];
  /** Per pass of the model for text written all in lower case (arrays "lower1." ...), if any. */
  lowerScales?: number[];
  maxPhraseWords: number;
}

/** The arrays of one pass in a model file, by name (prefixed "pass1.", "pass2."). */
export const PASS_ARRAYS = ['featureKeys', 'featureRows', 'weights', 'transitions'] as const;

function array<T>(data: ModelData, name: string, ctor: new (...args: never[]) => T): T {
  const found = data.arrays[name];
  if (!(found instanceof ctor)) throw new Error(`the array "${name}" is missing or of the wrong type`);
  return found;
}

/**
 * Distinct words whose weight sums a pass keeps (180 bytes each in one array, with the index's entry
 * and the word: about 3 MB per pass when full); the cache starts over past it.
 */
const WORD_CACHE_LIMIT = 1 << 14;
/** Integers per cached word: its own group and the four sides', LABEL_COUNT each. */
const STRIDE = (1 + NEIGHBOUR_SIDES.length) * LABEL_COUNT;

/** Stamps of the passes' word caches: a new one whenever a cache starts (over); never 0. */
let lastStamp = 0;
/** Passes made so far, to give each a slot of {@link WordForms.sums}. */
let passesMade = 0;

/** One pass's weights. */
export class TaggerPass {
  /**
   * Word -> where its sums start in {@link slab}: the summed weights of its {@link wordKeys} and, per
   * side, of the {@link neighbourKeys} a token reads from it. Most of a token's features read one word,
   * and news repeats its words, so each distinct word's weights are looked up once, not at every token.
   */
  private slab = new Int32Array(0);
  /**
   * Where this pass finds a word's offset in {@link slab}: its pair in {@link WordForms.sums} when that
   * pair holds this cache's stamp. Passes made after the fourth share slots with earlier ones (models
   * trained in cross-validation): they then overwrite each other's pairs and sum a word again.
   */
  private readonly slot = (passesMade++ % SUM_SLOTS) * 2;
  private stamp = ++lastStamp;
  private entries = 0;
  /** Summed weights of the {@link edgeKeys} of each side (4 × LABEL_COUNT). */
  private edges: Int32Array | undefined;
  private readonly work = new FeatureBuffer();
  /** Work array of {@link tagSentence}: integer sums of each token's weights per label. */
  private totals = new Int32Array(0);
  private offsets = new Int32Array(0);

  constructor(
    private readonly features: KeyTable,
    /** int16 weights, LABEL_COUNT per feature row, times `scale`. */
    private readonly weights: Int16Array,
    private readonly scale: number,
    private readonly transitions: Float32Array,
  ) {}

  /** Adds the weights of keys[from..to) of `buf` to `out` from index `at` (integers: sums are exact). */
  private sum(buf: FeatureBuffer, from: number, to: number, out: Int32Array, at: number): void {
    const keys = buf.keys;
    const features = this.features;
    const weights = this.weights;
    // LABEL_COUNT (9) additions written out: the tagger's innermost loop.
    let o0 = 0,
      o1 = 0,
      o2 = 0,
      o3 = 0,
      o4 = 0,
      o5 = 0,
      o6 = 0,
      o7 = 0,
      o8 = 0;
    for (let f = from; f < to; f++) {
      const row = features.get(keys[f] as number);
      if (row < 0) continue;
      const w = row * 9;
      o0 += weights[w] as number;
      o1 += weights[w + 1] as number;
      o2 += weights[w + 2] as number;
      o3 += weights[w + 3] as number;
      o4 += weights[w + 4] as number;
      o5 += weights[w + 5] as number;
      o6 += weights[w + 6] as number;
      o7 += weights[w + 7] as number;
      o8 += weights[w + 8] as number;
    }
    out[at] = (out[at] as number) + o0;
    out[at + 1] = (out[at + 1] as number) + o1;
    out[at + 2] = (out[at + 2] as number) + o2;
    out[at + 3] = (out[at + 3] as number) + o3;
    out[at + 4] = (out[at + 4] as number) + o4;
    out[at + 5] = (out[at + 5] as number) + o5;
    out[at + 6] = (out[at + 6] as number) + o6;
    out[at + 7] = (out[at + 7] as number) + o7;
    out[at + 8] = (out[at + 8] as number) + o8;
  }

  /** Makes room for `n` more words in the cache, starting it over when it would pass its limit. */
  private reserve(n: number): void {
    if (this.entries + n > Math.max(WORD_CACHE_LIMIT, n)) {
      this.stamp = ++lastStamp;
      this.entries = 0;
    }
    const need = (this.entries + n) * STRIDE;
    if (this.slab.length < need) {
      const grown = new Int32Array(Math.max(need, Math.min(WORD_CACHE_LIMIT * STRIDE, this.slab.length * 2)));
      grown.set(this.slab.subarray(0, this.entries * STRIDE));
      this.slab = grown;
    }
  }

  /** Where the sums of token `t`'s word start in {@link slab} (room reserved by the caller). */
  private wordSums(r: SentenceReading, t: number): number {
    const kept = (r.forms[t] as WordForms).sums;
    if (kept[this.slot] === this.stamp) return kept[this.slot + 1] as number;
    const L = LABEL_COUNT;
    const at = this.entries++ * STRIDE;
    const sums = this.slab;
    sums.fill(0, at, at + STRIDE);
    const buf = this.work;
    buf.reset();
    wordKeys(r, t, buf);
    this.sum(buf, 0, buf.length, sums, at);
    NEIGHBOUR_SIDES.forEach((side, s) => {
      buf.reset();
      neighbourKeys(r, t, side, buf);
      this.sum(buf, 0, buf.length, sums, at + (1 + s) * L);
    });
    kept[this.slot] = this.stamp;
    kept[this.slot + 1] = at;
    return at;
  }

  private edgeSums(): Int32Array {
    if (this.edges !== undefined) return this.edges;
    const L = LABEL_COUNT;
    const sums = new Int32Array(NEIGHBOUR_SIDES.length * L);
    NEIGHBOUR_SIDES.forEach((side, s) => {
      this.work.reset();
      edgeKeys(side, this.work);
      this.sum(this.work, 0, this.work.length, sums, s * L);
    });
    return (this.edges = sums);
  }

  /**
   * Fills `labels` with the best labels of a sentence: the same scores as {@link decode} of its
   * {@link sentenceFeatures}, with the word and neighbour groups summed once per distinct word.
   * @param context the sentence's {@link contextKeys}, token by token ({@link sentenceContextKeys})
   */
  tagSentence(
    r: SentenceReading,
    context: FeatureBuffer,
    emissions: Float64Array,
    labels: Int32Array,
    scratch?: { score: Float64Array; back: Int8Array },
  ): void {
    const n = r.words.length;
    const L = LABEL_COUNT;
    const buf = context;
    this.reserve(n);
    if (this.offsets.length < n) this.offsets = new Int32Array(n * 2);
    const offsets = this.offsets;
    for (let t = 0; t < n; t++) offsets[t] = this.wordSums(r, t);
    const slab = this.slab;
    const edges = this.edgeSums();
    // Integer sums first (exact in any order), scaled once at the end.
    if (this.totals.length < n * L) this.totals = new Int32Array(n * L * 2);
    const totals = this.totals;
    totals.fill(0, 0, n * L);
    for (let t = 0; t < n; t++) {
      const base = t * L;
      this.sum(buf, buf.offsets[t] as number, buf.offsets[t + 1] as number, totals, base);
      const own = offsets[t] as number;
      // The words two and one to the left (read as such: groups 1 and 2), one and two to the right
      // (groups 3 and 4); past the sentence's edges, the edge sums of the same side.
      const l2 = t >= 2 ? slab : edges;
      const l2At = t >= 2 ? (offsets[t - 2] as number) + L : 0;
      const l1 = t >= 1 ? slab : edges;
      const l1At = t >= 1 ? (offsets[t - 1] as number) + 2 * L : L;
      const r1 = t + 1 < n ? slab : edges;
      const r1At = t + 1 < n ? (offsets[t + 1] as number) + 3 * L : 2 * L;
      const r2 = t + 2 < n ? slab : edges;
      const r2At = t + 2 < n ? (offsets[t + 2] as number) + 4 * L : 3 * L;
      for (let y = 0; y < L; y++) {
        const total =
          (totals[base + y] as number) +
          (slab[own + y] as number) +
          (l2[l2At + y] as number) +
          (l1[l1At + y] as number) +
          (r1[r1At + y] as number) +
          (r2[r2At + y] as number);
        emissions[base + y] = total * this.scale;
      }
    }
    viterbi(emissions, n, this.transitions, labels, scratch);
  }

  /**
   * Fills `labels` with the best labels for the features in `buf` (`scratch`: viterbi's work arrays),
   * looking up every key of every token: the reference {@link tagSentence} is tested against.
   */
  decode(
    buf: FeatureBuffer,
    emissions: Float64Array,
    labels: Int32Array,
    scratch?: { score: Float64Array; back: Int8Array },
  ): void {
    const n = buf.tokens;
    const L = LABEL_COUNT;
    const totals = new Int32Array(n * L);
    for (let t = 0; t < n; t++) {
      const base = t * L;
      this.sum(buf, buf.offsets[t] as number, buf.offsets[t + 1] as number, totals, base);
      for (let y = 0; y < L; y++) emissions[base + y] = (totals[base + y] as number) * this.scale;
    }
    viterbi(emissions, n, this.transitions, labels, scratch);
  }
}

/** Whether fewer than one word in fifty of the document is `marked` (one-letter words not counted). */
function rareInDocument(
  forms: ReadonlyArray<readonly WordForms[]>,
  marked: (word: WordForms) => boolean,
): boolean {
  let words = 0;
  let count = 0;
  for (const sentence of forms) {
    for (const w of sentence) {
      if (w.word.length < 2 || !w.letter) continue;
      words++;
      if (marked(w)) count++;
    }
  }
  return words > 0 && count * 50 < words;
}

const startsUpper = (w: WordForms): boolean => w.capitalized;
const holdsSmall = (w: WordForms): boolean => w.smallLetter;

/**
 * Whether a document is written in lower case (a social post, a chat): fewer than one word in fifty
 * starts with a capital ("I" and other one-letter words not counted). Such text gets the passes trained
 * on lower-cased documents, since capitals are the tagger's strongest clue everywhere else.
 */
export function isLowerCaseDocument(
  sentences: ReadonlyArray<readonly string[]>,
  forms: ReadonlyArray<readonly WordForms[]> = documentForms(sentences),
): boolean {
  return rareInDocument(forms, startsUpper);
}

/**
 * Whether a document is written in capitals (a wire headline run on, a telex, a shouted post): fewer
 * than one word in fifty holds a lower-case letter (one-letter words not counted). Capitals tell
 * nothing there, so such text is tagged as lower-case text is: lower-cased, by the lower-case passes.
 */
export function isUpperCaseDocument(
  sentences: ReadonlyArray<readonly string[]>,
  forms: ReadonlyArray<readonly WordForms[]> = documentForms(sentences),
): boolean {
  return rareInDocument(forms, holdsSmall);
}

function lowerCased(sentences: ReadonlyArray<readonly string[]>): string[][] {
  return sentences.map((words) => words.map((w) => w.toLowerCase()));
}

/** A trained tagger: one or two passes (and maybe passes for lower-case text) and their tables. */
export class NerModel {
  private readonly buffer = new FeatureBuffer();

  constructor(
    readonly passes: readonly TaggerPass[],
    readonly lexicons: NerLexicons,
    readonly lowerPasses: readonly TaggerPass[] = [],
  ) {}

  /** The model in a model file's arrays; throws (naming the array) when one is missing. */
  static fromData(data: ModelData): NerModel {
    const meta = data.meta as NerMeta;
    if (!Array.isArray(meta?.scales) || meta.labels?.length !== LABEL_COUNT) {
      throw new Error('its settings do not match this version of Dossier');
    }
    const table = (keys: string, values: string): KeyTable =>
      new KeyTable(array(data, keys, Uint32Array), array(data, values, Uint32Array));
    const passesOf = (prefix: string, scales: readonly number[]): TaggerPass[] =>
      scales.map(
        (scale, p) =>
          new TaggerPass(
            table(`${prefix}${p + 1}.featureKeys`, `${prefix}${p + 1}.featureRows`),
            array(data, `${prefix}${p + 1}.weights`, Int16Array),
            scale,
            array(data, `${prefix}${p + 1}.transitions`, Float32Array),
          ),
      );
    return new NerModel(
      passesOf('pass', meta.scales),
      {
        words: table('wordKeys', 'wordValues'),
        gazetteer: table('gazetteerKeys', 'gazetteerValues'),
        clusters: table('clusterKeys', 'clusterValues'),
        maxPhraseWords: meta.maxPhraseWords,
      },
      passesOf('lower', meta.lowerScales ?? []),
    );
  }

  /** Word-list classes of a word (bits of WORD_CLASSES: first names, countries ...). */
  wordClasses(word: string): number {
    return Math.max(0, this.lexicons.words.get(phraseKey(word.toLowerCase())));
  }

  /** The gender the word lists give a given name. */
  genderOf(given: string): 'male' | 'female' | 'unknown' {
    const bits = this.wordClasses(given);
    const male = (bits & MALE) !== 0;
    const female = (bits & FEMALE) !== 0;
    return male && !female ? 'male' : female && !male ? 'female' : 'unknown';
  }

  /**
   * Labels (see decode.ts) of every token of a document's sentences (token texts).
   * @param count how many passes to run (all by default)
   */
  tag(original: ReadonlyArray<readonly string[]>, count?: number): Int32Array[] {
    // Each word's forms are read once, for the casing tests, the document context and the sentences.
    const forms = documentForms(original);
    if (this.lowerPasses.length > 0) {
      if (isLowerCaseDocument(original, forms)) return this.run(this.lowerPasses, original, count, forms);
      if (isUpperCaseDocument(original, forms)) {
        // Labels are per token, so lower-casing the token texts changes no offset.
        return this.run(this.lowerPasses, lowerCased(original), count);
      }
    }
    // A headline in capitals inside a cased document stays with the cased passes: read through the
    // lower-case pass instead, such sentences lost in 5-fold CV on CoNLL train (PER F1 0.953 -> 0.950).
    return this.run(this.passes, original, count, forms);
  }

  private run(
    passes: readonly TaggerPass[],
    sentences: ReadonlyArray<readonly string[]>,
    count?: number,
    forms: ReadonlyArray<readonly WordForms[]> = documentForms(sentences),
  ): Int32Array[] {
    let doc: DocumentContext = documentContext(sentences, forms);
    let labels: Int32Array[] = [];
    let emissions = new Float64Array(0);
    let scratch = { score: new Float64Array(0), back: new Int8Array(0) };
    // Read once for every pass; the first pass's context keys are kept for the others.
    const readings = sentences.map((words, s) => readSentence(words, this.lexicons, forms[s]));
    const contexts: Array<ContextKeys | undefined> = [];
    for (let p = 0; p < Math.min(count ?? passes.length, passes.length); p++) {
      const pass = passes[p] as TaggerPass;
      const previous = labels;
      if (p > 0)
        doc = withFirstPass(
          doc,
          sentences,
          previous,
          readings.map((r) => r.folded),
        );
      labels = sentences.map((words, s) => {
        const firstPass = p > 0 ? previous[s] : undefined;
        if (emissions.length < words.length * LABEL_COUNT) {
          emissions = new Float64Array(words.length * 2 * LABEL_COUNT);
          scratch = { score: new Float64Array(emissions.length), back: new Int8Array(emissions.length) };
        }
        const out = new Int32Array(words.length);
        const reading = readings[s] as SentenceReading;
        const kept = sentenceContextKeys(reading, doc, this.buffer, firstPass, contexts[s]);
        if (p === 0) contexts[s] = kept;
        pass.tagSentence(reading, this.buffer, emissions, out, scratch);
        return out;
      });
    }
    return labels;
  }
}
