/**
 * Writing searchable records for tests and the search benchmark: plain INSERTs into the schema's
 * tables, so the FTS triggers index them exactly as they index what clipping and extraction store,
 * without depending on those areas' services while they change.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EntityKind } from '../../../shared/model';
import { fold } from './tokens';

/** A source to insert; text fields default to ''. */
export interface SeedSource {
  title: string;
  plainText: string;
  siteName?: string | null;
  url?: string | null;
  byline?: string | null;
  publishedAt?: string | null;
  deleted?: boolean;
}

/** Prepared INSERTs on one database. Wrap many calls in `db.transaction` for speed. */
export class SearchSeeder {
  private readonly now = new Date().toISOString();
  private readonly insertSource;
  private readonly insertEntity;
  private readonly insertAlias;
  private readonly insertQuote;
  private readonly insertLink;

  constructor(private readonly db: Database.Database) {
    this.insertSource = db.prepare(
      `INSERT INTO sources (id, url, title, byline, site_name, published_at, clipped_at, plain_text,
         word_count, created_at, updated_at, deleted_at)
       VALUES (@id, @url, @title, @byline, @site, @published, @now, @text, @words, @now, @now, @deleted)`,
    );
    this.insertEntity = db.prepare(
      `INSERT INTO entities (id, kind, name, description, event_date_start, created_at, updated_at)
       VALUES (@id, @kind, @name, @description, @date, @now, @now)`,
    );
    this.insertAlias = db.prepare(
      `INSERT OR IGNORE INTO entity_aliases (id, entity_id, alias, normalized, origin, created_at)
       VALUES (@id, @entity, @alias, @normalized, 'auto', @now)`,
    );
    this.insertQuote = db.prepare(
      `INSERT INTO quotes (id, source_id, span_start, span_end, text, speaker_entity_id, cue, status, origin,
         created_at, updated_at)
       VALUES (@id, @source, @start, @end, @text, @speaker, 'said', @status, 'auto', @now, @now)`,
    );
    this.insertLink = db.prepare(
      `INSERT INTO links (id, from_note_id, to_entity_id, to_quote_id, created_at)
       VALUES (@id, @note, @entity, @quote, @now)`,
    );
  }

  /** Inserts a source; returns its id. */
  source(source: SeedSource): string {
    const id = randomUUID();
    this.insertSource.run({
      id,
      url: source.url ?? null,
      title: source.title,
      byline: source.byline ?? null,
      site: source.siteName ?? null,
      published: source.publishedAt ?? null,
      text: source.plainText,
      words: source.plainText.split(/\s+/).filter(Boolean).length,
      now: this.now,
      deleted: source.deleted === true ? this.now : null,
    });
    return id;
  }

  /** Inserts an entity with its name and `aliases` as aliases; returns its id. */
  entity(kind: EntityKind, name: string, aliases: string[] = [], date: string | null = null): string {
    const id = randomUUID();
    this.insertEntity.run({ id, kind, name, description: '', date, now: this.now });
    for (const alias of [name, ...aliases]) {
      this.insertAlias.run({ id: randomUUID(), entity: id, alias, normalized: fold(alias), now: this.now });
    }
    return id;
  }

  /** Inserts the quote found at `text` in the source's plain text; returns its id. */
  quote(
    sourceId: string,
    plainText: string,
    text: string,
    speakerId: string | null,
    status: 'suggested' | 'confirmed' | 'rejected' = 'suggested',
  ): string {
    const start = plainText.indexOf(text);
    if (start < 0) throw new Error(`The quote is not in the source: ${text.slice(0, 40)}`);
    const id = randomUUID();
    this.insertQuote.run({
      id,
      source: sourceId,
      start,
      end: start + text.length,
      text,
      speaker: speakerId,
      status,
      now: this.now,
    });
    return id;
  }

  /** A link from a note to an entity or a quote. */
  link(noteId: string, to: { entity?: string; quote?: string }): void {
    this.insertLink.run({
      id: randomUUID(),
      note: noteId,
      entity: to.entity ?? null,
      quote: to.quote ?? null,
      now: this.now,
    });
  }
}
