/**
 * The `links` and user `mentions` rows of notes: replaced whole on every save (inside the caller's
 * transaction), and read back as backlinks. Targets that no longer exist are skipped, not refused: an
 * entity or source may have been deleted while the note still shows it.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { LinkRow, NoteMentionRow } from './links';

/** A note that points at a target, for a backlinks panel. */
export interface BacklinkRow {
  noteId: string;
  title: string;
  updatedAt: string;
  kinds: string;
  /** The quotes the note's links point at (comma-separated), or null: how a source is also cited. */
  quoteIds: string | null;
}

/** Which column of `links` a backlink query looks at. */
export type BacklinkColumn = 'to_entity_id' | 'to_source_id' | 'to_note_id' | 'to_quote_id';

/** Writes and reads the references of notes. Statements are prepared once per connection. */
export class NoteLinksRepo {
  private readonly deleteLinks;
  private readonly deleteMentions;
  private readonly insertLink;
  private readonly insertMention;
  private readonly content: Database.Statement<[string], { content: string }>;
  private readonly backlinks: Record<BacklinkColumn, Database.Statement<[{ id: string }], BacklinkRow>>;

  constructor(private readonly db: Database.Database) {
    this.deleteLinks = db.prepare<[string]>('DELETE FROM links WHERE from_note_id = ?');
    this.deleteMentions = db.prepare<[string]>("DELETE FROM mentions WHERE note_id = ? AND origin = 'user'");
    // INSERT ... SELECT ... WHERE EXISTS: a row whose target is gone inserts nothing instead of failing
    // the foreign key (which would lose the user's save).
    this.insertLink = db.prepare(
      `INSERT INTO links (id, from_note_id, to_entity_id, to_quote_id, to_source_id, to_note_id, kind, created_at)
       SELECT @id, @from, @entity, @quote, @source, @note, @kind, @now
       WHERE (@entity IS NULL OR EXISTS (SELECT 1 FROM entities WHERE id = @entity))
         AND (@quote IS NULL OR EXISTS (SELECT 1 FROM quotes WHERE id = @quote))
         AND (@source IS NULL OR EXISTS (SELECT 1 FROM sources WHERE id = @source))
         AND (@note IS NULL OR EXISTS (SELECT 1 FROM notes WHERE id = @note))`,
    );
    this.insertMention = db.prepare(
      `INSERT INTO mentions (id, entity_id, note_id, span_start, span_end, text, origin, status, created_at, updated_at)
       SELECT @id, @entity, @note, @start, @end, @text, 'user', 'confirmed', @now, @now
       WHERE EXISTS (SELECT 1 FROM entities WHERE id = @entity)`,
    );
    const backlinkQuery = (column: BacklinkColumn) =>
      db.prepare<[{ id: string }], BacklinkRow>(
        `SELECT n.id AS noteId, n.title AS title, n.updated_at AS updatedAt, group_concat(DISTINCT l.kind) AS kinds,
                group_concat(DISTINCT l.to_quote_id) AS quoteIds
         FROM links l JOIN notes n ON n.id = l.from_note_id
         WHERE ${
           // A quote block whose node lost its sourceId (an old or hand-made state) still cites the
           // source through its quote.
           column === 'to_source_id'
             ? '(l.to_source_id = @id OR l.to_quote_id IN (SELECT id FROM quotes WHERE source_id = @id))'
             : `l.${column} = @id`
         } AND n.deleted_at IS NULL
         GROUP BY n.id ORDER BY n.updated_at DESC, n.seq DESC`,
      );
    this.content = db.prepare<[string], { content: string }>('SELECT content FROM notes WHERE id = ?');
    this.backlinks = {
      to_entity_id: backlinkQuery('to_entity_id'),
      to_source_id: backlinkQuery('to_source_id'),
      to_note_id: backlinkQuery('to_note_id'),
      to_quote_id: backlinkQuery('to_quote_id'),
    };
  }

  /** Replaces the note's links and user mentions. Call inside the transaction that saves the note. */
  replace(noteId: string, links: readonly LinkRow[], mentions: readonly NoteMentionRow[], now: string): void {
    this.deleteLinks.run(noteId);
    this.deleteMentions.run(noteId);
    for (const link of links) {
      // A note linking to itself is allowed by the schema and harmless; it shows as its own backlink.
      this.insertLink.run({
        id: randomUUID(),
        from: noteId,
        entity: link.toEntityId,
        quote: link.toQuoteId,
        source: link.toSourceId,
        note: link.toNoteId,
        kind: link.kind,
        now,
      });
    }
    for (const mention of mentions) {
      if (mention.end <= mention.start) continue;
      this.insertMention.run({
        id: randomUUID(),
        entity: mention.entityId,
        note: noteId,
        start: mention.start,
        end: mention.end,
        text: mention.text,
        now,
      });
    }
  }

  /** Live notes that point at the target in `column`, most recently updated first. */
  backlinksTo(column: BacklinkColumn, id: string): BacklinkRow[] {
    return this.backlinks[column].all({ id });
  }

  /** The serialized state of a note ('' when there is no such note), for a backlink's context. */
  contentOf(noteId: string): string {
    return this.content.get(noteId)?.content ?? '';
  }

  /** Runs `fn` in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
