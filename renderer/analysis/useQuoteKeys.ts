/**
 * The review keys of the reader screen, wherever the focus is on it (the panel, the article frame, the
 * page) except in a text field: j/k move to the next/previous quote card, x adds the focused card to
 * the selection (Shift+J/K move and select), c confirms and r rejects the selection, or the focused
 * card when nothing is selected, and Escape clears the selection.
 * Shift+C confirms every quote at or above the chosen confidence.
 */
import { useCallback } from 'react';
import type { QuoteView } from '../../shared/areas/analysis';
import type { ReviewStatus } from '../../shared/model';

export interface QuoteKeysOptions {
  quotes: readonly QuoteView[];
  focusedId: string | null;
  /** Ids of the selected cards (for c and r), in any order. */
  picked: ReadonlySet<string>;
  onFocus: (quote: QuoteView) => void;
  onPick: (ids: ReadonlySet<string>) => void;
  onReview: (quotes: QuoteView[], status: ReviewStatus) => void;
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

/** What c and r act on: the selected quotes in panel order, or the focused one. */
export function reviewTargets(
  quotes: readonly QuoteView[],
  focusedId: string | null,
  picked: ReadonlySet<string>,
): QuoteView[] {
  if (picked.size > 0) return quotes.filter((q) => picked.has(q.id));
  return quotes.filter((q) => q.id === focusedId);
}

function isTextField(target: EventTarget | null): boolean {
  // `instanceof HTMLElement` fails for elements of the article frame (another window), so duck-type.
  const element = target as Partial<HTMLElement> | null;
  if (element === null || typeof element.tagName !== 'string') return false;
  return element.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

type Key = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'> & {
  preventDefault(): void;
};

/** The keys' handler, for keydown events of the page and of the article frame. */
export function useQuoteKeys({
  quotes,
  focusedId,
  picked,
  onFocus,
  onPick,
  onReview,
  onConfirmAbove,
}: QuoteKeysOptions) {
  return useCallback(
    (event: Key) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'c' && event.shiftKey) {
        onConfirmAbove();
      } else if (key === 'j' || key === 'k') {
        const next = stepQuote(quotes, focusedId, key === 'j' ? 1 : -1);
        if (next === null) return;
        if (event.shiftKey) {
          // Shift extends the selection over the card left and the card reached.
          const ids = new Set(picked);
          if (focusedId !== null) ids.add(focusedId);
          ids.add(next.id);
          onPick(ids);
        }
        onFocus(next);
      } else if (key === 'x' && focusedId !== null) {
        const ids = new Set(picked);
        if (ids.has(focusedId)) ids.delete(focusedId);
        else ids.add(focusedId);
        onPick(ids);
      } else if (key === 'c' || key === 'r') {
        const targets = reviewTargets(quotes, focusedId, picked);
        if (targets.length === 0) return;
        onReview(targets, key === 'c' ? 'confirmed' : 'rejected');
        onPick(new Set());
      } else if (key === 'escape' && picked.size > 0) {
        onPick(new Set());
      } else {
        return;
      }
      event.preventDefault();
    },
    [quotes, focusedId, picked, onFocus, onPick, onReview, onConfirmAbove],
  );
}
