/** Reading an article's words and years a stretch at a time gives what reading it whole gives. */
import { describe, expect, it } from 'vitest';
import { leadKey, yearsOf } from './articles';
import { articleTerms, countWords, stretchesAtSpaces, termsOfCounts } from './terms';

const TEXT = [
  'The ceasefire talks in Geneva resumed in 2024 after the 1999 accords.',
  "Negotiators' proposals, a well-known sticking point, were read\taloud;",
  'ΟΔΟΣ Athens 2019x 2020 ceasefire ceasefire proposal — résumé naïve.',
  'averyveryverylongtokenwithoutanyspaceatallthatislongerthanastretch',
].join('\n');

describe('stretchesAtSpaces', () => {
  it('covers the text end to end, each stretch ending after white space or at the end', () => {
    for (const size of [1, 7, 16, 40, 10_000]) {
      const stretches = stretchesAtSpaces(TEXT, size);
      expect(stretches.map(([s, e]) => TEXT.slice(s, e)).join('')).toBe(TEXT);
      for (const [i, [s, e]] of stretches.entries()) {
        expect(e).toBeGreaterThan(s);
        if (i > 0) expect(s).toBe(stretches[i - 1]![1]);
        if (e < TEXT.length) expect(TEXT[e - 1]).toMatch(/\s/);
      }
    }
    expect(stretchesAtSpaces('', 10)).toEqual([]);
  });

  it('gives the words and years of the whole text', () => {
    const stats = { documents: 10, df: (word: string) => (word === 'ceasefire' ? 3 : 0) };
    for (const size of [1, 7, 16, 40]) {
      const counts = new Map<string, number>();
      const years = new Set<string>();
      for (const [s, e] of stretchesAtSpaces(TEXT, size)) {
        countWords(TEXT.slice(s, e), counts);
        for (const year of yearsOf(TEXT.slice(s, e))) years.add(year);
      }
      expect(termsOfCounts(counts, stats)).toEqual(articleTerms(TEXT, stats));
      expect([...years].sort()).toEqual(yearsOf(TEXT));
    }
    expect(yearsOf(TEXT)).toEqual(['1999', '2020', '2024']);
  });
});

describe('leadKey', () => {
  it('keys a person by surname, without suffixes, as transliterations meet', () => {
    expect(leadKey('W. Mark Felt Jr.')).toBe('felt');
    expect(leadKey('Mark Felt')).toBe('felt');
    expect(leadKey('Volodymyr Zelenskyy')).toBe(leadKey('Zelensky'));
    expect(leadKey('Fred LaRue')).not.toBe(leadKey('Mark Felt'));
    expect(leadKey(null)).toBeNull();
    expect(leadKey('  ')).toBeNull();
  });
});
