/**
 * Feature keys must be the same however they are computed: training hashes slices of words, the
 * tagger hashes the same characters in place.
 */
import { describe, expect, it } from 'vitest';
import { hash1, hashSlice } from './hash';

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
});
