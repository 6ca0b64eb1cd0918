/** The notes area of the core: app facts and notes (create, save with optimistic concurrency, trash). */
import type {
  Backlink,
  BacklinkTarget,
  CreateNoteInput,
  ExportNoteInput,
  ListNotesOptions,
  NotesApi,
  UpdateNoteInput,
} from '../../../shared/areas/notes';
import type { AppInfo, Note, NoteId, NoteSummary } from '../../../shared/model';
import type { CoreContext } from '../context';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { NotesRepo } from '../db/notes-repo';
import { APP_VERSION } from '../version';
import { backlinkContext } from './backlink-context';
import { citedSources } from './cited-sources';
import { noteToHtml, noteToMarkdown } from './export';
import { linkRowsOf, noteReferences } from './links';
import { type BacklinkColumn, NoteLinksRepo } from './links-repo';
import { lexicalPlainText } from './plain-text';
import { loadMarkdownTools } from './markdown-tools';

const BACKLINK_COLUMNS: Record<BacklinkTarget['kind'], BacklinkColumn> = {
  note: 'to_note_id',
  source: 'to_source_id',
  entity: 'to_entity_id',
  quote: 'to_quote_id',
};

/** How many backlinks (the most recently updated) get a context excerpt. */
export const MAX_BACKLINK_CONTEXTS = 100;

/** Implements {@link NotesApi} on one open notebook. */
export class NotesService implements NotesApi {
  private readonly notes: NotesRepo;
  private readonly links: NoteLinksRepo;

  constructor(private readonly ctx: CoreContext) {
    this.notes = new NotesRepo(ctx.db);
    this.links = new NoteLinksRepo(ctx.db);
  }

  /** Replaces the note's links and mentions from its content; runs inside the save's transaction. */
  private writeLinks(note: Note): void {
    const { links, mentions } = linkRowsOf(noteReferences(note.content), note.plainText);
    this.links.replace(note.id, links, mentions, note.updatedAt);
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
    const plainText = lexicalPlainText(content);
    return this.links.transaction(() => {
      const note = this.notes.create({ title: input.title ?? '', content, plainText });
      this.writeLinks(note);
      return note;
    });
  }

  /** @inheritdoc */
  async getNote(id: NoteId): Promise<Note> {
    return this.notes.get(id);
  }

  /** @inheritdoc */
  async listNotes(options: ListNotesOptions = {}): Promise<NoteSummary[]> {
    return this.notes.list(options.trashed === true, options.limit);
  }

  /** @inheritdoc */
  async updateNote(input: UpdateNoteInput): Promise<Note> {
    // Derived before the write so that invalid content is refused without touching the stored note.
    const plainText = input.content === undefined ? undefined : lexicalPlainText(input.content);
    // The links are replaced in the same transaction: a note never points at what it no longer shows.
    return this.links.transaction(() => {
      const note = this.notes.update({
        id: input.id,
        expectedVersion: input.expectedVersion,
        title: input.title,
        content: input.content,
        plainText,
      });
      if (input.content !== undefined) this.writeLinks(note);
      return note;
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

  /** @inheritdoc */
  async getBacklinks(target: BacklinkTarget): Promise<Backlink[]> {
    return this.links.backlinksTo(BACKLINK_COLUMNS[target.kind], target.id).map((row, index) => ({
      noteId: row.noteId as NoteId,
      title: row.title,
      updatedAt: row.updatedAt,
      kinds: row.kinds.split(','),
      // Each excerpt parses a whole note; past the first ones a panel shows titles, so the cost of a
      // much-linked target stays bounded.
      context:
        index < MAX_BACKLINK_CONTEXTS
          ? backlinkContext(this.links.contentOf(row.noteId), target, row.quoteIds?.split(',') ?? [])
          : '',
    }));
  }

  /** @inheritdoc */
  async exportNote(input: ExportNoteInput): Promise<string> {
    // The Markdown and HTML writers load on the first export (see markdown-tools.ts).
    await loadMarkdownTools();
    const note = this.notes.get(input.id);
    const source = citedSources(this.ctx.db);
    if (input.format === 'html') return noteToHtml(note.title, note.content, { source });
    return noteToMarkdown(note.content, { source, title: note.title });
  }
}
