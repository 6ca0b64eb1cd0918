/**
 * Feature and word keys as 32-bit hashes, and the open-addressing table that maps them to rows. The
 * tagger never builds feature strings: it hashes a template number and the words directly, so training
 * (bench/train/ner) and extraction compute the same keys from one function.
 */

const FNV_PRIME = 16777619;
const FNV_OFFSET = 0x811c9dc5;

/** Murmur3's finaliser: spreads FNV's weak low bits so table slots fill evenly. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  // 0 marks an empty slot in a table, so no key is 0.
  return x >>> 0 || 1;
}

function addString(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), FNV_PRIME);
  // A separator, so ("ab", "c") and ("a", "bc") differ.
  return Math.imul(x ^ 0x1f, FNV_PRIME);
}

/** Key of template `template` applied to one string (a word, a shape, a suffix). */
export function hash1(template: number, a: string): number {
  return mix(addString(Math.imul(FNV_OFFSET ^ template, FNV_PRIME), a));
}

/** {@link hash1} of `a.slice(from, to)`, without making the slice (a word's prefixes and suffixes). */
export function hashSlice(template: number, a: string, from: number, to: number): number {
  let x = Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
  for (let i = from; i < to; i++) x = Math.imul(x ^ a.charCodeAt(i), FNV_PRIME);
  return mix(Math.imul(x ^ 0x1f, FNV_PRIME));
}

/** Key of template `template` applied to two strings (a word pair, a word and a flag). */
export function hash2(template: number, a: string, b: string): number {
  return mix(addString(addString(Math.imul(FNV_OFFSET ^ template, FNV_PRIME), a), b));
}

/**
 * The state {@link hash2} has reached after its first string: kept per word, so that a word pair's key
 * ({@link hash2After}) hashes only the second word.
 */
export function hash2Start(template: number, a: string): number {
  return addString(Math.imul(FNV_OFFSET ^ template, FNV_PRIME), a);
}

/** {@link hash2}`(template, a, b)` from `hash2Start(template, a)`. */
export function hash2After(start: number, b: string): number {
  return mix(addString(start, b));
}

/** Key of template `template` applied to a number (a cluster id, a flag). */
export function hashInt(template: number, n: number): number {
  const x = Math.imul(Math.imul(FNV_OFFSET ^ template, FNV_PRIME) ^ (n & 0xffff), FNV_PRIME);
  return mix(Math.imul(x ^ (n >>> 16), FNV_PRIME));
}

/** A frozen map from non-zero 32-bit keys to 32-bit values, as two typed arrays (stored in model files). */
export class KeyTable {
  private readonly mask: number;

  constructor(
    /** Slots; 0 = empty. Length is a power of two. */
    readonly keys: Uint32Array,
    /** The value of each slot. */
    readonly values: Uint32Array,
  ) {
    this.mask = keys.length - 1;
  }

  /** Builds a table holding `entries` (keys must be non-zero and distinct), at most half full. */
  static build(entries: Iterable<readonly [number, number]>): KeyTable {
    const list = [...entries];
    let size = 16;
    while (size < list.length * 2) size *= 2;
    const keys = new Uint32Array(size);
    const values = new Uint32Array(size);
    const mask = size - 1;
    for (const [key, value] of list) {
      let slot = key & mask;
      while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
      keys[slot] = key;
      values[slot] = value;
    }
    return new KeyTable(keys, values);
  }

  /** The value stored under `key`, or -1. */
  get(key: number): number {
    const keys = this.keys;
    let slot = key & this.mask;
    for (;;) {
      const k = keys[slot] as number;
      if (k === key) return this.values[slot] as number;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** The template number phrase keys (gazetteer and lexicon entries) are hashed under. */
const PHRASE_TEMPLATE = 0x7f;

/**
 * Keys of the phrases of 1..`maxWords` words starting at `words[i]` (lower-cased words joined by one
 * space hash to the same key as the phrase string itself), written into `out`; returns how many.
 */
export function phraseKeysAt(
  words: readonly string[],
  i: number,
  maxWords: number,
  out: Uint32Array,
): number {
  let h = Math.imul(FNV_OFFSET ^ PHRASE_TEMPLATE, FNV_PRIME);
  let count = 0;
  for (let k = i; k < words.length && count < maxWords; k++) {
    if (k > i) h = Math.imul(h ^ 0x20, FNV_PRIME);
    const w = words[k] as string;
    for (let c = 0; c < w.length; c++) h = Math.imul(h ^ w.charCodeAt(c), FNV_PRIME);
    out[count++] = mix(h);
  }
  return count;
}

/** Key of a phrase given as one string of lower-case words separated by single spaces. */
export function phraseKey(phrase: string): number {
  const out = new Uint32Array(1);
  phraseKeysAt([phrase], 0, 1, out);
  return out[0] as number;
}
