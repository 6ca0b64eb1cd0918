import { describe, expect, it } from 'vitest';
import { formatDateRange, parseDateBound, parseDateRange } from './date-bounds';

describe('parseDateBound', () => {
  it('reads a year, a month or a day as its first or last day', () => {
    expect(parseDateBound('2019', false)).toBe('2019-01-01');
    expect(parseDateBound('2024-02', true)).toBe('2024-02-29');
    expect(parseDateBound('2025-02-30', false)).toBeNull();
  });
});

describe('parseDateRange', () => {
  it('reads one field as a range', () => {
    expect(parseDateRange('')).toEqual({ from: null, to: null });
    expect(parseDateRange('2019-11')).toEqual({ from: '2019-11-01', to: '2019-11-30' });
    expect(parseDateRange('2019-11-01 to 2019-11-20')).toEqual({ from: '2019-11-01', to: '2019-11-20' });
    expect(parseDateRange('2019-11-01–2019-12')).toEqual({ from: '2019-11-01', to: '2019-12-31' });
    expect(parseDateRange('2019-11-01 ..')).toEqual({ from: '2019-11-01', to: null });
    expect(parseDateRange('from 2019-11-01')).toEqual({ from: '2019-11-01', to: null });
    expect(parseDateRange('to 2019-11-20')).toEqual({ from: null, to: '2019-11-20' });
  });
  it('refuses what is not a range', () => {
    for (const text of ['yesterday', '2019-13', '2019-11-20 to 2019-11-01', '2019 to 2020 to 2021']) {
      expect(parseDateRange(text), text).toBeNull();
    }
  });
  it('reads back what it formats', () => {
    for (const range of [
      { from: '2019-11-01', to: '2019-11-20' },
      { from: '2019-11-01', to: null },
      { from: null, to: '2019-11-20' },
      { from: '2019-11-05', to: '2019-11-05' },
    ]) {
      expect(parseDateRange(formatDateRange(range))).toEqual(range);
    }
  });
});
