/**
 * A renderer-wide signal that a note was stored (created or saved), so panels that show what notes
 * point at (backlinks) can refresh without each screen knowing about the others. The Notes screen
 * announces; any panel listens. In-process only: other tabs are picked up when the window regains focus.
 */
import type { NoteId } from '../../shared/model';

type Listener = (id: NoteId) => void;
const listeners = new Set<Listener>();

/** Tells every listener that note `id` was stored. */
export function announceNoteStored(id: NoteId): void {
  for (const listener of listeners) listener(id);
}

/** Calls `listener` whenever a note is stored; returns the unsubscribe function. */
export function onNoteStored(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
