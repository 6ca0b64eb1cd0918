/** The notes area of the API: writing, listing, trashing and restoring notes. */
import type { AppInfo, Note, NoteId, NoteSummary } from '../model';
import {
  arity,
  defined,
  idOf,
  invalid,
  objectOf,
  optionalBoolean,
  optionalString,
  type Validators,
} from '../validation';

/** The longest title accepted, in characters. */
export const MAX_TITLE_LENGTH = 1_000;
/** The largest serialized editor state accepted, in characters (about 50 MB of JSON). */
export const MAX_CONTENT_LENGTH = 50_000_000;

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
  /** Serialized Lexical editor state; the core derives the plain text (and the note's links) from it. */
  content?: string;
}

/** Which notes to list. */
export interface ListNotesOptions {
  /** true: only notes in the trash; false or absent: only live notes. */
  trashed?: boolean;
}

/** App facts and notes. */
export interface NotesApi {
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

/** The notes area's methods, in the order hosts register them. */
export const NOTES_METHODS = [
  'getAppInfo',
  'createNote',
  'getNote',
  'listNotes',
  'updateNote',
  'deleteNote',
  'restoreNote',
] as const satisfies readonly (keyof NotesApi)[];

const noteId = (method: string, value: unknown): NoteId => idOf<NoteId>(method, 'the note id', value);

function createNoteInput(method: string, value: unknown): CreateNoteInput | undefined {
  if (value === undefined) return undefined;
  const input = objectOf(method, value, ['title', 'content']);
  return defined({
    title: optionalString(method, 'title', input.title, MAX_TITLE_LENGTH),
    content: optionalString(method, 'content', input.content, MAX_CONTENT_LENGTH),
  });
}

function updateNoteInput(method: string, value: unknown): UpdateNoteInput {
  const input = objectOf(method, value, ['id', 'expectedVersion', 'title', 'content']);
  const { expectedVersion } = input;
  if (typeof expectedVersion !== 'number' || !Number.isSafeInteger(expectedVersion) || expectedVersion < 1) {
    invalid(method, '"expectedVersion" must be a positive integer');
  }
  return defined({
    id: noteId(method, input.id),
    expectedVersion,
    title: optionalString(method, 'title', input.title, MAX_TITLE_LENGTH),
    content: optionalString(method, 'content', input.content, MAX_CONTENT_LENGTH),
  });
}

function listNotesOptions(method: string, value: unknown): ListNotesOptions | undefined {
  if (value === undefined) return undefined;
  const input = objectOf(method, value, ['trashed']);
  return defined({ trashed: optionalBoolean(method, 'trashed', input.trashed) });
}

/** Argument validators of the notes area. */
export const NOTES_VALIDATORS: Validators<NotesApi> = {
  getAppInfo: (args) => {
    arity('getAppInfo', args, 0, 0);
    return [];
  },
  createNote: (args) => {
    arity('createNote', args, 0, 1);
    const input = createNoteInput('createNote', args[0]);
    return input === undefined ? [] : [input];
  },
  getNote: (args) => {
    arity('getNote', args, 1, 1);
    return [noteId('getNote', args[0])];
  },
  listNotes: (args) => {
    arity('listNotes', args, 0, 1);
    const options = listNotesOptions('listNotes', args[0]);
    return options === undefined ? [] : [options];
  },
  updateNote: (args) => {
    arity('updateNote', args, 1, 1);
    return [updateNoteInput('updateNote', args[0])];
  },
  deleteNote: (args) => {
    arity('deleteNote', args, 1, 1);
    return [noteId('deleteNote', args[0])];
  },
  restoreNote: (args) => {
    arity('restoreNote', args, 1, 1);
    return [noteId('restoreNote', args[0])];
  },
};
