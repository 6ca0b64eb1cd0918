import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './dates';

describe('isCalendarDate', () => {
  it('accepts days that exist, leap days included', () => {
    for (const day of ['2025-01-01', '2025-12-31', '2024-02-29', '2000-02-29', '0099-06-15']) {
      expect(isCalendarDate(day), day).toBe(true);
    }
  });

  it('refuses months and days that do not exist, and other shapes', () => {
    for (const day of [
      '2025-13-45',
      '2025-00-10',
      '2025-12-32',
      '2025-02-30',
      '2025-02-29',
      '1900-02-29',
      '2025-04-31',
      '2025-1-01',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      'Thursday',
      '',
    ]) {
      expect(isCalendarDate(day), day).toBe(false);
    }
  });
});
