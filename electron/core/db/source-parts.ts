/**
 * A long article stored in parts (schema 12, issue 19): its two HTML forms and its plain text cut into
 * parts of at most {@link PART_CHARS} characters, written a few at a time, each slice in a transaction
 * of its own with a pause between slices, so the notebook answers other calls while a 45 MB page is
 * stored. The source names the parts (`source_contents`, written with its row in the clip's one
 * transaction, last); until then no query sees them. Everything that reads an article's text or HTML reads
 * it through {@link SourcePartsRepo.read} when the row names parts.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Longest part, in UTF-16 units (JavaScript string length). */
export const PART_CHARS = 256 * 1024;

/**
 * Articles whose HTML and text together are longer than this (UTF-16 units) are stored in parts.
 * Below it one row costs a few milliseconds to write; at 45 MB it cost seconds.
 */
export const PARTS_ABOVE_CHARS = 2 * 1024 * 1024;

/** Parts written per transaction: a slice of about 0.5 MB, a few tens of milliseconds. */
const PARTS_PER_SLICE = 2;

/**
 * SQL for the id the article of source row `alias` is stored in parts under, or NULL when it is in the
 * row (a lookup in `source_contents` by the source's id: the row's own columns are not read).
 */
export function contentIdSql(alias: string): string {
  return `(SELECT sc.content_id FROM source_contents sc WHERE sc.source_id = ${alias}.id)`;
}

/** Parts no source names are deleted at start-up once they are this old (an interrupted clip's). */
export const ORPHAN_PARTS_AGE_MS = 60 * 60 * 1000;

/** The article's fields that may be stored in parts. */
export type PartField = 'original_html' | 'clean_html' | 'plain_text';

/**
 * A field of an article: whole, or already cut into parts of at most {@link PART_CHARS} (by
 * {@link splitParts} for the text, {@link splitHtml} for HTML), as a long article crosses from the
 * thread that read it.
 */
export type PartValue = string | readonly string[];

/** The article of one source, as stored in parts. */
export interface PartedContent {
  originalHtml: PartValue;
  cleanHtml: PartValue;
  plainText: PartValue;
}

/** The length of a field, whole or in parts. */
export function lengthOf(value: PartValue): number {
  return typeof value === 'string' ? value.length : value.reduce((sum, part) => sum + part.length, 0);
}

/** Whether an article of these fields is stored in parts. */
export function storedInParts(content: PartedContent): boolean {
  return (
    lengthOf(content.originalHtml) + lengthOf(content.cleanHtml) + lengthOf(content.plainText) >
    PARTS_ABOVE_CHARS
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * `text` cut into parts of at most `size` units that join back to exactly `text`. No cut falls inside a
 * surrogate pair; for `words` (the plain text, which is indexed part by part), a cut falls after the last
 * white space in the part's final eighth when there is one, so a word is not indexed as two halves.
 */
export function splitParts(text: string, size = PART_CHARS, words = false): string[] {
  if (size < 2) throw new Error('A part must hold at least two units.');
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      if (words) {
        const floor = end - Math.floor(size / 8);
        for (let i = end - 1; i > floor; i--) {
          const c = text.charCodeAt(i);
          if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
            end = i + 1;
            break;
          }
        }
      }
      if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    }
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/**
 * HTML cut like {@link splitParts}, each cut before the last `<` of the part, so no tag runs across two
 * parts (images are rewritten part by part); only a single tag longer than a part is cut inside.
 */
export function splitHtml(html: string, size = PART_CHARS): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < html.length) {
    let end = Math.min(html.length, start + size);
    if (end < html.length) {
      const lt = html.lastIndexOf('<', end - 1);
      if (lt > start) end = lt;
      else if (isHighSurrogate(html.charCodeAt(end - 1))) end -= 1;
    }
    parts.push(html.slice(start, end));
    start = end;
  }
  return parts;
}

/** Lets the event loop run (other API calls, messages) between two slices. */
export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Reads and writes the parts of long articles. */
export class SourcePartsRepo {
  private readonly insertHtml;
  private readonly insertText;
  private readonly htmlOf;
  private readonly textOf;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.insertHtml = db.prepare<[string, string, number, string, string]>(
      'INSERT INTO source_parts (content_id, field, part, text, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertText = db.prepare<[string, number, string, string]>(
      'INSERT INTO source_text_parts (content_id, part, text, created_at) VALUES (?, ?, ?, ?)',
    );
    this.htmlOf = db.prepare<[string, string], { text: string }>(
      'SELECT text FROM source_parts WHERE content_id = ? AND field = ? ORDER BY part',
    );
    this.textOf = db.prepare<[string], { text: string }>(
      'SELECT text FROM source_text_parts WHERE content_id = ? ORDER BY part',
    );
  }

  /**
   * Writes `content` in parts under a new id and returns it. Each slice is a transaction of its own and
   * `between` is awaited after each (by default a turn of the event loop), so other calls are answered
   * meanwhile. On failure the parts written so far are deleted before the error is rethrown.
   */
  async write(content: PartedContent, between: () => Promise<void> = pause): Promise<string> {
    const id = randomUUID();
    const now = this.clock().toISOString();
    const rows: { field: PartField; part: number; text: string }[] = [];
    for (const field of ['plain_text', 'clean_html', 'original_html'] as const) {
      const value =
        field === 'plain_text'
          ? content.plainText
          : field === 'clean_html'
            ? content.cleanHtml
            : content.originalHtml;
      const parts =
        typeof value !== 'string'
          ? value
          : field === 'plain_text'
            ? splitParts(value, PART_CHARS, true)
            : splitHtml(value);
      parts.forEach((text, part) => {
        if (text.length > PART_CHARS)
          throw new Error(`A part of ${field} is longer than ${PART_CHARS} units.`);
        rows.push({ field, part, text });
      });
    }
    const slice = this.db.transaction((from: number) => {
      for (const row of rows.slice(from, from + PARTS_PER_SLICE)) {
        if (row.field === 'plain_text') this.insertText.run(id, row.part, row.text, now);
        else this.insertHtml.run(id, row.field, row.part, row.text, now);
      }
    });
    try {
      for (let from = 0; from < rows.length; from += PARTS_PER_SLICE) {
        withSmallCache(this.db, () => slice.immediate(from));
        await between();
      }
    } catch (error) {
      await this.removeQuietly(id, between);
      throw error;
    }
    return id;
  }

  /** The whole of one field of the content stored under `id` ('' when there is none). */
  read(id: string, field: PartField): string {
    const rows = field === 'plain_text' ? this.textOf.all(id) : this.htmlOf.all(id, field);
    return rows.map((row) => row.text).join('');
  }

  /** At least the first `units` UTF-16 units of the plain text under `id` (all of it when shorter). */
  readTextHead(id: string, units: number): string {
    let text = '';
    for (const row of this.textOf.iterate(id)) {
      text += row.text;
      if (text.length >= units) break;
    }
    return text;
  }

  /** Deletes the parts stored under `id`, a slice at a time (parts no source names, e.g. a duplicate's). */
  async remove(id: string, between: () => Promise<void> = pause): Promise<void> {
    const html = this.db.prepare<[string, number]>(
      'DELETE FROM source_parts WHERE seq IN (SELECT seq FROM source_parts WHERE content_id = ? LIMIT ?)',
    );
    const text = this.db.prepare<[string, number]>(
      'DELETE FROM source_text_parts WHERE seq IN (SELECT seq FROM source_text_parts WHERE content_id = ? LIMIT ?)',
    );
    for (;;) {
      const deleted = this.db.transaction(
        () => html.run(id, PARTS_PER_SLICE).changes + text.run(id, PARTS_PER_SLICE).changes,
      )();
      if (deleted === 0) return;
      await between();
    }
  }

  /**
   * {@link remove}, for cleaning up after a failure: a failure of its own (the notebook was closed
   * meanwhile) is logged, never thrown over the error being reported; start-up removes what is left.
   */
  async removeQuietly(id: string, between: () => Promise<void> = pause): Promise<void> {
    try {
      await this.remove(id, between);
    } catch (error) {
      console.error(
        `Dossier: the parts ${id} of a clip that was not stored are left for start-up to remove:`,
        error,
      );
    }
  }

  /**
   * Deletes parts that no source names and that were written more than {@link ORPHAN_PARTS_AGE_MS}
   * ago: what an interrupted clip left. Returns how many parts went.
   */
  deleteOrphans(now = this.clock()): number {
    const before = new Date(now.getTime() - ORPHAN_PARTS_AGE_MS).toISOString();
    const orphan = (table: string): string => `DELETE FROM ${table} WHERE created_at < @before
      AND content_id NOT IN (SELECT content_id FROM source_contents)`;
    return this.db.transaction(
      () =>
        this.db.prepare(orphan('source_parts')).run({ before }).changes +
        this.db.prepare(orphan('source_text_parts')).run({ before }).changes,
    )();
  }
}

/**
 * SQL for the whole of one field of source row `alias`, from its parts when it has them: for reads
 * that list many sources at once (exports, checks).
 */
export function fieldSql(alias: string, field: PartField): string {
  const whole =
    field === 'plain_text'
      ? `SELECT group_concat(tp.text, '' ORDER BY tp.part) FROM source_text_parts tp
         WHERE tp.content_id = ${contentIdSql(alias)}`
      : `SELECT group_concat(hp.text, '' ORDER BY hp.part) FROM source_parts hp
         WHERE hp.content_id = ${contentIdSql(alias)} AND hp.field = '${field}'`;
  return `CASE WHEN ${contentIdSql(alias)} IS NULL THEN ${alias}.${field} ELSE coalesce((${whole}), '') END`;
}

/** {@link fieldSql} of the plain text. */
export function plainTextSql(alias: string): string {
  return fieldSql(alias, 'plain_text');
}

/** Page cache (KiB) while a long article's parts or findings are written. */
const WRITING_CACHE_KIB = 4 * 1024;

/**
 * Runs `write` with the connection's page cache held small: the pages of a long article's parts (or
 * its thousands of findings) are written once and not read again soon, and would otherwise fill the
 * whole cache (64 MB) and keep it filled. Other calls between two such writes have the whole cache.
 */
export function withSmallCache<T>(db: Database.Database, write: () => T): T {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${WRITING_CACHE_KIB}`);
  try {
    return write();
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}
