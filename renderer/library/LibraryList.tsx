/**
 * The library table: one row per source, sortable by clicking a column, keyboard navigable. The rows
 * are one Tab stop (roving tabindex): Tab reaches the current row's title, arrows (and Home/End) move
 * between rows, Enter opens; the row's own button is the next stop. A table of 500 sources is then a
 * couple of stops, not a thousand.
 */
import { useState, type JSX, type KeyboardEvent } from 'react';
import type { SourceSort, SourceSummary } from '../../shared/areas/library';
import type { LibraryQuery } from './useLibrary';
import { shortDate } from '../notes/relativeTime';

export interface LibraryListProps {
  sources: SourceSummary[];
  query: LibraryQuery;
  onSort: (sort: SourceSort) => void;
  onOpen: (source: SourceSummary) => void;
  onTrash: (source: SourceSummary) => void;
  onRestore: (source: SourceSummary) => void;
}

function day(value: string | null): string {
  if (value === null) return '—';
  // One cached formatter for every row: toLocaleDateString() builds a new one each call.
  return shortDate(value);
}

const COLUMNS: { sort: SourceSort; label: string }[] = [
  { sort: 'title', label: 'Title' },
  { sort: 'site', label: 'Site' },
  { sort: 'published', label: 'Published' },
  { sort: 'words', label: 'Words' },
  { sort: 'clipped', label: 'Clipped' },
];

export function LibraryList({
  sources,
  query,
  onSort,
  onOpen,
  onTrash,
  onRestore,
}: LibraryListProps): JSX.Element {
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, sources.length - 1));
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: sources.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(sources.length - 1, moves[event.key]!));
      setActive(next);
      event.currentTarget.querySelectorAll<HTMLElement>('.library-open')[next]?.focus();
    }
  };
  return (
    <table className="library-table" data-testid="library-list">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th
              key={column.sort}
              aria-sort={
                query.sort === column.sort ? (query.descending ? 'descending' : 'ascending') : 'none'
              }
            >
              <button type="button" className="library-sort" onClick={() => onSort(column.sort)}>
                {column.label}
                {query.sort === column.sort ? (query.descending ? ' ↓' : ' ↑') : ''}
              </button>
            </th>
          ))}
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody onKeyDown={onKeyDown}>
        {sources.map((source, index) => (
          <tr
            key={source.id}
            data-testid="source-item"
            data-source-id={source.id}
            onFocus={() => setActive(index)}
            onDoubleClick={() => onOpen(source)}
          >
            <td className="library-title">
              <button
                type="button"
                className="library-open"
                tabIndex={index === current ? 0 : -1}
                data-skip-target={index === current ? 'true' : undefined}
                onClick={() => onOpen(source)}
                title={source.excerpt}
              >
                {source.title}
              </button>
              {source.byline && <span className="muted library-byline">{source.byline}</span>}
            </td>
            <td>{source.siteName ?? '—'}</td>
            <td>{day(source.publishedAt)}</td>
            <td className="library-number">{source.wordCount.toLocaleString()}</td>
            <td>{day(source.clippedAt)}</td>
            <td>
              {query.trashed ? (
                <button
                  type="button"
                  className="button button-quiet"
                  data-testid="source-restore"
                  tabIndex={index === current ? 0 : -1}
                  onClick={() => onRestore(source)}
                >
                  Restore
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-quiet"
                  data-testid="source-trash"
                  tabIndex={index === current ? 0 : -1}
                  aria-label={`Move “${source.title}” to the trash`}
                  onClick={() => onTrash(source)}
                >
                  Trash
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
