/**
 * The Trash: notes and sources moved there, each restorable (a source with its quotes, mentions and the
 * citations that point at it). Nothing here is ever erased.
 */
import { useEffect, useState, type JSX } from 'react';
import type { SourceSummary } from '../../shared/areas/library';
import type { NoteId } from '../../shared/model';
import { api } from '../api';
import { useNavigate } from '../shell/navigation';
import { displayTitle } from './NotesList';
import { relativeTime } from './relativeTime';
import { useNotesList } from './useNotesList';
import { useNow } from './useNow';

/** The trashed sources, most recently clipped first (listSources reads them from one index). */
function useTrashedSources(): {
  sources: SourceSummary[] | null;
  reload: () => Promise<void>;
  remove: (id: string) => void;
} {
  const [sources, setSources] = useState<SourceSummary[] | null>(null);
  const reload = async (): Promise<void> => {
    const list = await api.listSources({ trashed: true, limit: 1000 });
    setSources(list.sources);
  };
  return {
    sources,
    reload,
    remove: (id) => setSources((list) => list?.filter((s) => s.id !== id) ?? null),
  };
}

export function TrashView(): JSX.Element {
  const { notes, reload, remove } = useNotesList({ trashed: true });
  const trashedSources = useTrashedSources();
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = useNavigate();
  const now = useNow();
  const reloadSources = trashedSources.reload;

  useEffect(() => {
    reload().catch((error: Error) => setProblem(error.message));
    reloadSources().catch((error: Error) => setProblem(error.message));
    // Loaded once when the screen opens; restores update the lists in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);

  const attempt = async (action: () => Promise<unknown>, done: () => void): Promise<void> => {
    try {
      await action();
      done();
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main className="trash-view" data-testid="trash-view">
      <header className="page-header">
        <h1>Trash</h1>
        <p className="muted">
          Notes and sources you moved to the trash. Restore one to put it back; nothing here is erased.
        </p>
      </header>
      {problem && (
        <div className="banner banner-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <section aria-labelledby="trash-notes-title">
        <h2 id="trash-notes-title" className="trash-section-title">
          Notes
        </h2>
        {notes === null ? (
          <p className="muted">Loading…</p>
        ) : notes.length === 0 ? (
          <p className="muted">No notes in the trash.</p>
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
                  onClick={() =>
                    void attempt(
                      () => api.restoreNote(note.id as NoteId),
                      () => remove(note.id),
                    )
                  }
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="trash-sources-title">
        <h2 id="trash-sources-title" className="trash-section-title">
          Sources
        </h2>
        {trashedSources.sources === null ? (
          <p className="muted">Loading…</p>
        ) : trashedSources.sources.length === 0 ? (
          <p className="muted">No sources in the trash.</p>
        ) : (
          <ul className="trash-list">
            {trashedSources.sources.map((source) => (
              <li
                key={source.id}
                className="trash-item"
                data-testid="trash-source"
                data-source-id={source.id}
              >
                <div className="trash-item-text">
                  <button
                    type="button"
                    className="trash-source-open note-item-title"
                    title="Open it in the reader (it stays in the trash)"
                    onClick={() => navigate({ screen: 'reader', sourceId: source.id })}
                  >
                    {source.title || 'Untitled source'}
                  </button>
                  <span className="note-item-excerpt">
                    {[source.siteName, source.excerpt].filter(Boolean).join(' · ') || 'No text'}
                  </span>
                  {source.deletedAt && (
                    <span className="note-item-time">Trashed {relativeTime(source.deletedAt, now)}</span>
                  )}
                </div>
                <button
                  type="button"
                  className="button"
                  data-testid="restore-source"
                  aria-label={`Restore “${source.title}”`}
                  onClick={() =>
                    void attempt(
                      () => api.restoreSource(source.id),
                      () => trashedSources.remove(source.id),
                    )
                  }
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
