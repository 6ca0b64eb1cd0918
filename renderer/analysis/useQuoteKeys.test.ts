import { describe, expect, it } from 'vitest';
import type { QuoteView } from '../../shared/areas/analysis';
import { stepQuote } from './useQuoteKeys';

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
