/**
 * Feature keys must be the same however they are computed: training hashes slices of words, the
 * tagger hashes the same characters in place.
 */
import { describe, expect, it } from 'vitest';
import { hash1, hash2, hash2After, hash2Start, hashSlice } from './hash';

describe('feature keys', () => {
  it('hash a part of a word in place exactly as the part cut out', () => {
    for (const word of ['putin', 'zelenskyy', 'a', 'über', 'نتنياهو', '東京', '😀x']) {
      for (let from = 0; from <= word.length; from++) {
        for (let to = from; to <= word.length; to++) {
          expect(hashSlice(7, word, from, to)).toBe(hash1(7, word.slice(from, to)));
        }
      }
    }
  });

  it('hash a word pair from the first word kept apart exactly as the pair at once', () => {
    const words = ['the', 'putin', '<s>', '</s>', '', 'über', 'نتنياهو', '東京', '😀x'];
    for (const a of words) {
      for (const b of words) {
        for (const template of [1, 18, 19, 127]) {
          expect(hash2After(hash2Start(template, a), b)).toBe(hash2(template, a, b));
        }
      }
    }
    // The first word's part is kept: swapping the words changes the key.
    expect(hash2After(hash2Start(18, 'of'), 'the')).not.toBe(hash2(18, 'the', 'of'));
  });
});
