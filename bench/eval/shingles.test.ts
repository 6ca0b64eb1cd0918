import { describe, expect, it } from 'vitest';
import { aggregateScores, scorePage, shingles } from './shingles';

describe('shingles', () => {
  it('makes every run of 4 tokens, case kept, punctuation ignored', () => {
    expect([...shingles('The cat, the cat sat.').entries()]).toEqual([
      ['The cat the cat', 1],
      ['cat the cat sat', 1],
    ]);
  });

  it('makes one shingle of fewer than 4 tokens, and none of no tokens', () => {
    expect([...shingles('Hello, world!').entries()]).toEqual([['Hello world', 1]]);
    expect(shingles(' ... ').size).toBe(0);
  });

  it('tokenises non-English words like Python\u2019s \\w', () => {
    expect([...shingles('Grüße aus Zürich, Ελλάδα').keys()]).toEqual(['Grüße aus Zürich Ελλάδα']);
  });

  it('counts repeated shingles as a multiset', () => {
    expect(shingles('a b c d a b c d a b c d').get('a b c d')).toBe(3);
  });
});

describe('scorePage', () => {
  it('matches a hand-computed example', () => {
    // gold tokens: a b c d e f -> shingles abcd, bcde, cdef
    // predicted:   a b c d e x -> shingles abcd, bcde, cdex
    // tp = 2, fp = 1 (cdex), fn = 1 (cdef): precision 2/3, recall 2/3
    const score = scorePage('a b c d e x', 'a b c d e f');
    expect(score).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(score.precision).toBeCloseTo(2 / 3, 12);
    expect(score.recall).toBeCloseTo(2 / 3, 12);
  });

  it('uses multiset counts: a duplicated paragraph is a false positive', () => {
    // predicted tokens w x y z w x y z -> 5 shingles: wxyz(2) xyzw yzwx zwxy; gold: wxyz(1).
    // tp = min(2, 1) = 1; fp = (2 - 1) + 3 = 4; fn = 0
    const score = scorePage('w x y z. w x y z.', 'w x y z');
    expect(score).toMatchObject({ tp: 1, fp: 4, fn: 0 });
    expect(score.precision).toBeCloseTo(1 / 5, 12);
    expect(score.recall).toBe(1);
  });

  it('scores both empty as perfect, and one empty as zero', () => {
    expect(scorePage('', '')).toMatchObject({ precision: 1, recall: 1 });
    expect(scorePage('', 'some gold text here')).toMatchObject({ precision: 0, recall: 0 });
    expect(scorePage('extracted text but no gold', '')).toMatchObject({ precision: 0, recall: 0 });
  });
});

describe('aggregateScores', () => {
  it('averages P and R over pages and takes F1 of the means', () => {
    const pages = [
      { tp: 0, fp: 0, fn: 0, precision: 1, recall: 0.5 },
      { tp: 0, fp: 0, fn: 0, precision: 0.5, recall: 0.5 },
    ];
    const result = aggregateScores(pages);
    expect(result.precision).toBe(0.75);
    expect(result.recall).toBe(0.5);
    expect(result.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25, 12);
    expect(aggregateScores([])).toEqual({ precision: 0, recall: 0, f1: 0, pages: 0 });
  });
});
