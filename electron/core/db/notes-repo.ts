/**
 * The notes table: every SQL statement about notes, and the mapping from rows to the shared model.
 * Callers pass plain text already derived from the content; this module does not interpret content.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/errors';
import type { Note, NoteId, NoteSummary } from '../../../shared/model';

/** Length of a summary's excerpt, in characters. */
export const EXCERPT_LENGTH = 160;

/** A note to insert; the repository assigns id, version and timestamps. */
export interface NewNote {
  title: string;
  content: string;
  plainText: string;
}

/** A change to a note at `expectedVersion`; absent fields stay as stored. */
export interface NoteChange {
  id: NoteId;
  expectedVersion: number;
  title?: string | undefined;
  /** Given together with `plainText` (derived from it) or not at all. */
  content?: string | undefined;
  plainText?: string | undefined;
}

interface NoteRow {
  id: string;
  title: string;
  content: string;
  plain_text: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface SummaryRow {
  id: string;
  title: string;
  text_start: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const NOTE_COLUMNS = 'id, title, content, plain_text, version, created_at, updated_at, deleted_at';
// Only the start of the text leaves SQLite: the list must not load every note's full text. More than
// the excerpt, because whitespace is collapsed afterwards.
const SUMMARY_COLUMNS = `id, title, substr(plain_text, 1, ${EXCERPT_LENGTH * 4}) AS text_start, version,
  created_at, updated_at, deleted_at`;

function toNote(row: NoteRow): Note {
  return {
    id: row.id as NoteId,
    title: row.title,
    content: row.content,
    plainText: row.plain_text,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The first {@link EXCERPT_LENGTH} characters of `text` on one line, with '…' when cut. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  // Never cut a surrogate pair in half (an emoji would turn into a replacement character).
  const end = /[\uD800-\uDBFF]/.test(flat.charAt(EXCERPT_LENGTH - 1)) ? EXCERPT_LENGTH - 1 : EXCERPT_LENGTH;
  return `${flat.slice(0, end).trimEnd()}…`;
}

function toSummary(row: SummaryRow): NoteSummary {
  return {
    id: row.id as NoteId,
    title: row.title,
    excerpt: excerptOf(row.text_start),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function notFound(id: string): ApiError {
  return new ApiError('NOT_FOUND', 'This note does not exist (it may have been deleted for good).', { id });
}

/** Reads and writes notes. Statements are prepared once per connection. */
export class NotesRepo {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listLiveStmt;
  private readonly listTrashedStmt;
  private readonly updateStmt;
  private readonly trashStmt;
  private readonly restoreStmt;

  /** `clock` gives the current time; tests pass a fake one so ordering does not depend on timing. */
  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.insertStmt = db.prepare<[NoteRow], NoteRow>(
      `INSERT INTO notes (${NOTE_COLUMNS})
       VALUES (@id, @title, @content, @plain_text, @version, @created_at, @updated_at, @deleted_at)
       RETURNING ${NOTE_COLUMNS}`,
    );
    this.getStmt = db.prepare<[string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ?`);
    // LIMIT -1 is SQLite's "no limit".
    this.listLiveStmt = db.prepare<[number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM notes WHERE deleted_at IS NULL ORDER BY updated_at DESC, seq DESC LIMIT ?`,
    );
    this.listTrashedStmt = db.prepare<[number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM notes WHERE deleted_at IS NOT NULL ORDER BY updated_at DESC, seq DESC LIMIT ?`,
    );
    // The version check and the write are one statement, so no other writer can slip in between.
    this.updateStmt = db.prepare<
      [
        {
          id: string;
          expected: number;
          title: string | null;
          content: string | null;
          plain: string | null;
          now: string;
        },
      ],
      NoteRow
    >(
      `UPDATE notes SET
         title = coalesce(@title, title),
         content = coalesce(@content, content),
         plain_text = coalesce(@plain, plain_text),
         version = version + 1,
         updated_at = @now
       WHERE id = @id AND version = @expected AND deleted_at IS NULL
       RETURNING ${NOTE_COLUMNS}`,
    );
    // Trashing and restoring are not edits: version and updated_at stay, so an editor still open on the
    // note can keep saving after a restore, and the note returns to its place in the list.
    this.trashStmt = db.prepare<[{ id: string; now: string }], NoteRow>(
      `UPDATE notes SET deleted_at = @now WHERE id = @id AND deleted_at IS NULL RETURNING ${NOTE_COLUMNS}`,
    );
    this.restoreStmt = db.prepare<[string], NoteRow>(
      `UPDATE notes SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL RETURNING ${NOTE_COLUMNS}`,
    );
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** Inserts a note at version 1 and returns it. */
  create(input: NewNote): Note {
    const now = this.now();
    const row = this.insertStmt.get({
      id: randomUUID(),
      title: input.title,
      content: input.content,
      plain_text: input.plainText,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    if (row === undefined) throw new ApiError('INTERNAL', 'The new note was not stored.');
    return toNote(row);
  }

  /** The note with `id`, live or trashed, or undefined. */
  find(id: NoteId): Note | undefined {
    const row = this.getStmt.get(id);
    return row === undefined ? undefined : toNote(row);
  }

  /** The note with `id`, live or trashed. Throws NOT_FOUND. */
  get(id: NoteId): Note {
    const note = this.find(id);
    if (note === undefined) throw notFound(id);
    return note;
  }

  /** Live notes (or, with `trashed`, notes in the trash), most recently updated first. */
  list(trashed = false, limit?: number): NoteSummary[] {
    return (trashed ? this.listTrashedStmt : this.listLiveStmt).all(limit ?? -1).map(toSummary);
  }

  /**
   * Applies `change` if the note is live and still at `expectedVersion`, increasing its version by one.
   * Throws NOT_FOUND for an unknown or trashed note, VERSION_CONFLICT (details.current: the stored
   * note) when someone saved a newer version in between.
   */
  update(change: NoteChange): Note {
    return this.db.transaction((): Note => {
      const row = this.updateStmt.get({
        id: change.id,
        expected: change.expectedVersion,
        title: change.title ?? null,
        content: change.content ?? null,
        plain: change.plainText ?? null,
        now: this.now(),
      });
      if (row !== undefined) return toNote(row);

      const current = this.find(change.id);
      if (current === undefined) throw notFound(change.id);
      if (current.deletedAt !== null) {
        throw new ApiError('NOT_FOUND', 'This note is in the trash. Restore it to edit it again.', {
          id: change.id,
          trashed: true,
        });
      }
      throw new ApiError(
        'VERSION_CONFLICT',
        `This note was changed elsewhere since you opened it (your edit was based on version ` +
          `${change.expectedVersion}, the stored note is at version ${current.version}). Your edit was not ` +
          'saved; the newer note is attached so nothing is lost.',
        { current },
      );
    })();
  }

  /** Moves a live note to the trash. Throws NOT_FOUND for an unknown or already trashed note. */
  softDelete(id: NoteId): Note {
    const row = this.trashStmt.get({ id, now: this.now() });
    if (row !== undefined) return toNote(row);
    if (this.find(id) === undefined) throw notFound(id);
    throw new ApiError('NOT_FOUND', 'This note is already in the trash.', { id, trashed: true });
  }

  /** Takes a note out of the trash. Throws NOT_FOUND for an unknown note or one not in the trash. */
  restore(id: NoteId): Note {
    const row = this.restoreStmt.get(id);
    if (row !== undefined) return toNote(row);
    if (this.find(id) === undefined) throw notFound(id);
    throw new ApiError('NOT_FOUND', 'This note is not in the trash.', { id, trashed: false });
  }
}
