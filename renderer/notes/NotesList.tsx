/** The list of live notes: newest first, each with its title, a line of text and when it last changed. */
import type { JSX } from 'react';
import type { NoteId, NoteSummary } from '../../shared/model';
import { TrashIcon } from '../shell/icons';
import { relativeTime } from './relativeTime';
import { useNow } from './useNow';

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

export function NotesList({ notes, selectedId, onOpen, onTrash }: NotesListProps): JSX.Element {
  const now = useNow();
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
      {notes.map((note) => {
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
                title={new Date(note.updatedAt).toLocaleString()}
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
    </ul>
  );
}
