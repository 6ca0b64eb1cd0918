/**
 * Storing a prepared clip: duplicate check, image localisation, and one transaction that writes the
 * source with its images (or nothing at all). The analysis hook runs after the commit and can never
 * fail the clip.
 */
import type Database from 'better-sqlite3';
import type { ClipResult, DuplicatePolicy } from '../../../shared/areas/library';
import type { SourceId } from '../../../shared/model';
import type { CoreHooks } from '../context';
import { SourcesRepo, type NewSource } from '../db/sources-repo';
import { SourcePartsRepo, storedInParts } from '../db/source-parts';
import { localiseImagePieces, type ImageLimits } from '../clip/images';
import { inferPublished } from '../extract/published';
import type { PublishedOrigin } from '../../../shared/areas/library';
import { ResourceMap } from '../clip/resources';
import type { OutboundPolicy } from '../net/outbound';
import { ImagesRepo } from './images-repo';
import { textHead, type PreparedClip } from './prepare';

/** Longest excerpt stored with a source, in characters. */
const EXCERPT_CHARS = 300;

/** How much of the text's start the date and the excerpt are read from (a long article's first part). */
const HEAD_UNITS = 64 * 1024;

/**
 * The source's publication date and how it is known: the user's, else the page's metadata, else one
 * read from the text or web address (marked inferred, with the words it was read from), else none.
 * Never the day it was clipped.
 */
export function publicationOf(prepared: PreparedClip): {
  at: string | null;
  origin: PublishedOrigin | null;
  evidence: string | null;
} {
  if (prepared.published !== undefined) return { at: prepared.published, origin: 'user', evidence: null };
  if (prepared.article.published !== null) {
    return { at: prepared.article.published, origin: 'page', evidence: null };
  }
  // Read from the first lines only: the start of a long article's text is enough.
  const inferred = inferPublished(
    textHead(prepared, HEAD_UNITS),
    prepared.url ?? prepared.article.canonicalUrl,
  );
  return inferred === null
    ? { at: null, origin: null, evidence: null }
    : { at: inferred.value, origin: 'inferred', evidence: inferred.evidence };
}

function excerpt(prepared: PreparedClip): string {
  const { article } = prepared;
  const text = article.excerpt?.trim() || textHead(prepared, HEAD_UNITS).split('\n\n')[0] || '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** Writes clips into one notebook. */
export class ClipStore {
  private readonly sources: SourcesRepo;
  private readonly images: ImagesRepo;
  private readonly parts: SourcePartsRepo;

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: Pick<CoreHooks, 'sourceStored'>,
    private readonly imageLimits?: ImageLimits,
  ) {
    this.sources = new SourcesRepo(db);
    this.images = new ImagesRepo(db);
    this.parts = new SourcePartsRepo(db);
  }

  /**
   * Stores `prepared` by `policy` (default 'ask') and reports what happened. Images are downloaded
   * only where `outbound` allows (default: public addresses).
   */
  async store(
    prepared: PreparedClip,
    policy: DuplicatePolicy = 'ask',
    outbound?: OutboundPolicy,
  ): Promise<ClipResult> {
    const { article } = prepared;
    // Asked before the (possibly slow, networked) image step: a duplicate the user must decide about
    // costs no downloads.
    const early = this.sources.findDuplicate(article.canonicalUrl, article.contentHash);
    if (early !== undefined && policy === 'ask') {
      return { status: 'duplicate', duplicateOf: early.source, matchedBy: early.matchedBy };
    }

    // A long article's HTML is rewritten piece by piece (see PreparedClip.pieces).
    const localised = await localiseImagePieces(prepared.pieces?.html ?? [article.html], {
      refs: article.imageRefs ?? [],
      resources: new ResourceMap(prepared.resources),
      fetch: prepared.fetchImages,
      ...(outbound === undefined ? {} : { policy: outbound }),
      ...(this.imageLimits ? { limits: this.imageLimits } : {}),
    });
    const published = publicationOf(prepared);
    const content = prepared.pieces
      ? {
          originalHtml: prepared.pieces.originalHtml,
          cleanHtml: localised.pieces,
          plainText: prepared.pieces.text,
        }
      : { originalHtml: article.originalHtml, cleanHtml: localised.pieces[0]!, plainText: article.text };
    // A long article is written in parts first, a slice at a time, so the notebook keeps answering;
    // the transaction below then writes a row of a few hundred bytes that names them.
    // An article that came in pieces is always stored in parts: its row holds none of it.
    const contentParts =
      prepared.pieces !== undefined || storedInParts(content) ? await this.parts.write(content) : null;
    const row: NewSource = {
      url: prepared.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      publishedAt: published.at,
      publishedOrigin: published.origin,
      lang: article.lang,
      originalHtml: article.originalHtml,
      // Unused when the article is in parts (the row then holds none of it).
      cleanHtml: prepared.pieces === undefined ? localised.pieces[0]! : '',
      plainText: article.text,
      contentHash: article.contentHash,
      wordCount: article.wordCount,
      excerpt: excerpt(prepared),
      sentFrom: prepared.provenance?.sentFrom ?? null,
      urlClaimed: prepared.provenance?.urlClaimed === true,
      contentParts,
    };

    let outcome: ClipResult;
    try {
      outcome = this.write(row, localised, article, policy);
    } catch (error) {
      if (contentParts !== null) await this.parts.removeQuietly(contentParts);
      throw error;
    }
    // Parts written for an article that turned out to be a duplicate are named by no source.
    if (outcome.status === 'duplicate' && contentParts !== null) await this.parts.removeQuietly(contentParts);
    if (outcome.status !== 'duplicate') this.notify(outcome.source.id);
    return outcome;
  }

  /**
   * The one transaction of a clip: the duplicate check again (the image step and the parts awaited, and
   * another clip may have stored the same article meanwhile), the source row and its images.
   */
  private write(
    row: NewSource,
    localised: Awaited<ReturnType<typeof localiseImagePieces>>,
    article: PreparedClip['article'],
    policy: DuplicatePolicy,
  ): ClipResult {
    return this.db
      .transaction((): ClipResult => {
        const duplicate = this.sources.findDuplicate(article.canonicalUrl, article.contentHash);
        if (duplicate !== undefined && policy === 'ask') {
          return { status: 'duplicate', duplicateOf: duplicate.source, matchedBy: duplicate.matchedBy };
        }
        const ids = localised.images.map((image) => image.id);
        if (duplicate !== undefined && policy === 'update') {
          const id = duplicate.source.id;
          const source = this.sources.replace(id, row);
          this.images.deleteFor(id);
          this.images.insertAll(id, localised.images, ids);
          return { status: 'updated', source, warnings: localised.warnings };
        }
        const source = this.sources.insert(row);
        this.images.insertAll(source.id, localised.images, ids);
        return { status: 'created', source, warnings: localised.warnings };
      })
      .immediate();
  }

  /** Tells the analysis area; its failure is its own to report, never the clip's. */
  private notify(id: SourceId): void {
    try {
      this.hooks.sourceStored(id);
    } catch (error) {
      console.error(`Dossier: analysing source ${id} failed:`, error);
    }
  }
}
