/** What a quote or paraphrase in a note cites: kept with the node so provenance survives export. */
import type { SourceId } from '../../../shared/model';
import type { Route } from '../../shell/navigation';

/** Who said it; `entityId` null when the speaker is not (or no longer) an entity. */
export type QuoteSpeaker = { name: string; entityId: string | null };

/** The citation fields shared by {@link QuoteNode} and {@link ParaphraseNode}. */
export type Citation = {
  quoteId: string | null;
  sourceId: string | null;
  speaker: QuoteSpeaker | null;
  sourceTitle: string;
  sourceUrl: string;
  /** When it was said or published (ISO date or ''), as the source says. */
  date: string;
  /** Where the words are in the source's plain text. */
  span: { start: number; end: number } | null;
};

/** A quote to insert: its words and citation. */
export type QuotePayload = Citation & { text: string };

/** The reader at the cited words, highlighted; null when the citation names no stored source. */
export function readerRouteOf(c: Citation): Route | null {
  if (c.sourceId === null) return null;
  return { screen: 'reader', sourceId: c.sourceId as SourceId, ...(c.span ? { highlight: c.span } : {}) };
}

/** "Speaker, Source title, date" with absent parts left out. */
export function citationLine(c: Citation): string {
  return [c.speaker?.name ?? '', c.sourceTitle, c.date].filter((p) => p !== '').join(', ');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * A citation read from untrusted JSON (stored notes, drag and drop): wrong fields become empty, so a
 * damaged node still loads and shows its text.
 */
export function citationFrom(value: Partial<Record<keyof Citation, unknown>>): Citation {
  const speaker = value.speaker as { name?: unknown; entityId?: unknown } | null | undefined;
  const span = value.span as { start?: unknown; end?: unknown } | null | undefined;
  return {
    quoteId: strOrNull(value.quoteId),
    sourceId: strOrNull(value.sourceId),
    speaker:
      speaker !== null && typeof speaker === 'object' && typeof speaker.name === 'string'
        ? { name: speaker.name, entityId: strOrNull(speaker.entityId) }
        : null,
    sourceTitle: str(value.sourceTitle),
    sourceUrl: str(value.sourceUrl),
    date: str(value.date),
    span:
      span !== null &&
      typeof span === 'object' &&
      typeof span.start === 'number' &&
      typeof span.end === 'number'
        ? { start: span.start, end: span.end }
        : null,
  };
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
