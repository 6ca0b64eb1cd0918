/** Reading an article's words and years a stretch at a time gives what reading it whole gives. */
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_FEATURES,
  articleFeatures,
  daysOf,
  leadKey,
  numbersOf,
  type ArticleProfile,
  yearsOf,
} from './articles';
import { articleTerms, countWords, stretchesAtSpaces, termsOfCounts } from './terms';

const TEXT = [
  'The ceasefire talks in Geneva resumed in 2024 after the 1999 accords.',
  "Negotiators' proposals, a well-known sticking point, were read\taloud;",
  'ΟΔΟΣ Athens 2019x 2020 ceasefire ceasefire proposal — résumé naïve.',
  'averyveryverylongtokenwithoutanyspaceatallthatislongerthanastretch',
  'A 6.1 quake left 1,200 homeless, 85 dead and a 15-year-old missing; 7 aftershocks (v2, 3.5x).',
  'More at https://news.example/07/23/quake-4471.html and www.example.org/id/9912 today.',
  'On SUNDAY, March 3, crowds will march again, as on Mondays.',
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

  it('gives the words, years and numbers of the whole text', () => {
    const stats = { documents: 10, df: (word: string) => (word === 'ceasefire' ? 3 : 0) };
    for (const size of [1, 7, 16, 40]) {
      const counts = new Map<string, number>();
      const years = new Set<string>();
      const numbers = new Set<string>();
      const days = new Set<string>();
      for (const [s, e] of stretchesAtSpaces(TEXT, size)) {
        countWords(TEXT.slice(s, e), counts);
        for (const year of yearsOf(TEXT.slice(s, e))) years.add(year);
        for (const number of numbersOf(TEXT.slice(s, e))) numbers.add(number);
        for (const day of daysOf(TEXT.slice(s, e))) days.add(day);
      }
      expect([...days].sort()).toEqual(daysOf(TEXT));
      expect([...numbers]).toEqual(numbersOf(TEXT));
      expect(termsOfCounts(counts, stats)).toEqual(articleTerms(TEXT, stats));
      expect([...years].sort()).toEqual(yearsOf(TEXT));
    }
    expect(yearsOf(TEXT)).toEqual(['1999', '2020', '2024']);
    expect(numbersOf(TEXT)).toEqual(['6.1', '1200', '85', '15']);
    // With a capital only: "march" the verb is no month; a plural is no day.
    expect(daysOf(TEXT)).toEqual(['march', 'sunday']);
    // "May" as a date writes it, not a name or a question.
    expect(daysOf('Theresa May spoke. May I ask? It fell in May, or on May 3.')).toEqual(['may']);
    expect(daysOf('Theresa May spoke on Friday. May I ask why?')).toEqual(['friday']);
    expect(daysOf('Since mid-May, and by May 2019.')).toEqual(['may']);
  });
});

describe('numbers two articles write', () => {
  const profile = (numbers: string[]): ArticleProfile => ({
    terms: new Map(),
    people: [],
    entities: new Map(),
    years: [],
    numbers,
    published: null,
  });
  const withDays = (days: string[]): ArticleProfile => ({ ...profile([]), days });
  const dayFeature = (a: string[], b: string[], name: (typeof ARTICLE_FEATURES)[number]): number =>
    articleFeatures(withDays(a), withDays(b))[ARTICLE_FEATURES.indexOf(name)]!;
  const feature = (a: string[], b: string[], name: (typeof ARTICLE_FEATURES)[number]): number =>
    articleFeatures(profile(a), profile(b))[ARTICLE_FEATURES.indexOf(name)]!;

  it('counts the share of the shorter list the other writes too, and a clash when they share none', () => {
    // Two reports of one earthquake: its magnitude and toll.
    expect(feature(['6.1', '85', '12'], ['85', '6.1', '40', '300'], 'numbersShared')).toBeCloseTo(2 / 3);
    expect(feature(['6.1', '85', '12'], ['85', '6.1', '40', '300'], 'numbersNone')).toBe(0);
    // Another earthquake on the same island: other figures throughout.
    expect(feature(['6.1', '85', '12'], ['5.9', '20', '14'], 'numbersShared')).toBe(0);
    expect(feature(['6.1', '85', '12'], ['5.9', '20', '14'], 'numbersNone')).toBe(1);
    // Too few figures to tell (and profiles stored before schema 14, which have none).
    expect(feature(['85'], ['20', '14', '30'], 'numbersNone')).toBe(0);
    expect(
      articleFeatures({ ...profile([]), numbers: undefined }, profile(['85']))[
        ARTICLE_FEATURES.indexOf('numbersShared')
      ],
    ).toBe(0);
  });

  it('tells whether two articles name a weekday, and a month, in common, or only different ones', () => {
    expect(dayFeature(['march', 'sunday'], ['monday', 'sunday'], 'weekdayShared')).toBe(1);
    expect(dayFeature(['march', 'sunday'], ['monday', 'sunday'], 'monthShared')).toBe(0);
    expect(dayFeature(['march', 'sunday'], ['monday', 'sunday'], 'monthClash')).toBe(0);
    expect(dayFeature(['march', 'sunday'], ['april', 'monday'], 'weekdayClash')).toBe(1);
    expect(dayFeature(['march', 'sunday'], ['april', 'monday'], 'monthClash')).toBe(1);
    expect(dayFeature(['sunday'], [], 'weekdayClash')).toBe(0);
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
