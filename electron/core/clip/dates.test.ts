import { describe, expect, it } from 'vitest';
import { normalizePublished } from './dates';

describe('normalizePublished', () => {
  it('keeps ISO dates and their own offsets', () => {
    expect(normalizePublished('2025-03-18')).toBe('2025-03-18');
    expect(normalizePublished('2025-03-18T23:30:00-08:00')).toBe('2025-03-18T23:30:00-08:00');
    expect(normalizePublished('2025-03-18T23:30:00.123+0100')).toBe('2025-03-18T23:30:00+01:00');
    expect(normalizePublished('2025-03-18 07:05Z')).toBe('2025-03-18T07:05:00Z');
  });

  it('reads common written forms without moving the calendar date', () => {
    expect(normalizePublished('Jan. 13, 2017')).toBe('2017-01-13');
    expect(normalizePublished('05/29/2007 09:49:00')).toBe('2007-05-29T09:49:00');
    expect(normalizePublished('Tue, 18 Mar 2025 10:00:00 GMT')).toBe('2025-03-18T10:00:00Z');
  });

  it('returns null for what is not a date', () => {
    for (const value of [null, undefined, '', '   ', 'yesterday', 'March 3', '2025-02-30', 'Posted by Ana']) {
      expect(normalizePublished(value)).toBeNull();
    }
  });
});
