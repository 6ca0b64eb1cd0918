/**
 * The open note: its title, save state, Export menu, conflict banner, editor and Backlinks panel. Keyed
 * by note and generation by the parent, so the title field and the editor start from the stored text
 * each time a note is (re)loaded.
 */
import type { LexicalEditor } from 'lexical';
import { useCallback, useRef, useState, type JSX } from 'react';
import type { NoteId } from '../../shared/model';
import { BacklinksPanel } from '../backlinks/BacklinksPanel';
import { Editor } from '../editor/Editor';
import { TrashIcon } from '../shell/icons';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { useReadOnly } from '../shell/read-only';
import { ConflictBanner } from './ConflictBanner';
import { ExportMenu } from './ExportMenu';
import { SaveStatusIndicator } from './SaveStatusIndicator';
import type { SaveStatus } from './saveController';
import type { OpenNote } from './useNoteSession';

export interface NoteEditorPaneProps {
  open: OpenNote;
  status: SaveStatus;
  onTitleChange(title: string): void;
  onTrash(): void;
  onLoadNewer(): void;
  onKeepMine(): void;
  /** Whether the Notes screen is shown (the Backlinks panel refreshes when it is shown again). */
  active: boolean;
  /** Opens another note (a backlink). */
  onOpenNote(id: NoteId): void;
}

function UnreadableNote({ error, plainText }: { error: Error; plainText: string }): JSX.Element {
  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>This note’s formatting could not be read</strong> ({error.message}). It has not been changed.
        Its text is shown below so you can copy it.
      </p>
      <pre className="plain-fallback">{plainText}</pre>
    </div>
  );
}

export function NoteEditorPane(props: NoteEditorPaneProps): JSX.Element {
  const { open, status, onTitleChange, onTrash, onLoadNewer, onKeepMine, active, onOpenNote } = props;
  const { controller } = open;
  const readOnly = useReadOnly() !== null;
  const [title, setTitle] = useState(() => controller.fields.title);
  const editorRef = useRef<LexicalEditor | null>(null);
  const onContentChange = useCallback((read: () => string) => controller.editContent(read), [controller]);
  // The export reads the stored note, so what is on screen is saved first (as Ctrl+S does).
  const saveFirst = useCallback(async () => {
    await controller.flush();
    if (!controller.hasUnsavedChanges()) return;
    throw new Error(
      controller.status.state === 'conflict'
        ? 'this note was changed elsewhere. Choose which version to keep (see the message above the note), then export again.'
        : 'the latest changes are not saved yet, so the export would miss them. Try again when the note says Saved.',
    );
  }, [controller]);

  const trashButton = (
    <button
      type="button"
      className="tool tool-danger"
      data-testid="delete-note"
      aria-label="Move note to trash"
      title={
        readOnly ? 'The notebook is open read-only' : 'Move note to trash (it can be restored from Trash)'
      }
      disabled={readOnly}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onTrash}
    >
      <TrashIcon /> Trash
    </button>
  );

  return (
    <section className="editor-pane" aria-label="Note">
      <header className="note-header">
        <input
          className="note-title"
          data-testid="note-title"
          aria-label="Note title"
          placeholder="Untitled"
          value={title}
          autoFocus={open.isNew}
          readOnly={readOnly}
          maxLength={1000}
          onChange={(e) => {
            setTitle(e.target.value);
            controller.edit({ title: e.target.value });
            onTitleChange(e.target.value);
          }}
          onKeyDown={(e) => {
            // Enter moves on to the text, as in most writing apps.
            if (e.key === 'Enter') {
              e.preventDefault();
              editorRef.current?.focus();
            }
          }}
        />
        {readOnly ? (
          <span className="save-status" data-testid="save-status" data-state="read-only" role="status">
            Read-only
          </span>
        ) : (
          <SaveStatusIndicator status={status} />
        )}
        <ExportMenu noteId={open.note.id} title={title} saveFirst={saveFirst} />
      </header>
      {status.state === 'conflict' && <ConflictBanner onLoadNewer={onLoadNewer} onKeepMine={onKeepMine} />}
      <ErrorBoundary fallback={(error) => <UnreadableNote error={error} plainText={open.note.plainText} />}>
        <Editor
          initialContent={controller.fields.content}
          onChange={onContentChange}
          autoFocus={!open.isNew}
          editorRef={editorRef}
          actions={trashButton}
        />
      </ErrorBoundary>
      <BacklinksPanel
        className="backlinks-note"
        target={{ kind: 'note', id: open.note.id }}
        active={active}
        onOpenNote={onOpenNote}
      />
    </section>
  );
}
