/** The notes area of the API: writing, listing, trashing and restoring notes. */

import type { AppInfo, Note, NoteId, NoteSummary } from '../model';
import type {
  CreateNoteInput,
  UpdateNoteInput,
  ListNotesOptions,
  BacklinkTarget,
  ExportNoteInput,
  NoteExportFormat,
} from './notes.args';

// The argument types are inferred from the schemas (see the .args file); the UI imports them from here.
export type {
  CreateNoteInput,
  UpdateNoteInput,
  ListNotesOptions,
  BacklinkTarget,
  ExportNoteInput,
  NoteExportFormat,
};

/** The longest title accepted, in characters. */
export const MAX_TITLE_LENGTH = 1_000;
/** The largest serialized editor state accepted, in characters (about 50 MB of JSON). */
export const MAX_CONTENT_LENGTH = 50_000_000;

/** Largest `limit` of listNotes. */
export const MAX_NOTES_LIMIT = 100_000;

/** A live note that points at a target. */
export interface Backlink {
  noteId: NoteId;
  title: string;
  updatedAt: string;
  /** How it points: 'mention', 'quote', 'citation', 'paraphrase', 'speaker', 'note'. */
  kinds: string[];
  /**
   * A short excerpt of where the note points at the target (or the quoted words); '' when none, and
   * past the 100 most recently updated backlinks.
   */
  context: string;
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

  /**
   * Live notes that link to, mention, quote or cite `target`, most recently updated first. An
   * unknown id has no backlinks (an empty list, not an error).
   */
  getBacklinks(target: BacklinkTarget): Promise<Backlink[]>;

  /**
   * The note as a Markdown (quotes as footnotes with speaker, source, URL and date; mentions as
   * names; note links as [[Title]]) or a standalone HTML document. Rejects with NOT_FOUND.
   */
  exportNote(input: ExportNoteInput): Promise<string>;
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
  'getBacklinks',
  'exportNote',
] as const satisfies readonly (keyof NotesApi)[];
