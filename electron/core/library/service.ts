/**
 * The library area of the core: clipping files, pastes and URLs into the notebook through the one clip
 * pipeline (prepare -> localise images -> duplicate check -> one transaction -> analysis hook), and
 * listing, reading and trashing sources.
 */
import type {
  ClipFileInput,
  ClipPasteInput,
  ClipResult,
  ClipUrlInput,
  GuessPublishedInput,
  LibraryApi,
  ListSourcesOptions,
  PublishedGuess,
  SiteCount,
  Source,
  SourceList,
  SourceOriginal,
  SourceSummary,
} from '../../../shared/areas/library';
import { ApiError } from '../../../shared/errors';
import type { SourceId } from '../../../shared/model';
import { isClipError } from '../clip/errors';
import type { ImageLimits } from '../clip/images';
import type { CoreContext } from '../context';
import { SourcesRepo } from '../db/sources-repo';
import { inlineImages } from './article-html';
import { ImagesRepo } from './images-repo';
import { prepareFile, preparePaste, prepareUrl, type PreparedClip } from './prepare';
import { ClipStore, publicationOf } from './store';
import { inferPublished } from '../extract/published';

/** Test seams: smaller image limits. */
export interface LibraryOptions {
  imageLimits?: ImageLimits;
}

/**
 * A ClipError (or any failure before storing) as the API's CLIP_FAILED; nothing was stored. Other
 * ApiErrors (a full disk, a closed notebook) pass through unchanged.
 */
function clipFailed(error: unknown, file: string): never {
  if (error instanceof ApiError) throw error;
  if (isClipError(error)) {
    throw new ApiError('CLIP_FAILED', error.message, { reason: error.code, file });
  }
  const message = error instanceof Error ? error.message : String(error);
  throw new ApiError(
    'CLIP_FAILED',
    `${file} could not be clipped (${message}). Nothing was stored; try saving the page again.`,
    { reason: 'PARSE_FAILED', file },
  );
}

/** Implements {@link LibraryApi} on one open notebook. */
export class LibraryService implements LibraryApi {
  private readonly sources: SourcesRepo;
  private readonly images: ImagesRepo;
  private readonly store: ClipStore;
  /** The host's browser engine for clipUrl (Electron), or undefined: Node's fetch. */
  private readonly fetchPage: CoreContext['hooks']['fetchPage'];

  constructor(ctx: CoreContext, options: LibraryOptions = {}) {
    this.fetchPage = ctx.hooks.fetchPage;
    this.sources = new SourcesRepo(ctx.db);
    this.images = new ImagesRepo(ctx.db);
    this.store = new ClipStore(ctx.db, ctx.hooks, options.imageLimits);
  }

  private async clip(
    what: string,
    prepare: () => PreparedClip | Promise<PreparedClip>,
    policy: ClipFileInput['onDuplicate'],
  ): Promise<ClipResult> {
    let prepared: PreparedClip;
    try {
      prepared = await prepare();
    } catch (error) {
      clipFailed(error, what);
    }
    return this.store.store(prepared, policy);
  }

  /** @inheritdoc */
  async clipFile(input: ClipFileInput): Promise<ClipResult> {
    return this.clip(input.name, () => prepareFile(input), input.onDuplicate);
  }

  /** @inheritdoc */
  async clipPaste(input: ClipPasteInput): Promise<ClipResult> {
    return this.clip(input.url ?? 'The pasted content', () => preparePaste(input), input.onDuplicate);
  }

  /** @inheritdoc */
  async clipUrl(input: ClipUrlInput): Promise<ClipResult> {
    return this.clip(input.url, () => prepareUrl(input, undefined, this.fetchPage), input.onDuplicate);
  }

  /** @inheritdoc */
  async listSources(options: ListSourcesOptions = {}): Promise<SourceList> {
    return this.sources.list(options);
  }

  /** @inheritdoc */
  async listSites(): Promise<SiteCount[]> {
    return this.sources.sites();
  }

  /** @inheritdoc */
  async getSource(id: SourceId): Promise<Source> {
    const { cleanHtml, ...stored } = this.sources.get(id);
    return { ...stored, html: inlineImages(cleanHtml, this.images.listFor(id)) };
  }

  /** @inheritdoc */
  async getSourceOriginal(id: SourceId): Promise<SourceOriginal> {
    return this.sources.original(id);
  }

  /** @inheritdoc */
  async deleteSource(id: SourceId): Promise<SourceSummary> {
    return this.sources.softDelete(id);
  }

  /** @inheritdoc */
  async restoreSource(id: SourceId): Promise<SourceSummary> {
    return this.sources.restore(id);
  }

  /** @inheritdoc */
  async guessPublished(input: GuessPublishedInput): Promise<PublishedGuess> {
    const none: PublishedGuess = { published: null, origin: null, evidence: null };
    if ((input.html ?? '').trim() === '' && (input.text ?? '').trim() === '') return none;
    let prepared: PreparedClip;
    try {
      prepared = preparePaste(input);
    } catch {
      return none; // nothing clippable yet: the dialog says so when the user clips
    }
    const { at, origin } = publicationOf(prepared);
    if (at === null || origin === null || origin === 'user') return none;
    const evidence =
      origin === 'inferred'
        ? (inferPublished(prepared.article.text, prepared.url ?? prepared.article.canonicalUrl)?.evidence ??
          null)
        : null;
    return { published: at.slice(0, 10), origin, evidence };
  }
}
