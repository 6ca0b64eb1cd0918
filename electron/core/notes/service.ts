/** The notes area of the core: app facts and notes (create, save with optimistic concurrency, trash). */
import type {
  CreateNoteInput,
  ListNotesOptions,
  NotesApi,
  UpdateNoteInput,
} from '../../../shared/areas/notes';
import type { AppInfo, Note, NoteId, NoteSummary } from '../../../shared/model';
import type { CoreContext } from '../context';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { NotesRepo } from '../db/notes-repo';
import { APP_VERSION } from '../version';
import { lexicalPlainText } from './plain-text';

/** Implements {@link NotesApi} on one open notebook. */
export class NotesService implements NotesApi {
  private readonly notes: NotesRepo;

  constructor(private readonly ctx: CoreContext) {
    this.notes = new NotesRepo(ctx.db);
  }

  /** @inheritdoc */
  async getAppInfo(): Promise<AppInfo> {
    const { db } = this.ctx;
    const sqlite = db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get();
    return {
      version: APP_VERSION,
      dataDir: this.ctx.dataDir,
      databasePath: this.ctx.databasePath,
      schemaVersion: schemaVersion(db),
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      sqliteVersion: sqlite?.version ?? 'unknown',
      host: this.ctx.host,
    };
  }

  /** @inheritdoc */
  async createNote(input: CreateNoteInput = {}): Promise<Note> {
    const content = input.content ?? '';
    return this.notes.create({ title: input.title ?? '', content, plainText: lexicalPlainText(content) });
  }

  /** @inheritdoc */
  async getNote(id: NoteId): Promise<Note> {
    return this.notes.get(id);
  }

  /** @inheritdoc */
  async listNotes(options: ListNotesOptions = {}): Promise<NoteSummary[]> {
    return this.notes.list(options.trashed === true);
  }

  /** @inheritdoc */
  async updateNote(input: UpdateNoteInput): Promise<Note> {
    // Derived before the write so that invalid content is refused without touching the stored note.
    const plainText = input.content === undefined ? undefined : lexicalPlainText(input.content);
    return this.notes.update({
      id: input.id,
      expectedVersion: input.expectedVersion,
      title: input.title,
      content: input.content,
      plainText,
    });
  }

  /** @inheritdoc */
  async deleteNote(id: NoteId): Promise<Note> {
    return this.notes.softDelete(id);
  }

  /** @inheritdoc */
  async restoreNote(id: NoteId): Promise<Note> {
    return this.notes.restore(id);
  }
}
