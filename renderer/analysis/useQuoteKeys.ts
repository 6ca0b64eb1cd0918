/**
 * The panel's keys, active only while focus is inside the panel and not in a text field: j/k move to
 * the next/previous quote, c confirms and r rejects the focused one, Shift+C confirms every quote at or
 * above the chosen confidence.
 */
import { useCallback, type KeyboardEvent } from 'react';
import type { QuoteView } from '../../shared/areas/analysis';
import type { ReviewStatus } from '../../shared/model';

export interface QuoteKeysOptions {
  quotes: readonly QuoteView[];
  focusedId: string | null;
  onFocus: (quote: QuoteView) => void;
  onReview: (quote: QuoteView, status: ReviewStatus) => void;
  onConfirmAbove: () => void;
}

/** The quote j (step 1) or k (step -1) moves to; the first or last when none is focused. */
export function stepQuote(
  quotes: readonly QuoteView[],
  focusedId: string | null,
  step: 1 | -1,
): QuoteView | null {
  if (quotes.length === 0) return null;
  const index = quotes.findIndex((q) => q.id === focusedId);
  if (index < 0) return step === 1 ? quotes[0]! : quotes[quotes.length - 1]!;
  return quotes[Math.min(quotes.length - 1, Math.max(0, index + step))]!;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useQuoteKeys({ quotes, focusedId, onFocus, onReview, onConfirmAbove }: QuoteKeysOptions) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'c' && event.shiftKey) {
        onConfirmAbove();
      } else if (key === 'j' || key === 'k') {
        const next = stepQuote(quotes, focusedId, key === 'j' ? 1 : -1);
        if (next) onFocus(next);
      } else if (key === 'c' || key === 'r') {
        const focused = quotes.find((q) => q.id === focusedId);
        if (focused) onReview(focused, key === 'c' ? 'confirmed' : 'rejected');
      } else {
        return;
      }
      event.preventDefault();
    },
    [quotes, focusedId, onFocus, onReview, onConfirmAbove],
  );
}
