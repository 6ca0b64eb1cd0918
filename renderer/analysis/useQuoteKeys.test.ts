import { describe, expect, it } from 'vitest';
import type { QuoteView } from '../../shared/areas/analysis';
import { reviewTargets, stepQuote } from './useQuoteKeys';

const quotes = ['a', 'b', 'c'].map((id) => ({ id }) as QuoteView);

describe('stepQuote', () => {
  it('starts at the first (j) or last (k) quote when none is focused', () => {
    expect(stepQuote(quotes, null, 1)?.id).toBe('a');
    expect(stepQuote(quotes, null, -1)?.id).toBe('c');
  });
  it('moves one step and stops at the ends', () => {
    expect(stepQuote(quotes, 'a', 1)?.id).toBe('b');
    expect(stepQuote(quotes, 'c', 1)?.id).toBe('c');
    expect(stepQuote(quotes, 'a', -1)?.id).toBe('a');
  });
  it('returns null when there are no quotes', () => {
    expect(stepQuote([], null, 1)).toBeNull();
  });
});

describe('reviewTargets', () => {
  it('is the selection in panel order, else the focused quote', () => {
    expect(reviewTargets(quotes, 'b', new Set(['c', 'a'])).map((q) => q.id)).toEqual(['a', 'c']);
    expect(reviewTargets(quotes, 'b', new Set()).map((q) => q.id)).toEqual(['b']);
    expect(reviewTargets(quotes, null, new Set())).toEqual([]);
  });
});
