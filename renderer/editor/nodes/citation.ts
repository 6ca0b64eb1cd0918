/**
 * What a quote or paraphrase in a note cites: kept with the node so provenance survives export. The
 * stored shape (and its lenient reading, citationFrom) belongs to the note format in shared/.
 */
import type { LexicalNode } from 'lexical';
import type { SourceId } from '../../../shared/model';
import {
  citationFrom,
  NODE_TYPES,
  type Citation,
  type QuotePayload,
} from '../../../shared/note-format/nodes';
import type { Route } from '../../shell/navigation';

export { citationFrom, type Citation, type QuotePayload };
export type { QuoteSpeaker } from '../../../shared/note-format/nodes';

/**
 * A quote block in the editor (QuoteNode), known by its stable type and what it holds rather than by
 * its class: QuoteNode loads its component lazily, and that component and ParaphraseNode act on the
 * quote, so they must not import QuoteNode back (that was a module cycle).
 */
export interface QuoteHolder extends LexicalNode {
  /** The quoted words and their citation. */
  getQuote(): QuotePayload;
}

/** Whether `node` is a quote block (a QuoteNode). */
export function $isQuoteHolder(node: LexicalNode | null | undefined): node is QuoteHolder {
  return node != null && node.getType() === NODE_TYPES.quote && 'getQuote' in node;
}

/** The reader at the cited words, highlighted; null when the citation names no stored source. */
export function readerRouteOf(c: Citation): Route | null {
  if (c.sourceId === null) return null;
  return { screen: 'reader', sourceId: c.sourceId as SourceId, ...(c.span ? { highlight: c.span } : {}) };
}

/** "Speaker, Source title, date" with absent parts left out. */
export function citationLine(c: Citation): string {
  return [c.speaker?.name ?? '', c.sourceTitle, c.date].filter((p) => p !== '').join(', ');
}

/** Reads a dragged quote ('application/x-dossier-quote' JSON); null when it is not one. */
export function quotePayloadFrom(json: string): QuotePayload | null {
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    if (value === null || typeof value !== 'object' || typeof value.text !== 'string' || value.text === '')
      return null;
    return { ...citationFrom(value), text: value.text };
  } catch {
    return null;
  }
}

/** The drag-and-drop type a quote travels as between screens. */
export const QUOTE_MIME_TYPE = 'application/x-dossier-quote';
