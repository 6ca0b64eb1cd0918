/**
 * The notes list as the UI shows it: loaded from the notebook, then kept current locally as notes are
 * created, saved, renamed or trashed, so the list does not refetch after every keystroke's save.
 */
import { useCallback, useState } from 'react';
import type { Note, NoteId, NoteSummary } from '../../shared/model';
import { api } from '../api';
import { FIRST_NOTES_PAGE, takePrefetched } from '../startup-prefetch';

const EXCERPT_LENGTH = 160;

/** The list entry for a note the UI already holds in full. */
export function summarize(note: Note): NoteSummary {
  return {
    id: note.id,
    title: note.title,
    excerpt: note.plainText.slice(0, EXCERPT_LENGTH),
    version: note.version,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    deletedAt: note.deletedAt,
  };
}

/** `loaded`, except where `local` holds a newer version of a note (saved after the list was read). */
export function keepNewer(loaded: NoteSummary[], local: NoteSummary[] | null): NoteSummary[] {
  if (local === null) return loaded;
  const mine = new Map(local.map((n) => [n.id, n]));
  return loaded
    .map((n) => {
      const own = mine.get(n.id);
      return own !== undefined && own.version > n.version ? own : n;
    })
    .sort(newestFirst);
}

function newestFirst(a: NoteSummary, b: NoteSummary): number {
  return b.updatedAt.localeCompare(a.updatedAt);
}

export interface NotesList {
  /** null until the first load finished. */
  notes: NoteSummary[] | null;
  /** Loads the list from the notebook; rejects with the ApiError when that fails. */
  reload(): Promise<NoteSummary[]>;
  /** Loads only the most recent notes (the window's first paint); reload() brings the rest. */
  loadFirstPage(): Promise<NoteSummary[]>;
  /** Puts a created or saved note in its place (newest first). */
  upsert(note: Note): void;
  /** Shows a title the user is typing before it is saved. */
  previewTitle(id: NoteId, title: string): void;
  remove(id: NoteId): void;
}

export function useNotesList(options: { trashed: boolean }): NotesList {
  const [notes, setNotes] = useState<NoteSummary[] | null>(null);
  const { trashed } = options;

  const reload = useCallback(async () => {
    const loaded = await api.listNotes({ trashed });
    // A note saved here while the list was on its way is newer than the list's entry for it.
    setNotes((local) => keepNewer(loaded, local));
    return loaded;
  }, [trashed]);

  const loadFirstPage = useCallback(async () => {
    const loaded = await (trashed
      ? api.listNotes({ trashed, limit: FIRST_NOTES_PAGE })
      : takePrefetched('firstNotes', () => api.listNotes({ limit: FIRST_NOTES_PAGE })));
    setNotes((local) => keepNewer(loaded, local));
    return loaded;
  }, [trashed]);

  const upsert = useCallback((note: Note) => {
    const entry = summarize(note);
    setNotes((list) => [entry, ...(list ?? []).filter((n) => n.id !== note.id)].sort(newestFirst));
  }, []);

  const previewTitle = useCallback((id: NoteId, title: string) => {
    setNotes((list) => list && list.map((n) => (n.id === id ? { ...n, title } : n)));
  }, []);

  const remove = useCallback((id: NoteId) => {
    setNotes((list) => list && list.filter((n) => n.id !== id));
  }, []);

  return { notes, reload, loadFirstPage, upsert, previewTitle, remove };
}
