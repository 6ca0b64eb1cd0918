import { describe, expect, it } from 'vitest';
import { exactTime, groupThousands, relativeTime, shortDate } from './relativeTime';

const NOW = Date.parse('2026-06-15T12:00:00.000Z');

describe('relativeTime', () => {
  it('describes recent changes relative to now', () => {
    expect(relativeTime('2026-06-15T11:59:50.000Z', NOW)).toBe('just now');
    expect(relativeTime('2026-06-15T11:55:00.000Z', NOW)).toBe('5 min. ago');
    expect(relativeTime('2026-06-15T09:00:00.000Z', NOW)).toBe('3 hr. ago');
    expect(relativeTime('2026-06-14T10:00:00.000Z', NOW)).toBe('yesterday');
    expect(relativeTime('2026-06-12T12:00:00.000Z', NOW)).toBe('3 days ago');
  });

  it('falls back to a date for older changes, with the year only when it differs', () => {
    expect(relativeTime('2026-03-02T10:00:00.000Z', NOW)).toBe('Mar 2');
    expect(relativeTime('2025-03-02T10:00:00.000Z', NOW)).toBe('Mar 2, 2025');
  });

  it('returns nothing for an unreadable time', () => {
    expect(relativeTime('not a date', NOW)).toBe('');
  });
});

describe('exactTime and shortDate', () => {
  it('format with the same result as the Date methods they replace, and refuse non-dates', () => {
    const iso = '2025-03-13T14:05:00.000Z';
    expect(exactTime(iso, 'en-GB')).toBe(
      new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
    );
    expect(shortDate(iso, 'en-GB')).toBe(new Date(iso).toLocaleDateString('en-GB'));
    expect(exactTime('not a date')).toBe('');
    expect(shortDate('not a date')).toBe('not a date');
  });
});

describe('groupThousands', () => {
  it('separates thousands with commas', () => {
    expect([0, 940, 1000, 12345, 1234567].map(groupThousands)).toEqual([
      '0',
      '940',
      '1,000',
      '12,345',
      '1,234,567',
    ]);
  });
});
