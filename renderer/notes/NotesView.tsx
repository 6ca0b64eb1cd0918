/**
 * The Notes screen: the list, the open note, and the shortcuts that act on them. It stays mounted while
 * other screens are shown so an open note keeps its unsaved text and its save controller.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { NoteId } from '../../shared/model';
import { announceNoteStored } from '../backlinks/noteSaved';
import { FatalError } from '../shell/FatalError';
import { useNavigate } from '../shell/navigation';
import { useReadOnly } from '../shell/read-only';
import { isNewNoteKey, isSaveKey, SHORTCUT_LABELS } from '../shortcuts';
import { NoteEditorPane } from './NoteEditorPane';
import { NotesList } from './NotesList';
import { useFlushOnLeave } from './useFlushOnLeave';
import { useNoteSession } from './useNoteSession';
import { useNotesList } from './useNotesList';

/** Runs `task` when the page is idle (within 2 s), or soon where the browser cannot tell. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2_000 });
  else setTimeout(task, 0);
}

export interface NotesViewProps {
  /** Whether the Notes screen is the one shown. */
  active: boolean;
  /** A note to open (from a link, a backlink or a search hit); otherwise the list's first note. */
  requestedNoteId?: NoteId | undefined;
  /** Told which note is open while the screen is shown (the app writes it into the address). */
  onNoteShown?: (id: NoteId) => void;
  /** Called once when the first load finds no notes at all (the app may show its welcome instead). */
  onEmptyAtStart?: () => void;
}

export function NotesView({
  active,
  requestedNoteId,
  onNoteShown,
  onEmptyAtStart,
}: NotesViewProps): JSX.Element {
  const list = useNotesList({ trashed: false });
  const [loadError, setLoadError] = useState<Error | null>(null);
  const navigate = useNavigate();
  const readOnly = useReadOnly() !== null;
  const session = useNoteSession({
    onStored: (note) => {
      list.upsert(note);
      // Backlinks panels (this note's neighbours, the reader's) may show a link this save added or removed.
      announceNoteStored(note.id);
    },
    onTrashed: (id) => {
      list.remove(id);
      // A trashed note stops being a backlink.
      announceNoteStored(id);
    },
  });
  const { open, openNote, createNote, flush } = session;
  const openId = open?.note.id ?? null;
  const { reload, loadFirstPage } = list;

  // Reload whenever the screen is shown: notes may have been restored from the trash meanwhile. On the
  // first load, open the most recent note so the user can continue writing straight away: only the
  // first page of the list is loaded before it, the rest once the note is open.
  const openedFirst = useRef(false);
  useEffect(() => {
    if (!active) return;
    const first = !openedFirst.current;
    (first ? loadFirstPage() : reload()).then(
      (notes) => {
        setLoadError(null);
        if (!first) return;
        // A note requested meanwhile (a link, a search hit) wins over the most recent one.
        const recent = openedFirst.current ? undefined : notes[0];
        if (notes.length === 0 && !openedFirst.current) onEmptyAtStart?.();
        openedFirst.current = true;
        void (recent ? openNote(recent.id) : Promise.resolve()).finally(() => {
          // The rest of the list waits until the browser is idle: the first keys typed come first.
          whenIdle(() => reload().catch((error: Error) => setLoadError(error)));
        });
      },
      (error: Error) => setLoadError(error),
    );
    // onEmptyAtStart matters only on the first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, reload, loadFirstPage, openNote]);

  useEffect(() => {
    if (active && openId !== null) onNoteShown?.(openId);
  }, [active, openId, onNoteShown]);

  // A request to show a particular note (navigation from elsewhere in the app).
  useEffect(() => {
    if (active && requestedNoteId !== undefined && requestedNoteId !== openId) {
      openedFirst.current = true;
      void openNote(requestedNoteId);
    }
    // Only a new request should open the note, not the user switching notes afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, requestedNoteId]);

  useFlushOnLeave(useCallback(() => session.open?.controller ?? null, [session.open]));

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isNewNoteKey(event)) {
        event.preventDefault();
        // Read-only: the button is disabled and the banner says why; the shortcut does nothing either.
        if (!readOnly) void createNote();
      } else if (isSaveKey(event)) {
        // Also stops the browser's "Save page as" dialog.
        event.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [active, createNote, flush, readOnly]);

  if (loadError && list.notes === null) {
    return (
      <FatalError
        error={loadError}
        onRetry={() => void reload().then(() => setLoadError(null), setLoadError)}
      />
    );
  }

  return (
    <div className="notes-view" hidden={!active}>
      <aside className="list-pane" aria-label="Notes list">
        <header className="list-header">
          <h1>Notes</h1>
          <button
            type="button"
            className="button button-primary"
            data-testid="new-note"
            title={readOnly ? 'The notebook is open read-only' : `New note (${SHORTCUT_LABELS.newNote})`}
            disabled={readOnly}
            aria-keyshortcuts="Control+N Control+Alt+N Meta+N Meta+Alt+N"
            onClick={() => void createNote()}
          >
            + New note
          </button>
        </header>
        {list.notes === null ? (
          <p className="list-empty muted">Loading notes…</p>
        ) : (
          <NotesList
            notes={list.notes}
            selectedId={openId}
            onOpen={(id) => void openNote(id)}
            onTrash={(id: NoteId) => void session.trashNote(id)}
          />
        )}
      </aside>
      <main className="editor-column">
        {session.notice && (
          <div className="banner banner-error" role="alert">
            <p>{session.notice}</p>
            <button type="button" className="button button-quiet" onClick={session.dismissNotice}>
              Dismiss
            </button>
          </div>
        )}
        {open ? (
          <NoteEditorPane
            key={`${open.note.id}:${open.generation}`}
            open={open}
            status={session.status}
            onTitleChange={(title) => list.previewTitle(open.note.id, title)}
            onTrash={() => void session.trashOpenNote()}
            onLoadNewer={() => void session.loadNewerVersion()}
            onKeepMine={() => void session.keepMyVersion()}
            active={active}
            onOpenNote={(id) => {
              // Opened directly as well: the route may already name this note (an earlier backlink),
              // and then navigating alone would not open it again.
              navigate({ screen: 'notes', noteId: id });
              void openNote(id);
            }}
          />
        ) : (
          <div className="empty-editor">
            <p>No note open.</p>
            <p className="muted">
              Pick a note from the list, or start a new one ({SHORTCUT_LABELS.newNote}).
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
