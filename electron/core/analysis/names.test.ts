import { describe, expect, it } from 'vitest';
import { nameMatchKey, normalizeName } from './names';
import { timexRange } from '../extract/timex-range';

describe('name folding', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalizeName('Élysée-Palast')).toBe('elysee palast');
    expect(normalizeName('  José  MARÍA ')).toBe('jose maria');
  });

  it('folds transliteration variants to one key, but keeps different names apart', () => {
    const zelenskyy = nameMatchKey('Volodymyr Zelenskyy');
    expect(nameMatchKey('Volodymyr Zelensky')).toBe(zelenskyy);
    expect(nameMatchKey('Volodymyr Zelenskiy')).toBe(zelenskyy);
    expect(nameMatchKey('Volodymyr Zelenskii')).toBe(zelenskyy);
    expect(nameMatchKey('Mark Rutte')).toBe(nameMatchKey('Mark Rute'));
    expect(nameMatchKey('Donald Trump')).not.toBe(nameMatchKey('Melania Trump'));
  });
});

describe('TIMEX values on the calendar', () => {
  it('places days, months, years, weeks, quarters and seasons', () => {
    expect(timexRange('2025-03-13', null)).toEqual({
      start: '2025-03-13',
      end: '2025-03-13',
      precision: 'day',
    });
    expect(timexRange('2024-02', null)).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
      precision: 'month',
    });
    expect(timexRange('2022', null)).toEqual({ start: '2022-01-01', end: '2022-12-31', precision: 'year' });
    expect(timexRange('2024-SU', null)).toEqual({
      start: '2024-06-01',
      end: '2024-08-31',
      precision: 'season',
    });
    expect(timexRange('2024-WI', null)).toEqual({
      start: '2024-12-01',
      end: '2025-02-28',
      precision: 'season',
    });
    expect(timexRange('2013-W11', null)).toEqual({
      start: '2013-03-11',
      end: '2013-03-17',
      precision: 'week',
    });
    expect(timexRange('2020-W01', null)).toEqual({
      start: '2019-12-30',
      end: '2020-01-05',
      precision: 'week',
    });
    expect(timexRange('1998-Q3', null)).toEqual({
      start: '1998-07-01',
      end: '1998-09-30',
      precision: 'quarter',
    });
    expect(timexRange('199X', null)).toEqual({ start: '1990-01-01', end: '1999-12-31', precision: 'fuzzy' });
  });

  it('puts PRESENT_REF on the publication day, fuzzy, and cannot place the rest', () => {
    expect(timexRange('PRESENT_REF', '2025-03-14T10:00:00Z')).toEqual({
      start: '2025-03-14',
      end: '2025-03-14',
      precision: 'fuzzy',
    });
    expect(timexRange('PRESENT_REF', null)).toBeNull();
    expect(timexRange('PAST_REF', '2025-03-14')).toBeNull();
    expect(timexRange('2025-02-30', null)).toBeNull();
    expect(timexRange('2025-13', null)).toBeNull();
  });
});
