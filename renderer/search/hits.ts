/**
 * Pure helpers for showing search hits: where a hit leads, how its type is labelled, and how a text
 * with highlight ranges splits into plain and marked pieces (so the UI never builds HTML from text).
 */
import type { Highlight, SearchHit } from '../../shared/areas/search';
import type { EntityId, NoteId, SourceId } from '../../shared/model';
import type { Route } from '../shell/navigation';

/** The screen a hit opens: the reader at the match or quote, the note, the entity's page. */
export function routeOfHit(hit: SearchHit): Route {
  switch (hit.type) {
    case 'source':
      return hit.match === undefined
        ? { screen: 'reader', sourceId: hit.id as SourceId }
        : { screen: 'reader', sourceId: hit.id as SourceId, highlight: hit.match };
    case 'quote':
      return hit.sourceId === undefined
        ? { screen: 'search' }
        : hit.match === undefined
          ? { screen: 'reader', sourceId: hit.sourceId }
          : { screen: 'reader', sourceId: hit.sourceId, highlight: hit.match };
    case 'note':
      return { screen: 'notes', noteId: hit.id as NoteId };
    case 'entity':
      return { screen: 'entity', entityId: hit.id as EntityId };
  }
}

/** The badge of a hit: its type, or the entity's kind. */
export function hitBadge(hit: SearchHit): string {
  if (hit.type === 'entity') {
    const kinds: Record<string, string> = {
      person: 'Person',
      place: 'Place',
      org: 'Organisation',
      event: 'Event',
      topic: 'Topic',
    };
    return kinds[hit.entityKind ?? ''] ?? 'Entity';
  }
  return { source: 'Source', note: 'Note', quote: 'Quote' }[hit.type];
}

/** One piece of a highlighted text. */
export interface Piece {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` at `highlights` (sorted, possibly overlapping or out of range: they are clamped and
 * merged, so a bad range can never throw or duplicate text).
 */
export function splitHighlights(text: string, highlights: readonly Highlight[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  const sorted = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [rawStart, rawEnd] of sorted) {
    const start = Math.max(at, Math.min(text.length, rawStart));
    const end = Math.max(start, Math.min(text.length, rawEnd));
    if (end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/** A short date for a hit ("13 Mar 2025"), or '' when unknown. */
export function hitDate(date: string | null): string {
  if (date === null) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (match === null) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(match[3])} ${months[Number(match[2]) - 1] ?? ''} ${match[1]}`;
}
