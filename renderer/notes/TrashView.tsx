/** Notes in the trash, each restorable. Nothing here is ever erased. */
import { useEffect, useState, type JSX } from 'react';
import type { NoteId } from '../../shared/model';
import { api } from '../api';
import { displayTitle } from './NotesList';
import { relativeTime } from './relativeTime';
import { useNotesList } from './useNotesList';
import { useNow } from './useNow';

export function TrashView(): JSX.Element {
  const { notes, reload, remove } = useNotesList({ trashed: true });
  const [problem, setProblem] = useState<string | null>(null);
  const now = useNow();

  useEffect(() => {
    reload().catch((error: Error) => setProblem(error.message));
  }, [reload]);

  const restore = async (id: NoteId): Promise<void> => {
    try {
      await api.restoreNote(id);
      remove(id);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main className="trash-view" data-testid="trash-view">
      <header className="page-header">
        <h1>Trash</h1>
        <p className="muted">Notes you moved to the trash. Restore one to put it back in Notes.</p>
      </header>
      {problem && (
        <div className="banner banner-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {notes === null ? (
        <p className="muted">Loading…</p>
      ) : notes.length === 0 ? (
        <p className="muted">The trash is empty.</p>
      ) : (
        <ul className="trash-list">
          {notes.map((note) => (
            <li key={note.id} className="trash-item" data-testid="trash-item" data-note-id={note.id}>
              <div className="trash-item-text">
                <span className={note.title.trim() === '' ? 'note-item-title untitled' : 'note-item-title'}>
                  {displayTitle(note.title)}
                </span>
                <span className="note-item-excerpt">{note.excerpt || 'No text'}</span>
                {note.deletedAt && (
                  <span className="note-item-time">Trashed {relativeTime(note.deletedAt, now)}</span>
                )}
              </div>
              <button
                type="button"
                className="button"
                data-testid="restore-note"
                aria-label={`Restore “${displayTitle(note.title)}”`}
                onClick={() => void restore(note.id)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
