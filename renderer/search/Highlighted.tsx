/** Text with its matched words in <mark>: built from offsets as React text nodes, never as HTML. */
import type { JSX } from 'react';
import type { Highlight } from '../../shared/areas/search';
import { splitHighlights } from './hits';

export interface HighlightedProps {
  text: string;
  highlights: readonly Highlight[];
}

export function Highlighted({ text, highlights }: HighlightedProps): JSX.Element {
  return (
    <>
      {splitHighlights(text, highlights).map((piece, i) =>
        piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
      )}
    </>
  );
}
