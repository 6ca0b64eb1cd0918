/**
 * What the tagger sees of each token, as hashed feature keys. This one module serves training
 * (bench/train/ner) and extraction, so the two cannot drift apart.
 *
 * Per token: the word and its lower-case form, its shape, prefixes and suffixes, the words and shapes
 * around it, whether it opens the sentence, whether it sits inside a quotation, what the word lists say
 * about it and its neighbours (compromise's lexicon: first names, countries ...; the extractor's own lists:
 * titles, verbs of saying, company suffixes), which training entities it is part of (gazetteer), its
 * unsupervised word cluster, and how the same word is written elsewhere in the document. Each feature is
 * also seen through the sentence's casing (normal, ALL CAPS headline, all lower case).
 */
import { ENTITY_TYPES, spansOf, typeOf } from './decode';
import {
  hash1,
  hash2,
  hash2After,
  hash2Start,
  hashInt,
  hashSlice,
  type KeyTable,
  phraseKeysAt,
} from './hash';

/** The tables a model carries besides its weights. */
export interface NerLexicons {
  /** Lower-case word or phrase -> bits of {@link WORD_CLASSES}. */
  words: KeyTable;
  /** Lower-case phrase -> bits of entity types it was annotated as in the training data. */
  gazetteer: KeyTable;
  /** Lower-case word -> packed cluster ids (coarse | mid << 8 | fine << 16), +1 so 0 means none. */
  clusters: KeyTable;
  /** Longest phrase in `words` and `gazetteer`, in words. */
  maxPhraseWords: number;
}

/** Classes of the word lists, one bit each in {@link NerLexicons.words}. */
export const WORD_CLASSES = [
  'male-name',
  'female-name',
  'first-name',
  'last-name',
  'country',
  'city',
  'place',
  'organization',
  'demonym',
  'honorific',
  'adjective',
  'noun',
  'verb',
  'date',
  'function-word',
  'adverb',
  'abbreviation',
  'value',
  'title',
  'speech-verb',
  'org-suffix',
  'org-noun',
  'place-head',
  'name-particle',
  'non-name',
  'direction',
] as const;

/** How a document writes each lower-cased word, for the document-level features. */
export interface DocumentContext {
  /** Written in lower case somewhere other than a sentence's first word. */
  lower: Set<string>;
  /** Capitalised (not all capitals) somewhere other than a sentence's first word, in a mixed-case sentence. */
  capitalized: Set<string>;
  /** After a first tagging pass: lower-cased word -> how often it was tagged as each type, and in all. */
  tagged?: Map<string, Uint16Array>;
  /** After a first tagging pass: lower-cased word -> bits of the types of longer entities it was part of. */
  inEntities?: Map<string, number>;
}

// Template numbers: part of every key, so features of different kinds never share one.
const enum T {
  Bias = 1,
  Word,
  Lower,
  Shape,
  ShapeMode,
  Prefix,
  Suffix = Prefix + 8,
  Window = Suffix + 8,
  BigramLeft = Window + 8,
  BigramRight,
  ShapeLeft,
  ShapeRight,
  First,
  Quote,
  Lex = 40,
  LexPhraseB = Lex + 8,
  LexPhraseI,
  GazB,
  GazI,
  GazCap,
  Cluster = 60,
  DocLower = Cluster + 8,
  DocCap,
  Length,
  FirstPass = 80,
  DocTagged = FirstPass + 4,
  DocInEntity,
}

export const enum Mode {
  Normal = 0,
  Caps = 1,
  Lower = 2,
}
const MODE_NAMES = ['n', 'c', 'l'];

/** A token's shape: X for capitals, x for small letters, d for digits, other characters kept; runs folded. */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{L}/u.test(ch)) c = 'o';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** What the features read of a word by itself, worked out once per distinct word ({@link formsOf}). */
export interface WordForms {
  /** The word itself. */
  word: string;
  /** Without a trailing period ("Mr." -> "Mr"; a lone "." stays). */
  plain: string;
  /** `plain` in lower case. */
  lower: string;
  /** The whole word in lower case. */
  lowerWord: string;
  folded: string;
  shape: string;
  hasUpper: boolean;
  hasLower: boolean;
  capitalized: boolean;
  /** Holds a letter (`\p{L}`). */
  letter: boolean;
  /** Holds a small letter (`\p{Ll}`; unlike {@link hasLower}, not a caseless or other lower-case sign). */
  smallLetter: boolean;
  /** {@link hash2Start} of `lower` as the first word of the left and of the right word pair. */
  pairLeft: number;
  pairRight: number;
  /**
   * Not read by any feature: where the tagger's passes keep this word's summed weights (model.ts,
   * TaggerPass.wordSums), so that a token finds them without a look-up by its text. Pairs of a pass's
   * stamp and an offset, one pair per {@link SUM_SLOTS} slot; 0 = none.
   */
  sums: number[];
}

/** How many tagger passes can keep a word's sums on its {@link WordForms} at once (two cased, two lower-case). */
export const SUM_SLOTS = 4;

const forms = new Map<string, WordForms>();
const FORMS_CACHE_LIMIT = 50_000;

function formsOf(w: string): WordForms {
  let found = forms.get(w);
  if (found === undefined) {
    const plain = w.length > 1 && w.endsWith('.') ? w.slice(0, -1) : w;
    const lowerWord = w.toLowerCase();
    const lower = plain.toLowerCase();
    found = {
      word: w,
      plain,
      lower,
      lowerWord,
      folded: foldWord(w),
      shape: shapeOf(w),
      hasUpper: w !== lowerWord,
      hasLower: w !== w.toUpperCase(),
      capitalized: /^\p{Lu}/u.test(w),
      letter: /\p{L}/u.test(w),
      smallLetter: /\p{Ll}/u.test(w),
      pairLeft: hash2Start(T.BigramLeft, lower),
      pairRight: hash2Start(T.BigramRight, lower),
      sums: [0, 0, 0, 0, 0, 0, 0, 0],
    };
    if (forms.size >= FORMS_CACHE_LIMIT) forms.clear();
    forms.set(w, found);
  }
  return found;
}

/**
 * How a word in a script without capitals (Chinese, Japanese, Korean, Arabic, Hebrew, Thai …) reads
 * inside a text written mostly in a script with capitals: as a capitalised word, the way a name is
 * written there ("said 习近平", "Crown Prince محمد بن سلمان"). Kept apart from {@link formsOf}'s cache.
 */
const asNames = new Map<string, WordForms>();

function asName(f: WordForms): WordForms {
  let found = asNames.get(f.word);
  if (found === undefined) {
    found = { ...f, shape: 'Xx', capitalized: true, hasUpper: true, sums: [0, 0, 0, 0, 0, 0, 0, 0] };
    if (asNames.size >= FORMS_CACHE_LIMIT) asNames.clear();
    asNames.set(f.word, found);
  }
  return found;
}

/** A word of letters none of which has a case. */
const caseless = (f: WordForms): boolean => f.letter && !f.hasUpper && !f.hasLower;

/**
 * Above this share of caseless words (half), a text is not one written in a script with capitals, and its
 * caseless words are read as they are.
 */
const CASELESS_SHARE = 0.5;

/**
 * The {@link formsOf} every word of a document's sentences, read once for all that reads them. In a
 * text written mostly in a script with capitals, a word in a script without them reads as a capitalised
 * word ({@link asName}): the training texts hold no such word, so nothing the model learnt changes.
 */
export function documentForms(sentences: ReadonlyArray<readonly string[]>): WordForms[][] {
  const forms = sentences.map((words) => words.map(formsOf));
  let letters = 0;
  let without = 0;
  for (const sentence of forms)
    for (const f of sentence) {
      if (!f.letter) continue;
      letters++;
      if (caseless(f)) without++;
    }
  if (without === 0 || without > letters * CASELESS_SHARE) return forms;
  return forms.map((sentence) => sentence.map((f) => (caseless(f) ? asName(f) : f)));
}

/** The casing of a sentence: a headline in capitals, a post in lower case, or ordinary prose. */
function modeOf(words: readonly WordForms[]): Mode {
  let upper = 0;
  let lower = 0;
  for (const w of words) {
    if (w.hasLower) lower++;
    else if (w.hasUpper) upper++;
  }
  if (upper >= 2 && lower === 0) return Mode.Caps;
  if (upper === 0 && lower >= 2) return Mode.Lower;
  return Mode.Normal;
}

/** Reads how the document writes its words ({@link DocumentContext}); `sentences` are token texts. */
export function documentContext(
  sentences: ReadonlyArray<readonly string[]>,
  /** The sentences' {@link documentForms}, when the caller has them. */
  forms: ReadonlyArray<readonly WordForms[]> = documentForms(sentences),
): DocumentContext {
  const lower = new Set<string>();
  const capitalized = new Set<string>();
  sentences.forEach((words, s) => {
    const wordForms = forms[s] as readonly WordForms[];
    const mode = modeOf(wordForms);
    for (let i = 1; i < words.length; i++) {
      const f = wordForms[i] as WordForms;
      if (!f.hasUpper && f.hasLower) lower.add(words[i] as string);
      else if (mode === Mode.Normal && f.capitalized && f.hasLower) capitalized.add(f.lowerWord);
    }
  });
  return { lower, capitalized };
}

/**
 * A word as the document-level features compare it: lower case, accents off, transliterated endings
 * folded ("Zelenskyy", "Zelensky" and "Zelenskiy" meet), a trailing period dropped ("Mr." = "Mr").
 */
export function foldWord(word: string): string {
  // ASCII has no accents to take off (NFD leaves it as it is).
  const bare = /^[\p{ASCII}]*$/u.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, '');
  return bare
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/(?:yy|iy|ii|yi|ij)$/, 'y');
}

/**
 * The document context for the second pass: how the first pass tagged each word across the document
 * (so "Chamorro" alone follows "Violeta Chamorro", and one headline's "SEGUY" the results table's).
 */
export function withFirstPass(
  doc: DocumentContext,
  sentences: ReadonlyArray<readonly string[]>,
  labels: ReadonlyArray<ArrayLike<number>>,
  /** The sentences' words already folded ({@link foldWord}), when the caller has them. */
  folded: ReadonlyArray<readonly string[]> = sentences.map((words) => words.map(foldWord)),
): DocumentContext {
  const tagged = new Map<string, Uint16Array>();
  const inEntities = new Map<string, number>();
  sentences.forEach((words, s) => {
    const sentenceLabels = labels[s] as ArrayLike<number>;
    const folds = folded[s] as readonly string[];
    for (const [type, first, last] of spansOf(sentenceLabels, words.length)) {
      if (last === first) continue;
      const bit = 1 << ENTITY_TYPES.indexOf(type);
      for (let k = first; k <= last; k++) {
        const l = folds[k] as string;
        inEntities.set(l, (inEntities.get(l) ?? 0) | bit);
      }
    }
    words.forEach((_, i) => {
      const l = folds[i] as string;
      let counts = tagged.get(l);
      if (counts === undefined) tagged.set(l, (counts = new Uint16Array(ENTITY_TYPES.length + 1)));
      const label = sentenceLabels[i] as number;
      if (label > 0) counts[typeOf(label)] = (counts[typeOf(label)] as number) + 1;
      counts[ENTITY_TYPES.length] = (counts[ENTITY_TYPES.length] as number) + 1;
    });
  });
  return { ...doc, tagged, inEntities };
}

/** Keys of every token's features, token by token: token t's are keys[offsets[t] .. offsets[t+1]). */
export class FeatureBuffer {
  keys = new Uint32Array(4096);
  offsets = new Uint32Array(257);
  length = 0;
  tokens = 0;

  reset(): void {
    this.length = 0;
    this.tokens = 0;
    this.offsets[0] = 0;
  }

  add(key: number): void {
    if (this.length === this.keys.length) {
      const grown = new Uint32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.length++] = key;
  }

  endToken(): void {
    if (this.tokens + 2 > this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[++this.tokens] = this.length;
  }
}

/** Which tokens of a sentence sit inside quotation marks (straight marks toggle; curly ones nest). */
function quotedTokens(words: readonly string[]): Uint8Array {
  const inside = new Uint8Array(words.length);
  let depth = 0;
  words.forEach((w, i) => {
    if (w === '"' || w === '``' || w === "''") depth = depth > 0 ? 0 : 1;
    else if (w === '“') depth++;
    else if (w === '”') depth = Math.max(0, depth - 1);
    else inside[i] = depth > 0 ? 1 : 0;
  });
  return inside;
}

/**
 * Bits of every phrase of each table that covers each token: first token -> begin, others -> inside;
 * a one-word entry's bits also go to `single` (when given). Each phrase is hashed once for all tables.
 */
function phraseBits(
  lower: readonly string[],
  maxWords: number,
  tables: ReadonlyArray<{ table: KeyTable; begin: Uint32Array; inside: Uint32Array; single?: Uint32Array }>,
): void {
  const keys = new Uint32Array(maxWords);
  for (let i = 0; i < lower.length; i++) {
    const count = phraseKeysAt(lower, i, maxWords, keys);
    for (const { table, begin, inside, single } of tables) {
      for (let len = 1; len <= count; len++) {
        const bits = table.get(keys[len - 1] as number);
        if (bits <= 0) continue;
        if (len === 1 && single !== undefined) single[i] = bits;
        begin[i] = (begin[i] as number) | bits;
        for (let k = i + 1; k < i + len; k++) inside[k] = (inside[k] as number) | bits;
      }
    }
  }
}

function addBits(out: FeatureBuffer, template: number, bits: number): void {
  for (let b = 0; bits !== 0; b++, bits >>>= 1) if (bits & 1) out.add(hashInt(template, b));
}

/**
 * What the features of a sentence read that does not depend on the pass: its words' forms, shapes and
 * casing, quotation, word-list and gazetteer bits and clusters. The tagger reads it once per sentence
 * for both passes ({@link NerModel.tag}); training lets {@link sentenceFeatures} read it.
 */
export interface SentenceReading {
  words: readonly string[];
  plain: string[];
  lower: string[];
  /** {@link foldWord} of each word (the document-level features' form). */
  folded: string[];
  shapes: string[];
  mode: Mode;
  /** Each word's {@link formsOf}. */
  forms: readonly WordForms[];
  quoted: Uint8Array;
  lexBits: Uint32Array;
  lexB: Uint32Array;
  lexI: Uint32Array;
  gazB: Uint32Array;
  gazI: Uint32Array;
  clusters: number[];
}

/** Reads a sentence's words for the feature templates (see {@link SentenceReading}). */
export function readSentence(
  words: readonly string[],
  lex: NerLexicons,
  /** The words' {@link formsOf}, when the caller has them. */
  wordForms: readonly WordForms[] = words.map(formsOf),
): SentenceReading {
  const n = words.length;
  // "Mr." and "Mr", "Corp." and "Corp" are one word to the word features (the shape keeps the period).
  const plain = wordForms.map((f) => f.plain);
  const lower = wordForms.map((f) => f.lower);
  const lexBits = new Uint32Array(n);
  const lexB = new Uint32Array(n);
  const lexI = new Uint32Array(n);
  const gazB = new Uint32Array(n);
  const gazI = new Uint32Array(n);
  phraseBits(lower, lex.maxPhraseWords, [
    { table: lex.words, begin: lexB, inside: lexI, single: lexBits },
    { table: lex.gazetteer, begin: gazB, inside: gazI },
  ]);
  return {
    words,
    plain,
    lower,
    folded: wordForms.map((f) => f.folded),
    shapes: wordForms.map((f) => f.shape),
    mode: modeOf(wordForms),
    forms: wordForms,
    quoted: quotedTokens(words),
    lexBits,
    lexB,
    lexI,
    gazB,
    gazI,
    clusters: lower.map((w) => lex.clusters.get(hash1(0, w))),
  };
}

/** The neighbours a token reads words from: two to its left and two to its right. */
export const NEIGHBOUR_SIDES = [-2, -1, 1, 2] as const;
export type NeighbourSide = (typeof NEIGHBOUR_SIDES)[number];

/** The window template of each side (index = side + 2). */
const WINDOW_OF_SIDE = [T.Window, T.Window + 1, 0, T.Window + 2, T.Window + 3];

/**
 * Keys of the features token `i` reads from its own word alone: its form, shape, length, prefixes and
 * suffixes, word-list classes and clusters. They depend on `words[i]` and nothing else, so the tagger
 * sums their weights once per distinct word ({@link NerModel.tag}).
 */
export function wordKeys(r: SentenceReading, i: number, out: FeatureBuffer): void {
  const l = r.lower[i] as string;
  out.add(hash1(T.Word, r.plain[i] as string));
  out.add(hash1(T.Lower, l));
  out.add(hash1(T.Shape, r.shapes[i] as string));
  out.add(hashInt(T.Length, Math.min(l.length, 12)));
  for (let k = 1; k <= 3 && k < l.length; k++) out.add(hashSlice(T.Prefix + k, l, 0, k));
  for (let k = 1; k <= 4 && k < l.length; k++) out.add(hashSlice(T.Suffix + k, l, l.length - k, l.length));
  addBits(out, T.Lex, r.lexBits[i] as number);
  const c = r.clusters[i] as number;
  if (c > 0) {
    out.add(hashInt(T.Cluster, c & 0xff));
    out.add(hashInt(T.Cluster + 1, (c >>> 8) & 0xff));
    out.add(hashInt(T.Cluster + 2, c >>> 16));
  }
}

/**
 * Keys of the features a token reads from its neighbour `words[j]` on `side` (the token is at j - side):
 * the neighbour's lower-case form, and for the next words left and right their word-list classes and
 * cluster. They depend on `words[j]` and the side alone.
 */
export function neighbourKeys(r: SentenceReading, j: number, side: NeighbourSide, out: FeatureBuffer): void {
  out.add(hash1(WINDOW_OF_SIDE[side + 2] as number, r.lower[j] as string));
  if (side !== -1 && side !== 1) return;
  addBits(out, side === -1 ? T.Lex + 1 : T.Lex + 2, r.lexBits[j] as number);
  const c = r.clusters[j] as number;
  if (c > 0) out.add(hashInt(side === -1 ? T.Cluster + 3 : T.Cluster + 4, (c >>> 8) & 0xff));
}

/** Keys of the features a token reads past the sentence's edge on `side`. */
export function edgeKeys(side: NeighbourSide, out: FeatureBuffer): void {
  out.add(hash1(WINDOW_OF_SIDE[side + 2] as number, side < 0 ? '<s>' : '</s>'));
}

/**
 * Keys of token `i`'s features that read more than one word: the sentence's casing, word pairs and
 * shape pairs, quotation, phrases of the word lists and the gazetteer, how the document writes the word
 * and, in the second pass, the first pass's labels.
 */
export function contextKeys(
  r: SentenceReading,
  doc: DocumentContext,
  i: number,
  out: FeatureBuffer,
  firstPass?: ArrayLike<number>,
): void {
  const { words, lower, shapes, mode, quoted, lexB, lexI, gazB, gazI } = r;
  const n = words.length;
  const m = MODE_NAMES[mode] as string;
  const l = lower[i] as string;
  const shape = shapes[i] as string;
  out.add(hashInt(T.Bias, mode));
  out.add(hash2(T.ShapeMode, shape, m));
  out.add(i > 0 ? hash2After((r.forms[i - 1] as WordForms).pairLeft, l) : hash2(T.BigramLeft, '<s>', l));
  out.add(hash2After((r.forms[i] as WordForms).pairRight, i + 1 < n ? (lower[i + 1] as string) : '</s>'));
  out.add(hash2(T.ShapeLeft, i > 0 ? (shapes[i - 1] as string) : '<s>', shape));
  out.add(hash2(T.ShapeRight, shape, i + 1 < n ? (shapes[i + 1] as string) : '</s>'));
  if (i === 0) out.add(hash2(T.First, shape, m));
  out.add(hashInt(T.Quote, quoted[i] as number));
  addBits(out, T.LexPhraseB, lexB[i] as number);
  addBits(out, T.LexPhraseI, lexI[i] as number);
  addBits(out, T.GazB, gazB[i] as number);
  addBits(out, T.GazI, gazI[i] as number);
  const cap = (r.forms[i] as WordForms).capitalized ? 1 : 0;
  addBits(out, T.GazCap + cap, (gazB[i] as number) | (gazI[i] as number));
  if (cap === 1 || mode === Mode.Caps) {
    out.add(hashInt(T.DocLower, mode * 2 + (doc.lower.has(l) ? 1 : 0)));
    if (i === 0 || mode !== Mode.Normal)
      out.add(hashInt(T.DocCap, mode * 2 + (doc.capitalized.has(l) ? 1 : 0)));
  }
  if (firstPass !== undefined) secondPassFeatures(out, doc, r.folded[i] as string, i, n, firstPass);
}

/** A sentence's {@link contextKeys} without the second pass's, as {@link sentenceContextKeys} stores them. */
export interface ContextKeys {
  keys: Uint32Array;
  offsets: Uint32Array;
}

/**
 * Writes the {@link contextKeys} of every token of a sentence into `out` (reset first), token by token.
 * With `base` (this sentence's keys from a first-pass call, which returns them) only the second pass's
 * keys are computed: the rest do not change between passes.
 */
export function sentenceContextKeys(
  r: SentenceReading,
  doc: DocumentContext,
  out: FeatureBuffer,
  firstPass?: ArrayLike<number>,
  base?: ContextKeys,
): ContextKeys | undefined {
  out.reset();
  const n = r.words.length;
  for (let i = 0; i < n; i++) {
    if (base === undefined) contextKeys(r, doc, i, out, firstPass);
    else {
      for (let f = base.offsets[i] as number; f < (base.offsets[i + 1] as number); f++)
        out.add(base.keys[f] as number);
      if (firstPass !== undefined) secondPassFeatures(out, doc, r.folded[i] as string, i, n, firstPass);
    }
    out.endToken();
  }
  if (base !== undefined || firstPass !== undefined) return undefined;
  return { keys: out.keys.slice(0, out.length), offsets: out.offsets.slice(0, n + 1) };
}

/**
 * Writes the features of one sentence's tokens into `out` (reset first): per token its
 * {@link wordKeys}, the {@link neighbourKeys} (or {@link edgeKeys}) of each side, and its
 * {@link contextKeys}. Training reads every key from here; the tagger sums the word and neighbour
 * groups per distinct word, from the same functions.
 * @param words the sentence's token texts, as {@link nerTokenize} cuts them
 * @param firstPass the first pass's labels of this sentence, for the second pass (with `doc.tagged`)
 * @param reading the sentence read by {@link readSentence} (read here when not given)
 */
export function sentenceFeatures(
  words: readonly string[],
  doc: DocumentContext,
  lex: NerLexicons,
  out: FeatureBuffer,
  firstPass?: ArrayLike<number>,
  reading: SentenceReading = readSentence(words, lex),
): void {
  out.reset();
  const n = words.length;
  for (let i = 0; i < n; i++) {
    wordKeys(reading, i, out);
    for (const side of NEIGHBOUR_SIDES) {
      const j = i + side;
      if (j < 0 || j >= n) edgeKeys(side, out);
      else neighbourKeys(reading, j, side, out);
    }
    contextKeys(reading, doc, i, out, firstPass);
    out.endToken();
  }
}

function secondPassFeatures(
  out: FeatureBuffer,
  doc: DocumentContext,
  l: string,
  i: number,
  n: number,
  firstPass: ArrayLike<number>,
): void {
  out.add(hashInt(T.FirstPass, firstPass[i] as number));
  out.add(hashInt(T.FirstPass + 1, i > 0 ? (firstPass[i - 1] as number) : -1));
  out.add(hashInt(T.FirstPass + 2, i + 1 < n ? (firstPass[i + 1] as number) : -1));
  const counts = doc.tagged?.get(l);
  if (counts !== undefined) {
    const total = counts[ENTITY_TYPES.length] as number;
    for (let type = 0; type < ENTITY_TYPES.length; type++) {
      const c = counts[type] as number;
      if (c === 0) continue;
      // How many of the word's occurrences the first pass gave this type: some, most, all.
      const share = c === total ? 3 : c * 2 > total ? 2 : 1;
      out.add(hashInt(T.DocTagged, type * 4 + share));
    }
  }
  addBits(out, T.DocInEntity, doc.inEntities?.get(l) ?? 0);
}
