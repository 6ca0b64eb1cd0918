/**
 * What the reader (the sandboxed article frame, renderer/reader) offers the panels around it (the
 * analysis side panel, "quote in note"): spans of the source's plain text are the common language, so a
 * panel never touches the frame's DOM itself.
 */
import type { SpanRange } from '../../shared/areas/analysis';

/** How a highlighted span looks. */
export type HighlightKind = 'person' | 'place' | 'org' | 'event' | 'quote' | 'speaker' | 'focus';

/** One span to highlight; `id` comes back in clicks. */
export interface Highlight extends SpanRange {
  id: string;
  kind: HighlightKind;
  /** Dimmed (e.g. a rejected suggestion). */
  muted?: boolean;
  /** Tooltip text. */
  title?: string;
}

/** The reader of one open source. */
export interface ReaderHandle {
  /** Replaces all highlights. Spans outside the text or crossing each other are clipped, never thrown. */
  setHighlights(highlights: readonly Highlight[]): void;
  /** Scrolls the span into view and marks it as the focus (a brief, clearly visible highlight). */
  focusSpan(span: SpanRange): void;
  /** The user's current selection in the article as a span of the plain text, or null. */
  selectionSpan(): SpanRange | null;
  /** Called with the highlight ids under a click in the article (innermost first). */
  onHighlightClick(listener: (ids: string[]) => void): () => void;
  /** Called whenever the selection in the article changes. */
  onSelectionChange(listener: (span: SpanRange | null) => void): () => void;
  /** Called with keys pressed while the article has the focus (they do not reach the page around it). */
  onKeyDown(listener: (event: KeyboardEvent) => void): () => void;
}
