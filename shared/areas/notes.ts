/** The notes area of the API: writing, listing, trashing and restoring notes. */
import type { AppInfo, Note, NoteId, NoteSummary } from '../model';
import {
  arity,
  defined,
  idOf,
  invalid,
  objectOf,
  optionalBoolean,
  optionalChoice,
  optionalInteger,
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
  /** At most this many (the most recent); all when absent. The window's first paint asks for a page. */
  limit?: number;
}

/** Largest `limit` of listNotes. */
export const MAX_NOTES_LIMIT = 100_000;

/** What a backlinks query asks about: notes that point at this note, source, entity or quote. */
export interface BacklinkTarget {
  kind: 'note' | 'source' | 'entity' | 'quote';
  id: string;
}

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

/** Formats a note can be exported to. */
export type NoteExportFormat = 'markdown' | 'html';

/** Which note to export, and how. */
export interface ExportNoteInput {
  id: NoteId;
  format: NoteExportFormat;
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
  const input = objectOf(method, value, ['trashed', 'limit']);
  return defined({
    trashed: optionalBoolean(method, 'trashed', input.trashed),
    limit: optionalInteger(method, 'limit', input.limit, 1, MAX_NOTES_LIMIT),
  });
}

const BACKLINK_KINDS = ['note', 'source', 'entity', 'quote'] as const;
const EXPORT_FORMATS = ['markdown', 'html'] as const;

function backlinkTarget(method: string, value: unknown): BacklinkTarget {
  const input = objectOf(method, value, ['kind', 'id']);
  const kind = optionalChoice(method, 'kind', input.kind, BACKLINK_KINDS);
  if (kind === undefined) invalid(method, `"kind" must be one of ${BACKLINK_KINDS.join(', ')}`);
  return { kind, id: idOf<string>(method, 'the target id', input.id) };
}

function exportNoteInput(method: string, value: unknown): ExportNoteInput {
  const input = objectOf(method, value, ['id', 'format']);
  const format = optionalChoice(method, 'format', input.format, EXPORT_FORMATS);
  if (format === undefined) invalid(method, `"format" must be one of ${EXPORT_FORMATS.join(', ')}`);
  return { id: noteId(method, input.id), format };
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
  getBacklinks: (args) => {
    arity('getBacklinks', args, 1, 1);
    return [backlinkTarget('getBacklinks', args[0])];
  },
  exportNote: (args) => {
    arity('exportNote', args, 1, 1);
    return [exportNoteInput('exportNote', args[0])];
  },
};
