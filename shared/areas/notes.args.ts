/**
 * The argument schemas of the notes area (`shared/areas/notes.ts`): the one description of
 * its methods' arguments. `shared/validate.ts` checks every call against them, and the argument types
 * are inferred from them. They live apart from the area's contract so that the UI, which imports the
 * area's constants but never validates, does not bundle them.
 */
import * as v from 'valibot';
import type { NoteId } from '../model';
import { args, flag, id, input, oneOf, text, validatorsOf, wholeNumber, type ArgsSchemas } from '../schema';
import { MAX_CONTENT_LENGTH, MAX_NOTES_LIMIT, MAX_TITLE_LENGTH, type NotesApi } from './notes';

const noteId = id<NoteId>('the note id');
const POSITIVE = '{field} must be a positive integer';

/** Fields a new note may start with. */
export const CreateNoteInput = input({
  title: v.optional(text(MAX_TITLE_LENGTH)),
  /** Serialized Lexical editor state. */
  content: v.optional(text(MAX_CONTENT_LENGTH)),
});
export type CreateNoteInput = v.InferOutput<typeof CreateNoteInput>;

/** A change to a note, applied only if the note is still at `expectedVersion`. */
export const UpdateNoteInput = input({
  id: noteId,
  /** The version the caller last read; a different stored version fails with VERSION_CONFLICT. */
  expectedVersion: v.pipe(v.number(POSITIVE), v.safeInteger(POSITIVE), v.minValue(1, POSITIVE)),
  title: v.optional(text(MAX_TITLE_LENGTH)),
  /** Serialized Lexical editor state; the core derives the plain text (and the note's links) from it. */
  content: v.optional(text(MAX_CONTENT_LENGTH)),
});
export type UpdateNoteInput = v.InferOutput<typeof UpdateNoteInput>;

/** Which notes to list. */
export const ListNotesOptions = input({
  /** true: only notes in the trash; false or absent: only live notes. */
  trashed: v.optional(flag()),
  /** At most this many (the most recent); all when absent. The window's first paint asks for a page. */
  limit: v.optional(wholeNumber(1, MAX_NOTES_LIMIT)),
});
export type ListNotesOptions = v.InferOutput<typeof ListNotesOptions>;

/** What a backlinks query asks about: notes that point at this note, source, entity or quote. */
export const BacklinkTarget = input({
  kind: oneOf(['note', 'source', 'entity', 'quote']),
  id: id('the target id'),
});
export type BacklinkTarget = v.InferOutput<typeof BacklinkTarget>;

/** Which note to export, and how: as Markdown or as an HTML document. */
export const ExportNoteInput = input({ id: noteId, format: oneOf(['markdown', 'html']) });
export type ExportNoteInput = v.InferOutput<typeof ExportNoteInput>;

/** Formats a note can be exported to. */
export type NoteExportFormat = ExportNoteInput['format'];

/** The arguments of the notes area's methods. */
export const NOTES_ARGS = {
  getAppInfo: args(),
  createNote: args([], [CreateNoteInput]),
  getNote: args([noteId]),
  listNotes: args([], [ListNotesOptions]),
  updateNote: args([UpdateNoteInput]),
  deleteNote: args([noteId]),
  restoreNote: args([noteId]),
  getBacklinks: args([BacklinkTarget]),
  exportNote: args([ExportNoteInput]),
} satisfies ArgsSchemas<NotesApi>;

/** Argument validators of the notes area, from {@link NOTES_ARGS}. */
export const NOTES_VALIDATORS = validatorsOf<NotesApi>(NOTES_ARGS);
