import { describe, expect, it } from 'vitest';
import { DAY_MS, dayToMs, formatDay, formatEventDate, monthHeading, msToDay } from './dates';

describe('dates', () => {
  it('reads days as UTC midnights and back', () => {
    expect(dayToMs('2025-03-13')).toBe(Date.UTC(2025, 2, 13));
    expect(dayToMs('2025-03-14') - dayToMs('2025-03-13')).toBe(DAY_MS);
    expect(dayToMs('2025-03')).toBe(Date.UTC(2025, 2, 1));
    expect(dayToMs('2024')).toBe(Date.UTC(2024, 0, 1));
    expect(Number.isNaN(dayToMs('soon'))).toBe(true);
    expect(msToDay(dayToMs('2024-02-29'))).toBe('2024-02-29');
  });

  it('writes TimeML values in words at their precision', () => {
    expect(formatEventDate('2025-03-13', 'day')).toBe('13 March 2025');
    expect(formatEventDate('2025-03', 'month')).toBe('March 2025');
    expect(formatEventDate('2024-SU', 'season')).toBe('Summer 2024');
    expect(formatEventDate('2013-W11', 'week')).toBe('Week 11, 2013');
    expect(formatEventDate('2025-Q1', 'quarter')).toBe('Q1 2025');
    expect(formatEventDate('2022', 'year')).toBe('2022');
    expect(formatEventDate(null)).toBe('Date unknown');
    expect(formatEventDate('PRESENT_REF')).toBe('Now');
  });

  it('formats publication dates and month headings', () => {
    expect(formatDay('2025-03-14T08:00:00Z')).toBe('14 March 2025');
    expect(formatDay(null)).toBe('');
    expect(monthHeading('2025-03-13')).toBe('March 2025');
  });
});

describe('formatRange', () => {
  it('says a range at its precision', async () => {
    const { formatRange } = await import('./dates');
    expect(formatRange('2025-03-13', '2025-03-13', 'day')).toBe('13 March 2025');
    expect(formatRange('2025-03-01', '2025-03-31', 'month')).toBe('March 2025');
    expect(formatRange('2022-01-01', '2022-12-31', 'year')).toBe('2022');
    expect(formatRange('2024-06-01', '2024-08-31', 'season')).toBe('Summer 2024');
    expect(formatRange('2024-12-01', '2025-02-28', 'season')).toBe('Winter 2024');
    expect(formatRange('2025-04-01', '2025-06-30', 'quarter')).toBe('Q2 2025');
    expect(formatRange('2025-03-10', '2025-03-16', 'week')).toBe('Week of 10 March 2025');
    expect(formatRange('2025-03-01', '2025-04-15', 'fuzzy')).toBe('around 1 March 2025 – 15 April 2025');
  });

  it('lists vague items under their year', async () => {
    const { periodHeading } = await import('./dates');
    expect(periodHeading('2025-03-13', 'day')).toBe('March 2025');
    expect(periodHeading('2024-06-01', 'season')).toBe('2024');
  });
});
