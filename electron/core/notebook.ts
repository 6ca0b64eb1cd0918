/**
 * The composition root of the core: opens the notebook database and implements {@link NotebookApi} on
 * top of the repositories. Every host (Electron, browser host, CLI) talks to one of these, usually
 * inside the core worker thread.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { CreateNoteInput, ListNotesOptions, NotebookApi, UpdateNoteInput } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import type { AppInfo, HostKind, Note, NoteId, NoteSummary } from '../../shared/model';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './db/migrate';
import { NotesRepo } from './db/notes-repo';
import { openDatabase } from './db/open';
import { lexicalPlainText } from './notes/plain-text';
import { DATABASE_FILE } from './paths';
import { APP_VERSION } from './version';

/** Where the notebook is and who serves it. */
export interface NotebookOptions {
  /** Absolute path of the data folder; the database is {@link DATABASE_FILE} inside it. */
  dataDir: string;
  host: HostKind;
}

interface OpenState {
  db: Database.Database;
  notes: NotesRepo;
}

/**
 * One open notebook. Methods are async to match the API, but run synchronously on this thread: the
 * SQLite driver is synchronous, which is why hosts run the Notebook in a worker thread.
 */
export class Notebook implements NotebookApi {
  private state: OpenState | undefined;

  private constructor(
    private readonly options: NotebookOptions,
    private readonly databasePath: string,
    db: Database.Database,
  ) {
    this.state = { db, notes: new NotesRepo(db) };
  }

  /**
   * Opens (creating and migrating if needed) the notebook in `options.dataDir`. Throws DB_TOO_NEW,
   * DB_CORRUPT or DB_READONLY when the database cannot be used; the file is then left unchanged.
   */
  static open(options: NotebookOptions): Notebook {
    const databasePath = path.join(options.dataDir, DATABASE_FILE);
    return new Notebook(options, databasePath, openDatabase(databasePath));
  }

  /** Closes the database. Later calls reject with UNAVAILABLE. Closing twice is harmless. */
  close(): void {
    const state = this.state;
    this.state = undefined;
    state?.db.close();
  }

  private open(): OpenState {
    if (this.state === undefined)
      throw new ApiError('UNAVAILABLE', 'The notebook is closed. Reopen Dossier.');
    return this.state;
  }

  /** @inheritdoc */
  async getAppInfo(): Promise<AppInfo> {
    const { db } = this.open();
    const sqlite = db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get();
    return {
      version: APP_VERSION,
      dataDir: this.options.dataDir,
      databasePath: this.databasePath,
      schemaVersion: schemaVersion(db),
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      sqliteVersion: sqlite?.version ?? 'unknown',
      host: this.options.host,
    };
  }

  /** @inheritdoc */
  async createNote(input: CreateNoteInput = {}): Promise<Note> {
    const content = input.content ?? '';
    return this.open().notes.create({
      title: input.title ?? '',
      content,
      plainText: lexicalPlainText(content),
    });
  }

  /** @inheritdoc */
  async getNote(id: NoteId): Promise<Note> {
    return this.open().notes.get(id);
  }

  /** @inheritdoc */
  async listNotes(options: ListNotesOptions = {}): Promise<NoteSummary[]> {
    return this.open().notes.list(options.trashed === true);
  }

  /** @inheritdoc */
  async updateNote(input: UpdateNoteInput): Promise<Note> {
    const { notes } = this.open();
    // Derived before the write so that invalid content is refused without touching the stored note.
    const plainText = input.content === undefined ? undefined : lexicalPlainText(input.content);
    return notes.update({
      id: input.id,
      expectedVersion: input.expectedVersion,
      title: input.title,
      content: input.content,
      plainText,
    });
  }

  /** @inheritdoc */
  async deleteNote(id: NoteId): Promise<Note> {
    return this.open().notes.softDelete(id);
  }

  /** @inheritdoc */
  async restoreNote(id: NoteId): Promise<Note> {
    return this.open().notes.restore(id);
  }
}
