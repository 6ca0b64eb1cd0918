import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime';

const NOW = Date.parse('2026-06-15T12:00:00.000Z');

describe('relativeTime', () => {
  it('describes recent changes relative to now', () => {
    expect(relativeTime('2026-06-15T11:59:50.000Z', NOW, 'en')).toBe('just now');
    expect(relativeTime('2026-06-15T11:55:00.000Z', NOW, 'en')).toBe('5 min. ago');
    expect(relativeTime('2026-06-15T09:00:00.000Z', NOW, 'en')).toBe('3 hr. ago');
    expect(relativeTime('2026-06-14T10:00:00.000Z', NOW, 'en')).toBe('yesterday');
  });

  it('falls back to a date for older changes, with the year only when it differs', () => {
    expect(relativeTime('2026-03-02T10:00:00.000Z', NOW, 'en')).toBe('Mar 2');
    expect(relativeTime('2025-03-02T10:00:00.000Z', NOW, 'en')).toBe('Mar 2, 2025');
  });

  it('returns nothing for an unreadable time', () => {
    expect(relativeTime('not a date', NOW, 'en')).toBe('');
  });
});
