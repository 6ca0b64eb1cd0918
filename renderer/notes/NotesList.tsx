/**
 * The list of live notes: newest first, each with its title, a line of text and when it last changed.
 * A big notebook holds thousands of notes, so the list renders them a page at a time: the first page at
 * start-up (the app must open fast whatever the notebook's size), the next ones as the user scrolls
 * towards the end (or presses "Show more notes").
 */
import { useEffect, useRef, useState, type JSX, type RefObject } from 'react';
import type { NoteId, NoteSummary } from '../../shared/model';
import { TrashIcon } from '../shell/icons';
import { exactTime, groupThousands, relativeTime } from './relativeTime';
import { useNow } from './useNow';
import './notes-list.css';

export interface NotesListProps {
  notes: NoteSummary[];
  selectedId: NoteId | null;
  onOpen(id: NoteId): void;
  onTrash(id: NoteId): void;
}

/** What a list shows for a note without a title. */
export function displayTitle(title: string): string {
  return title.trim() === '' ? 'Untitled' : title;
}

/** Notes rendered at first, and added each time the user reaches the end of the list. */
export const NOTES_PAGE = 60;

/** Grows `limit` when `sentinel` scrolls near the visible part of the list. */
function useGrowOnScroll(sentinel: RefObject<HTMLElement | null>, grow: () => void, active: boolean): void {
  useEffect(() => {
    const element = sentinel.current;
    if (!active || element === null || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) grow();
      },
      { root: element.parentElement, rootMargin: '400px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [sentinel, grow, active]);
}

export function NotesList({ notes, selectedId, onOpen, onTrash }: NotesListProps): JSX.Element {
  const now = useNow();
  const [limit, setLimit] = useState(NOTES_PAGE);
  const sentinel = useRef<HTMLLIElement | null>(null);
  // The open note is always in the list, however far down it is.
  const selectedIndex = selectedId === null ? -1 : notes.findIndex((n) => n.id === selectedId);
  const shown = Math.min(notes.length, Math.max(limit, selectedIndex + 1));
  const [grow] = useState(() => () => setLimit((l) => l + NOTES_PAGE));
  useGrowOnScroll(sentinel, grow, shown < notes.length);
  if (notes.length === 0) {
    return (
      <div className="list-empty" data-testid="notes-list">
        <p>No notes yet.</p>
        <p className="muted">Create one with “New note”.</p>
      </div>
    );
  }
  return (
    <ul className="note-list" data-testid="notes-list" aria-label="Notes">
      {notes.slice(0, shown).map((note) => {
        const title = displayTitle(note.title);
        const selected = note.id === selectedId;
        return (
          <li key={note.id} className="note-item" data-testid="note-item" data-note-id={note.id}>
            <button
              type="button"
              className="note-item-open"
              aria-current={selected ? 'true' : undefined}
              onClick={() => onOpen(note.id)}
            >
              <span className={note.title.trim() === '' ? 'note-item-title untitled' : 'note-item-title'}>
                {title}
              </span>
              <span className="note-item-excerpt">{note.excerpt || 'No text yet'}</span>
              <time
                className="note-item-time"
                dateTime={note.updatedAt}
                // The exact time is formatted when the pointer comes, not for every row at start-up.
                onPointerEnter={(event) => {
                  event.currentTarget.title = exactTime(note.updatedAt);
                }}
              >
                {relativeTime(note.updatedAt, now)}
              </time>
            </button>
            <button
              type="button"
              className="note-item-trash"
              data-testid="note-item-delete"
              aria-label={`Move “${title}” to the trash`}
              title="Move to trash"
              onClick={() => onTrash(note.id)}
            >
              <TrashIcon />
            </button>
          </li>
        );
      })}
      {shown < notes.length && (
        <li ref={sentinel} className="note-list-more">
          <button type="button" className="button button-quiet" data-testid="notes-list-more" onClick={grow}>
            Show more notes ({groupThousands(notes.length - shown)} more)
          </button>
        </li>
      )}
    </ul>
  );
}
