/**
 * NotebookApi: every call the UI can make. Each host (Electron IPC, the browser host over HTTP, the
 * CLI in-process) exposes exactly these methods, registered from {@link API_METHODS}, and validates
 * arguments with `shared/validate.ts` before the core sees them.
 */
import type { AppInfo, Note, NoteId, NoteSummary } from './model';

/** Fields a new note may start with. */
export interface CreateNoteInput {
  title?: string;
  /** Serialized Lexical editor state. */
  content?: string;
}

/** A change to a note, applied only if the note is still at `expectedVersion`. */
export interface UpdateNoteInput {
  id: NoteId;
  /** The version the caller last read; a different stored version fails with VERSION_CONFLICT. */
  expectedVersion: number;
  title?: string;
  /** Serialized Lexical editor state; the core derives the plain text from it. */
  content?: string;
}

/** Which notes to list. */
export interface ListNotesOptions {
  /** true: only notes in the trash; false or absent: only live notes. */
  trashed?: boolean;
}

/** The notebook, as the UI sees it. All methods are async and reject with an `ApiError`. */
export interface NotebookApi {
  /** Version, data folder, database file and schema versions of the running app. */
  getAppInfo(): Promise<AppInfo>;

  /** Creates a note (empty unless `input` says otherwise) and returns it at version 1. */
  createNote(input?: CreateNoteInput): Promise<Note>;

  /** Returns one note, live or trashed. Rejects with NOT_FOUND for an unknown id. */
  getNote(id: NoteId): Promise<Note>;

  /** Notes without their editor state, most recently updated first. */
  listNotes(options?: ListNotesOptions): Promise<NoteSummary[]>;

  /**
   * Saves a change to a live note if nobody saved a newer version in between. Returns the stored
   * note with its version increased by one. Rejects with VERSION_CONFLICT (details.current: the
   * stored Note) when `expectedVersion` is stale, NOT_FOUND when the note is unknown or in the trash.
   */
  updateNote(input: UpdateNoteInput): Promise<Note>;

  /** Moves a note to the trash (nothing is erased) and returns it with `deletedAt` set. */
  deleteNote(id: NoteId): Promise<Note>;

  /** Takes a note out of the trash and returns it with `deletedAt` null. */
  restoreNote(id: NoteId): Promise<Note>;
}

/** Name of one NotebookApi method. */
export type ApiMethod = keyof NotebookApi;

/** Every NotebookApi method, in one list the hosts register from. */
export const API_METHODS = [
  'getAppInfo',
  'createNote',
  'getNote',
  'listNotes',
  'updateNote',
  'deleteNote',
  'restoreNote',
] as const satisfies readonly ApiMethod[];

// Fails to compile when a method is added to NotebookApi but not to API_METHODS.
type MissingFromList = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const everyMethodListed: [MissingFromList] extends [never] ? true : MissingFromList = true;
void everyMethodListed;

/** The arguments of method `M`. */
export type ApiArgs<M extends ApiMethod> = Parameters<NotebookApi[M]>;
/** The resolved result of method `M`. */
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<NotebookApi[M]>>;

/** True when `name` is a NotebookApi method (guards IPC channels and HTTP paths). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** The prefix of every IPC channel Dossier uses; the preload passes no other channel. */
export const IPC_PREFIX = 'dossier:';

/** The IPC channel of one API method. */
export function ipcChannel(method: ApiMethod): string {
  return `${IPC_PREFIX}${method}`;
}
