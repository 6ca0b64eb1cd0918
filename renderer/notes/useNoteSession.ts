/**
 * The note open in the editor and its save controller. Every change of note (open, create, trash) runs
 * one at a time and first flushes the open note: the next note loads only once the notebook confirmed
 * the previous one, and a note whose text could not be saved stays open rather than being dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotebookApi } from '../../shared/api';
import type { Note, NoteId } from '../../shared/model';
import { api, unloadApi } from '../api';
import { takePrefetchedNote } from '../startup-prefetch';
import { NoteSaveController, type SaveStatus } from './saveController';

/** The open note; `generation` changes whenever its editor must reload the stored text. */
export interface OpenNote {
  note: Note;
  controller: NoteSaveController;
  generation: number;
  /** True for a note just created here (the title field takes focus). */
  isNew: boolean;
}

export interface NoteSession {
  open: OpenNote | null;
  status: SaveStatus;
  /** A message about the last navigation that could not happen, or null. */
  notice: string | null;
  dismissNotice(): void;
  openNote(id: NoteId): Promise<void>;
  createNote(): Promise<void>;
  /** Saves the open note, then moves it to the trash. */
  trashOpenNote(): Promise<void>;
  /** Moves any note to the trash (the open one is saved first). */
  trashNote(id: NoteId): Promise<void>;
  /** Saves now (Ctrl+S). */
  flush(): Promise<void>;
  loadNewerVersion(): Promise<void>;
  keepMyVersion(): Promise<void>;
}

export interface NoteSessionEvents {
  /** A note was created, or the notebook confirmed a save. */
  onStored(note: Note): void;
  onTrashed(id: NoteId): void;
}

const NOT_SAVED_YET =
  'This note could not be saved yet, so it stays open and your text is kept here. Try again in a moment.';

const UNRESOLVED_CONFLICT =
  'First choose which version of this note to keep (see the message above it). Your text is kept here.';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useNoteSession(events: NoteSessionEvents, notebook: NotebookApi = api): NoteSession {
  const [open, setOpen] = useState<OpenNote | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const [notice, setNotice] = useState<string | null>(null);
  const openRef = useRef<OpenNote | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const eventsRef = useRef(events);
  useEffect(() => {
    eventsRef.current = events;
  });

  const show = useCallback((next: OpenNote | null) => {
    openRef.current = next;
    setOpen(next);
    setStatus(next ? next.controller.status : { state: 'saved' });
  }, []);

  const makeController = useCallback(
    (note: Note) => {
      const controller: NoteSaveController = new NoteSaveController(note, {
        save: (input, { keepalive }) => (keepalive ? unloadApi : notebook).updateNote(input),
        onStatus: (s) => {
          if (openRef.current?.controller === controller) setStatus(s);
        },
        // The list shows what the user is typing, not the title of a save that is already older.
        onSaved: (saved) => eventsRef.current.onStored({ ...saved, title: controller.fields.title }),
      });
      return controller;
    },
    [notebook],
  );

  /** Runs navigation steps one after another; a failed step reports and never blocks later ones. */
  const enqueue = useCallback((step: () => Promise<void>): Promise<void> => {
    const run = queue.current.then(step).catch((error: unknown) => setNotice(message(error)));
    queue.current = run;
    return run;
  }, []);

  /** Flushes the open note; true when nothing of it is left unsaved. */
  const settleOpen = useCallback(async (): Promise<boolean> => {
    const current = openRef.current;
    if (!current) return true;
    await current.controller.flush();
    if (!current.controller.hasUnsavedChanges()) return true;
    setNotice(current.controller.status.state === 'conflict' ? UNRESOLVED_CONFLICT : NOT_SAVED_YET);
    return false;
  }, []);

  /**
   * Replaces the open note with `load()`'s, keeping the open one if anything fails. A created note
   * enters the list in the same render that shows it: a list that grew before its editor appeared
   * would invite typing into the previous note.
   */
  const switchTo = useCallback(
    async (load: () => Promise<Note>, isNew: boolean) => {
      if (!(await settleOpen())) return;
      const note = await load();
      // The user may have typed while the next note loaded; that text must be saved too.
      const settled = await settleOpen();
      if (settled) {
        openRef.current?.controller.dispose();
        setNotice(null);
        show({ note, controller: makeController(note), generation: 0, isNew });
      }
      if (isNew) eventsRef.current.onStored(note);
    },
    [makeController, settleOpen, show],
  );

  const openNote = useCallback(
    (id: NoteId) =>
      enqueue(async () => {
        if (openRef.current?.note.id === id) return;
        await switchTo(() => takePrefetchedNote(id, () => notebook.getNote(id)), false);
      }),
    [enqueue, notebook, switchTo],
  );

  const createNote = useCallback(
    () => enqueue(() => switchTo(() => notebook.createNote(), true)),
    [enqueue, notebook, switchTo],
  );

  const trashOpenNote = useCallback(
    () =>
      enqueue(async () => {
        const current = openRef.current;
        if (!current || !(await settleOpen())) return;
        await notebook.deleteNote(current.note.id);
        current.controller.dispose();
        show(null);
        eventsRef.current.onTrashed(current.note.id);
      }),
    [enqueue, notebook, settleOpen, show],
  );

  const trashNote = useCallback(
    (id: NoteId) => {
      if (openRef.current?.note.id === id) return trashOpenNote();
      return enqueue(async () => {
        await notebook.deleteNote(id);
        eventsRef.current.onTrashed(id);
      });
    },
    [enqueue, notebook, trashOpenNote],
  );

  const flush = useCallback(async () => {
    await openRef.current?.controller.flush();
  }, []);

  /** The stored note a conflict is about: sent with the error, or fetched when the host did not. */
  const conflictingNote = useCallback(
    async (current: OpenNote): Promise<Note> => {
      const s = current.controller.status;
      return s.state === 'conflict' && s.current ? s.current : notebook.getNote(current.note.id);
    },
    [notebook],
  );

  const loadNewerVersion = useCallback(
    () =>
      enqueue(async () => {
        const current = openRef.current;
        if (!current) return;
        const newer = await conflictingNote(current);
        current.controller.takeTheirs(newer);
        eventsRef.current.onStored(newer);
        show({ ...current, note: newer, generation: current.generation + 1, isNew: false });
      }),
    [conflictingNote, enqueue, show],
  );

  const keepMyVersion = useCallback(
    () =>
      enqueue(async () => {
        const current = openRef.current;
        if (current) await current.controller.keepMine(await conflictingNote(current));
      }),
    [conflictingNote, enqueue],
  );

  return {
    open,
    status,
    notice,
    dismissNotice: useCallback(() => setNotice(null), []),
    openNote,
    createNote,
    trashOpenNote,
    trashNote,
    flush,
    loadNewerVersion,
    keepMyVersion,
  };
}
