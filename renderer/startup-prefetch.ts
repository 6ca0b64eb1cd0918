/**
 * The calls the first screen needs, sent together as soon as the page runs instead of one after
 * another as the start-up gate, the app shell and the notes screen mount (each waited for the one
 * before: a chain of round trips before the note could be edited). Each answer is taken once, by the
 * component that would have asked; a later call goes to the notebook as usual. If the notebook did
 * not open normally the answers are dropped, since they describe a notebook the user may replace.
 */
import type { StartupState } from '../shared/areas/startup';
import type { AppInfo, Note, NoteId, NoteSummary } from '../shared/model';
import { api } from './api';

/**
 * How many notes the list shows before the rest of it has arrived: a screenful (rendering 60 rows
 * before the editor cost about 100 ms of the window's start).
 */
export const FIRST_NOTES_PAGE = 20;

interface Prefetched {
  getStartupState: StartupState;
  getAppInfo: AppInfo;
  firstNotes: NoteSummary[];
  /** The most recent note, the one the notes screen opens first. */
  firstNote: Note | null;
}

const pending = new Map<keyof Prefetched, Promise<unknown>>();
/** The id of the note being prefetched, once the list has answered. */
let firstNoteId: NoteId | null = null;

function keep<K extends keyof Prefetched>(key: K, answer: Promise<Prefetched[K]>): void {
  // Nobody may take it (e.g. the notebook is damaged): a failure must not be reported as unhandled.
  answer.catch(() => undefined);
  pending.set(key, answer);
}

/** Sends the start-up calls; main.tsx runs it before React renders. */
export function prefetchStartup(): void {
  keep('getStartupState', api.getStartupState());
  keep('getAppInfo', api.getAppInfo());
  const notes = api.listNotes({ limit: FIRST_NOTES_PAGE });
  keep('firstNotes', notes);
  keep(
    'firstNote',
    notes.then((list) => {
      firstNoteId = list[0]?.id ?? null;
      return firstNoteId === null ? null : api.getNote(firstNoteId);
    }),
  );
}

/** The prefetched answer of `key` the first time it is asked for; otherwise `call()`. */
export function takePrefetched<K extends keyof Prefetched>(
  key: K,
  call: () => Promise<Prefetched[K]>,
): Promise<Prefetched[K]> {
  const answer = pending.get(key) as Promise<Prefetched[K]> | undefined;
  pending.delete(key);
  return answer ?? call();
}

/**
 * For the first note opened: the prefetched note if it is note `id`, otherwise `call()`. Later opens
 * always call, so a note edited since the page started is never shown from the old answer.
 */
export function takePrefetchedNote(id: NoteId, call: () => Promise<Note>): Promise<Note> {
  const answer = pending.get('firstNote') as Promise<Note | null> | undefined;
  pending.delete('firstNote');
  if (answer === undefined || (firstNoteId !== null && firstNoteId !== id)) return call();
  return answer.then(
    (note) => (note !== null && note.id === id ? note : call()),
    () => call(),
  );
}

/** Forgets every answer not taken yet (the notebook did not open normally). */
export function discardPrefetched(): void {
  pending.clear();
}
