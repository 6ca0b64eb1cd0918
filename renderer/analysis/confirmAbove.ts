/**
 * "Confirm every quote at or above a confidence": which quotes that touches. Only suggestions the
 * extractor attributed count; quotes the user already reviewed, quotes without a speaker and quotation
 * marks set apart as titles or terms (kind "scare") are left alone.
 */
import type { QuoteView } from '../../shared/areas/analysis';

/** The confidences the panel offers, highest first. */
export const CONFIRM_THRESHOLDS: readonly number[] = [0.95, 0.9, 0.8, 0.7, 0.5];

/** The default: quotes at 0.9 or above have the right speaker about nine times in ten or more. */
export const DEFAULT_CONFIRM_THRESHOLD = 0.9;

/** The quotes "confirm all at or above `threshold`" would confirm, in text order. */
export function quotesToConfirm(quotes: readonly QuoteView[], threshold: number): QuoteView[] {
  return quotes
    .filter(
      (q) =>
        q.status === 'suggested' &&
        q.origin === 'auto' &&
        q.speaker !== null &&
        q.kind !== 'scare' &&
        q.confidence >= threshold - 1e-9,
    )
    .sort((a, b) => a.start - b.start);
}

/** "90%" */
export const percent = (value: number): string => `${Math.round(value * 100)}%`;
