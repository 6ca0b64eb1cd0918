/**
 * A list of search hits with type badges and highlighted snippets, shared by the Search screen and the
 * command palette. The caller owns the selection (so the input keeps focus while arrows move it).
 */
import type { JSX } from 'react';
import type { SearchHit } from '../../shared/areas/search';
import { Highlighted } from './Highlighted';
import { pointerMoved } from '../shell/pointer';
import { hitBadge, hitDate } from './hits';

export interface HitListProps {
  hits: readonly SearchHit[];
  /** Index of the selected hit, or -1. */
  selected: number;
  /** Prefix of the option ids (for aria-activedescendant). */
  idPrefix: string;
  onOpen: (hit: SearchHit) => void;
  onHover?: (index: number) => void;
  /** Compact rows (the palette): one line of snippet. */
  compact?: boolean;
  /** Added to each hit's index in its option id (when other options come first in the list). */
  indexOffset?: number;
}

/** The DOM id of the option at `index`. */
export function hitOptionId(idPrefix: string, index: number): string {
  return `${idPrefix}-${index}`;
}

export function HitList({
  hits,
  selected,
  idPrefix,
  onOpen,
  onHover,
  compact,
  indexOffset = 0,
}: HitListProps): JSX.Element {
  return (
    <>
      {hits.map((hit, index) => (
        <li
          key={`${hit.type}:${hit.id}`}
          id={hitOptionId(idPrefix, index + indexOffset)}
          role="option"
          aria-selected={index === selected}
          className={`search-hit${index === selected ? ' is-selected' : ''}${compact ? ' is-compact' : ''}`}
          data-testid="search-hit"
          data-type={hit.type}
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={(event) => {
            if (pointerMoved(event)) onHover?.(index);
          }}
          onClick={() => onOpen(hit)}
        >
          <div className="search-hit-head">
            <span className={`search-badge search-badge-${hit.type}`}>{hitBadge(hit)}</span>
            <span className="search-hit-title">
              <Highlighted text={hit.title || 'Untitled'} highlights={hit.titleHighlights} />
            </span>
            <span className="search-hit-date muted">{hitDate(hit.date)}</span>
          </div>
          {hit.snippet.text !== '' && (
            <div className={`search-hit-snippet${hit.type === 'quote' ? ' is-quote' : ''}`}>
              <Highlighted text={hit.snippet.text} highlights={hit.snippet.highlights} />
            </div>
          )}
          {hit.type === 'quote' && hit.sourceTitle !== undefined && !compact && (
            <div className="search-hit-source muted">in {hit.sourceTitle}</div>
          )}
        </li>
      ))}
    </>
  );
}
