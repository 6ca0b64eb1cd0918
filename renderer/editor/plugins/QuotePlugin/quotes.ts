/**
 * Quotes on their way into a note: from the API's QuoteView, and from other screens ("quote in note"
 * in the reader) through a small renderer-wide store that the open editor consumes.
 */
import type { QuoteView } from '../../../../shared/areas/analysis';
import type { QuotePayload } from '../../nodes/citation';

/** The node payload for a quote from the API. */
export function quotePayloadOf(quote: QuoteView): QuotePayload {
  return {
    text: quote.text,
    quoteId: quote.id,
    sourceId: quote.source.id,
    speaker: quote.speaker === null ? null : { name: quote.speaker.name, entityId: quote.speaker.id },
    sourceTitle: quote.source.title,
    sourceUrl: quote.source.url ?? '',
    date: quote.source.publishedAt?.slice(0, 10) ?? '',
    span: { start: quote.start, end: quote.end },
  };
}

type Listener = () => void;
const pending: QuotePayload[] = [];
const listeners = new Set<Listener>();

/**
 * Queues `quote` for the note editor: the open editor inserts it at its caret at once; otherwise the
 * next editor that opens does (navigate to { screen: 'notes', noteId } after calling this).
 */
export function requestQuoteInsert(quote: QuotePayload | QuoteView): void {
  pending.push('source' in quote ? quotePayloadOf(quote) : quote);
  for (const listener of listeners) listener();
}

/** Takes every queued quote (the editor calls this). */
export function takePendingQuotes(): QuotePayload[] {
  return pending.splice(0, pending.length);
}

/** Calls `listener` when a quote is queued; returns the unsubscribe function. */
export function onQuoteRequested(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
