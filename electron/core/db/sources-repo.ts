/**
 * The sources table: every SQL statement about clipped articles and the mapping from rows to the
 * shared model. Lists never load an article's text or HTML; only getters for one source do.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  ListSourcesOptions,
  SiteCount,
  SourceList,
  SourceOriginal,
  SourceSort,
  SourceSummary,
} from '../../../shared/areas/library';
import { ApiError } from '../../../shared/errors';
import type { SourceId } from '../../../shared/model';
import type { PublishedOrigin } from '../../../shared/areas/library';
import { SourcePartsRepo, contentIdSql } from './source-parts';

/** An article to store; the repository assigns id and timestamps. */
export interface NewSource {
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  /** How `publishedAt` is known (default: 'page', from the page's metadata). */
  publishedOrigin?: PublishedOrigin | null;
  lang: string | null;
  originalHtml: string;
  /** Sanitized HTML whose images are `dossier-image:<id>` references. */
  cleanHtml: string;
  plainText: string;
  contentHash: string;
  wordCount: number;
  excerpt: string;
  /** See Source.sentFrom (default null). */
  sentFrom?: string | null;
  /** See Source.urlClaimed (default false). */
  urlClaimed?: boolean;
  /**
   * The id the article's parts are stored under ({@link SourcePartsRepo.write}) when it is long; the
   * row then holds none of `originalHtml`, `cleanHtml` and `plainText` (default: in the row), and
   * `source_contents` names the parts. Call inside the transaction that writes the row.
   */
  contentParts?: string | null;
}

/** A stored source with its article (images still as `dossier-image:` references). */
export interface StoredSource extends SourceSummary {
  lang: string | null;
  plainText: string;
  cleanHtml: string;
  contentHash: string;
  sentFrom: string | null;
  urlClaimed: boolean;
}

interface SummaryRow {
  id: string;
  title: string;
  byline: string | null;
  site_name: string | null;
  url: string | null;
  canonical_url: string | null;
  published_at: string | null;
  published_origin: PublishedOrigin | null;
  clipped_at: string;
  updated_at: string;
  word_count: number;
  excerpt: string;
  deleted_at: string | null;
}

interface SourceRow extends SummaryRow {
  language: string | null;
  plain_text: string;
  clean_html: string;
  content_hash: string | null;
  sent_from: string | null;
  url_claimed: number;
  content_parts: string | null;
}

const SUMMARY_COLUMNS =
  'id, title, byline, site_name, url, canonical_url, published_at, published_origin, clipped_at, updated_at, word_count, excerpt, deleted_at';
const SOURCE_COLUMNS = `${SUMMARY_COLUMNS}, language, plain_text, clean_html, content_hash, sent_from, url_claimed,
  ${contentIdSql('sources')} AS content_parts`;

/** ORDER BY per sort key; undated and siteless sources go last in either direction. */
const ORDER: Record<SourceSort, { column: string; nullsLast: boolean; defaultDescending: boolean }> = {
  clipped: { column: 'clipped_at', nullsLast: false, defaultDescending: true },
  published: { column: 'published_at', nullsLast: true, defaultDescending: true },
  title: { column: 'title COLLATE NOCASE', nullsLast: false, defaultDescending: false },
  site: { column: 'site_name COLLATE NOCASE', nullsLast: true, defaultDescending: false },
  words: { column: 'word_count', nullsLast: false, defaultDescending: true },
};

/** Default page size of {@link SourcesRepo.list}. */
export const DEFAULT_LIST_LIMIT = 100;

function toSummary(row: SummaryRow): SourceSummary {
  return {
    id: row.id as SourceId,
    title: row.title,
    byline: row.byline,
    siteName: row.site_name,
    url: row.url,
    canonicalUrl: row.canonical_url,
    publishedAt: row.published_at,
    publishedOrigin: row.published_at === null ? null : row.published_origin,
    clippedAt: row.clipped_at,
    updatedAt: row.updated_at,
    wordCount: row.word_count,
    excerpt: row.excerpt,
    deletedAt: row.deleted_at,
  };
}

function toSource(row: SourceRow): StoredSource {
  return {
    ...toSummary(row),
    lang: row.language,
    plainText: row.plain_text,
    cleanHtml: row.clean_html,
    contentHash: row.content_hash ?? '',
    sentFrom: row.sent_from,
    urlClaimed: row.url_claimed === 1,
  };
}

function notFound(id: string): ApiError {
  return new ApiError('NOT_FOUND', 'This source does not exist (it may have been deleted for good).', {
    id,
  });
}

function params(source: NewSource) {
  const inParts = source.contentParts != null;
  return {
    url: source.url,
    canonical_url: source.canonicalUrl,
    title: source.title,
    byline: source.byline,
    site_name: source.siteName,
    published_at: source.publishedAt,
    published_origin: source.publishedAt === null ? null : (source.publishedOrigin ?? 'page'),
    language: source.lang,
    original_html: inParts ? '' : source.originalHtml,
    clean_html: inParts ? '' : source.cleanHtml,
    plain_text: inParts ? '' : source.plainText,
    content_hash: source.contentHash,
    word_count: source.wordCount,
    excerpt: source.excerpt,
    sent_from: source.sentFrom ?? null,
    url_claimed: source.urlClaimed === true ? 1 : 0,
  };
}

type SourceParams = ReturnType<typeof params>;

/** Reads and writes sources. Statements are prepared once per connection. */
export class SourcesRepo {
  private readonly insertStmt;
  private readonly replaceStmt;
  private readonly getStmt;
  private readonly originalStmt;
  private readonly byUrlStmt;
  private readonly byHashStmt;
  private readonly sitesStmt;
  private readonly trashStmt;
  private readonly restoreStmt;
  private readonly parts: SourcePartsRepo;
  private readonly nameParts;
  private readonly unnameParts;

  /** `clock` gives the current time; tests pass a fake one so ordering does not depend on timing. */
  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.insertStmt = db.prepare<[SourceParams & { id: string; now: string }], SummaryRow>(
      `INSERT INTO sources (id, url, canonical_url, title, byline, site_name, published_at, published_origin,
         clipped_at, language, original_html, clean_html, plain_text, content_hash, word_count, excerpt,
         sent_from, url_claimed, created_at, updated_at)
       VALUES (@id, @url, @canonical_url, @title, @byline, @site_name, @published_at, @published_origin, @now,
         @language, @original_html, @clean_html, @plain_text, @content_hash, @word_count, @excerpt, @sent_from,
         @url_claimed, @now, @now)
       RETURNING ${SUMMARY_COLUMNS}`,
    );
    // clipped_at and created_at stay: the source keeps its place in the library and its identity.
    this.replaceStmt = db.prepare<[SourceParams & { id: string; now: string }], SummaryRow>(
      `UPDATE sources SET url = @url, canonical_url = @canonical_url, title = @title, byline = @byline,
         site_name = @site_name, published_at = @published_at, published_origin = @published_origin,
         language = @language,
         original_html = @original_html, clean_html = @clean_html, plain_text = @plain_text,
         content_hash = @content_hash, word_count = @word_count, excerpt = @excerpt, sent_from = @sent_from,
         url_claimed = @url_claimed, updated_at = @now
       WHERE id = @id AND deleted_at IS NULL
       RETURNING ${SUMMARY_COLUMNS}`,
    );
    this.getStmt = db.prepare<[string], SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`);
    this.originalStmt = db.prepare<
      [string],
      { id: string; original_html: string; url: string | null; content_parts: string | null }
    >(`SELECT id, original_html, url, ${contentIdSql('sources')} AS content_parts FROM sources WHERE id = ?`);
    this.nameParts = db.prepare<[string, string]>(
      `INSERT INTO source_contents (source_id, content_id) VALUES (?, ?)
       ON CONFLICT (source_id) DO UPDATE SET content_id = excluded.content_id`,
    );
    this.unnameParts = db.prepare<[string]>('DELETE FROM source_contents WHERE source_id = ?');
    this.parts = new SourcePartsRepo(db, clock);
    this.byUrlStmt = db.prepare<[string], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM sources WHERE canonical_url = ? AND deleted_at IS NULL
       ORDER BY seq LIMIT 1`,
    );
    this.byHashStmt = db.prepare<[string], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM sources WHERE content_hash = ? AND deleted_at IS NULL
       ORDER BY seq LIMIT 1`,
    );
    this.sitesStmt = db.prepare<[], SiteCount>(
      `SELECT site_name AS site, count(*) AS count FROM sources
       WHERE deleted_at IS NULL AND site_name IS NOT NULL AND site_name <> ''
       GROUP BY site_name ORDER BY count DESC, site_name COLLATE NOCASE`,
    );
    // Trashing and restoring are not edits: updated_at stays.
    this.trashStmt = db.prepare<[{ id: string; now: string }], SummaryRow>(
      `UPDATE sources SET deleted_at = @now WHERE id = @id AND deleted_at IS NULL RETURNING ${SUMMARY_COLUMNS}`,
    );
    this.restoreStmt = db.prepare<[string], SummaryRow>(
      `UPDATE sources SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL RETURNING ${SUMMARY_COLUMNS}`,
    );
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** Inserts a source and returns its summary. Call inside the caller's transaction with its images. */
  insert(source: NewSource): SourceSummary {
    const row = this.insertStmt.get({ ...params(source), id: randomUUID(), now: this.now() });
    if (row === undefined) throw new ApiError('INTERNAL', 'The new source was not stored.');
    if (source.contentParts != null) this.nameParts.run(row.id, source.contentParts);
    return toSummary(row);
  }

  /** Replaces the article of a live source (id, clipped date and links stay). Throws NOT_FOUND. */
  replace(id: SourceId, source: NewSource): SourceSummary {
    const row = this.replaceStmt.get({ ...params(source), id, now: this.now() });
    if (row === undefined) throw notFound(id);
    // The previous article's parts, if any, go with the mapping (triggers of schema 12).
    if (source.contentParts != null) this.nameParts.run(id, source.contentParts);
    else this.unnameParts.run(id);
    return toSummary(row);
  }

  /** The first live source with this canonical URL or, failing that, this content hash. */
  findDuplicate(
    canonicalUrl: string | null,
    contentHash: string,
  ): { source: SourceSummary; matchedBy: 'canonical-url' | 'content-hash' } | undefined {
    const byUrl = canonicalUrl === null ? undefined : this.byUrlStmt.get(canonicalUrl);
    if (byUrl !== undefined) return { source: toSummary(byUrl), matchedBy: 'canonical-url' };
    const byHash = this.byHashStmt.get(contentHash);
    if (byHash !== undefined) return { source: toSummary(byHash), matchedBy: 'content-hash' };
    return undefined;
  }

  /** The source with `id`, live or trashed, or undefined. */
  find(id: SourceId): StoredSource | undefined {
    const row = this.getStmt.get(id);
    if (row === undefined) return undefined;
    const parts = row.content_parts;
    return toSource(
      parts === null
        ? row
        : {
            ...row,
            plain_text: this.parts.read(parts, 'plain_text'),
            clean_html: this.parts.read(parts, 'clean_html'),
          },
    );
  }

  /** The source with `id`, live or trashed. Throws NOT_FOUND. */
  get(id: SourceId): StoredSource {
    const source = this.find(id);
    if (source === undefined) throw notFound(id);
    return source;
  }

  /** The page as clipped. Throws NOT_FOUND. */
  original(id: SourceId): SourceOriginal {
    const row = this.originalStmt.get(id);
    if (row === undefined) throw notFound(id);
    const html =
      row.content_parts === null ? row.original_html : this.parts.read(row.content_parts, 'original_html');
    return { id: row.id as SourceId, html, url: row.url };
  }

  /** One page of the library, sorted and filtered, with the number of matches in all. */
  list(options: ListSourcesOptions = {}): SourceList {
    const where = [options.trashed === true ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
    const values: Record<string, string | number> = {};
    if (options.site !== undefined) {
      where.push('site_name = @site');
      values.site = options.site;
    }
    // published_at holds a date or a date-time; its first ten characters are the calendar day.
    if (options.from !== undefined) {
      where.push('substr(published_at, 1, 10) >= @from');
      values.from = options.from;
    }
    if (options.to !== undefined) {
      where.push('substr(published_at, 1, 10) <= @to');
      values.to = options.to;
    }
    const order = ORDER[options.sort ?? 'clipped'];
    const direction = (options.descending ?? order.defaultDescending) ? 'DESC' : 'ASC';
    const nulls = order.nullsLast ? `${order.column.split(' ')[0]} IS NULL, ` : '';
    const filter = where.join(' AND ');
    const total = this.db
      .prepare<Record<string, string | number>, { n: number }>(
        `SELECT count(*) AS n FROM sources WHERE ${filter}`,
      )
      .get(values)!.n;
    const rows = this.db
      .prepare<Record<string, string | number>, SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM sources WHERE ${filter}
         ORDER BY ${nulls}${order.column} ${direction}, seq ${direction} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...values, limit: options.limit ?? DEFAULT_LIST_LIMIT, offset: options.offset ?? 0 });
    return { sources: rows.map(toSummary), total };
  }

  /** Site names of live sources with their counts, most sources first. */
  sites(): SiteCount[] {
    return this.sitesStmt.all();
  }

  /** Moves a live source to the trash. Throws NOT_FOUND for an unknown or already trashed source. */
  softDelete(id: SourceId): SourceSummary {
    const row = this.trashStmt.get({ id, now: this.now() });
    if (row !== undefined) return toSummary(row);
    if (this.find(id) === undefined) throw notFound(id);
    throw new ApiError('NOT_FOUND', 'This source is already in the trash.', { id, trashed: true });
  }

  /** Takes a source out of the trash. Throws NOT_FOUND for an unknown source or one not in the trash. */
  restore(id: SourceId): SourceSummary {
    const row = this.restoreStmt.get(id);
    if (row !== undefined) return toSummary(row);
    if (this.find(id) === undefined) throw notFound(id);
    throw new ApiError('NOT_FOUND', 'This source is not in the trash.', { id, trashed: false });
  }
}
