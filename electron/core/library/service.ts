/**
 * The library area of the core: clipping files, pastes and URLs into the notebook through the one clip
 * pipeline (prepare -> localise images -> duplicate check -> one transaction -> analysis hook), and
 * listing, reading and trashing sources.
 */
import type {
  ClipFileInput,
  ClipNetworkSettings,
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
import { MAX_ANALYSED_CHARS } from '../../../shared/areas/analysis';
import { ApiError } from '../../../shared/errors';
import { validateArgs } from '../../../shared/validate';
import type { SourceId } from '../../../shared/model';
import { ClipError, isClipError } from '../clip/errors';
import { endpointClipOfBody, endpointPaste } from '../clip-endpoint/body';
import { fetchArticlePage } from '../clip/fetch-page';
import { PAGE_FETCH_LIMITS } from '../clip/fetch-url';
import type { ImageLimits } from '../clip/images';
import { DEFAULT_CORE_LIMITS, type ClipProvenance, type CoreContext, type CoreLimits } from '../context';
import type { EndpointRequestClip, JobInput, JobOutput, RequestClip } from '../isolated/jobs';
import { IsolatedJobError, IsolatedWorker } from '../isolated/runner';
import { SettingsRepo } from '../db/settings-repo';
import { SourcesRepo } from '../db/sources-repo';
import { OutboundPolicy } from '../net/outbound';
import { argsOfBody, transferable, type BodyMethod } from '../request-body';
import { inlineImages } from './article-html';
import { ImagesRepo } from './images-repo';
import { prepareFetched, prepareFile, preparePaste, textLength, type PreparedClip } from './prepare';
import { ClipStore, publicationOf } from './store';

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

/**
 * Heap a clip prepared in its own worker may use: a fixed part for the clipper's code, and a bounded
 * multiple of the input. A large page is read as a stream (clip/large-page.ts), which holds the page,
 * its clean article and its text (each up to twice the bytes for non-Latin text) with room to spare
 * within this; 50 MB (MAX_CLIP_BYTES, the largest input accepted) gets the cap.
 */
export function clipMemoryMb(inputBytes: number): number {
  return Math.min(512, Math.round(96 + (8 * inputBytes) / (1024 * 1024)));
}
/** How long preparing one clip may take before it is stopped. */
const CLIP_TIME_LIMIT_MS = 10 * 60_000;

type PrepareJob = 'prepare-file' | 'prepare-paste' | 'prepare-fetched';

/** A clip stopped by its bounds, as the ClipError the user sees. */
function isolationFailure(error: unknown, what: string): unknown {
  if (!(error instanceof IsolatedJobError)) return error;
  if (error.reason === 'memory') {
    return new ClipError(
      'TOO_LARGE',
      `${what} could not be clipped: ${error.message}. Nothing was stored. Save only the article ` +
        '(File > Save Page As, "Web Page, HTML only") or copy its text and clip that.',
    );
  }
  return new ClipError('PARSE_FAILED', `${what} could not be clipped: ${error.message}. Nothing was stored.`);
}

/**
 * A clip sent through the endpoint, with where it came from. The page's own canonical URL is as much a
 * claim as its URL: kept only when it is on the sending origin, so a forged page can never be taken for
 * (or, with "update", replace) a stored article of the site it names.
 */
function withProvenance(prepared: PreparedClip, provenance: ClipProvenance): PreparedClip {
  const canonical = prepared.article.canonicalUrl;
  const onSender =
    canonical !== null && provenance.sentFrom !== null && originOf(canonical) === provenance.sentFrom;
  return {
    ...prepared,
    article: { ...prepared.article, canonicalUrl: onSender ? canonical : null },
    provenance,
  };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The settings key of {@link ClipNetworkSettings}. */
const NETWORK_SETTINGS_KEY = 'clipNetwork';

/** Implements {@link LibraryApi} on one open notebook. */
export class LibraryService implements LibraryApi {
  private readonly sources: SourcesRepo;
  private readonly images: ImagesRepo;
  private readonly store: ClipStore;
  /** The host's browser engine for clipUrl (Electron), or undefined: Node's fetch. */
  private readonly fetchPage: CoreContext['hooks']['fetchPage'];

  private readonly limits: CoreLimits;
  private readonly settings: SettingsRepo;
  /** Clips being prepared in workers of their own. */
  private readonly working = new Set<IsolatedWorker>();

  constructor(ctx: CoreContext, options: LibraryOptions = {}) {
    this.fetchPage = ctx.hooks.fetchPage;
    this.limits = ctx.limits ?? DEFAULT_CORE_LIMITS;
    this.settings = new SettingsRepo(ctx.db);
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
      clipFailed(isolationFailure(error, what), what);
    }
    return this.stored(prepared, policy);
  }

  private async stored(prepared: PreparedClip, policy: ClipFileInput['onDuplicate']): Promise<ClipResult> {
    const result = await this.store.store(prepared, policy, this.outboundPolicy());
    if (result.status === 'duplicate') return result;
    return { ...result, warnings: [...result.warnings, ...this.lengthWarnings(textLength(prepared))] };
  }

  /** What a long article's clip says about its analysis, which then runs in the background. */
  private lengthWarnings(length: number): string[] {
    if (length <= this.limits.isolateExtractionAboveChars) return [];
    const warnings = [
      'This article is long: people, quotes and events are being found in the background and appear ' +
        'in its analysis when that is done.',
    ];
    if (length > MAX_ANALYSED_CHARS) {
      warnings.push(
        `They are looked for in its first ${MAX_ANALYSED_CHARS.toLocaleString('en')} characters only; ` +
          `all ${length.toLocaleString('en')} are stored and searchable.`,
      );
    }
    return warnings;
  }

  /**
   * Runs a preparation job in a worker of its own when its input is over the size limit (the notebook
   * keeps answering meanwhile), else here. The worker is stopped afterwards, and with it the memory.
   */
  private prepare<J extends PrepareJob>(
    size: number,
    job: J,
    input: JobInput<J>,
    here: (input: JobInput<J>) => PreparedClip,
  ): PreparedClip | Promise<PreparedClip> {
    if (size <= this.limits.isolateClipsAboveBytes) return here(input);
    return this.isolated(size, job, input) as Promise<PreparedClip>;
  }

  /** Runs `job` in a worker of its own, bounded by the input's `size` in memory and by time. */
  private isolated<J extends PrepareJob | 'prepare-request' | 'prepare-endpoint'>(
    size: number,
    job: J,
    input: JobInput<J>,
    transfer: ArrayBuffer[] = [],
  ): Promise<JobOutput<J>> {
    const worker = new IsolatedWorker({ maxMemoryMb: clipMemoryMb(size) });
    this.working.add(worker);
    return worker.run(job, input, { timeoutMs: CLIP_TIME_LIMIT_MS, transfer }).finally(() => {
      this.working.delete(worker);
      void worker.close();
    });
  }

  /**
   * Clips as `method` (clipPaste or clipFile) would, from that call's JSON request body (see
   * request-body.ts): a long body is decoded, parsed, checked and prepared in a worker of its own, so this
   * thread never holds or scans it; a short one as the call with parsed arguments. The bytes are handed
   * to the worker and unusable here afterwards.
   */
  async clipWithBody(method: BodyMethod, body: Uint8Array): Promise<ClipResult> {
    if (body.byteLength <= this.limits.isolateClipsAboveBytes) {
      const args = argsOfBody(body);
      if (args instanceof ApiError) throw args;
      return method === 'clipPaste'
        ? this.clipPaste(...validateArgs('clipPaste', args))
        : this.clipFile(...validateArgs('clipFile', args));
    }
    const what = method === 'clipPaste' ? 'The pasted content' : 'The file';
    const bytes = transferable(body);
    let clip: RequestClip;
    try {
      clip = await this.isolated(bytes.byteLength, 'prepare-request', { method, body: bytes }, [
        bytes.buffer,
      ]);
    } catch (error) {
      clipFailed(isolationFailure(error, what), what);
    }
    return this.stored(clip.prepared, clip.onDuplicate);
  }

  /**
   * Clips what the browser clip endpoint was sent, from the request's JSON body (see
   * clip-endpoint/body.ts), with where it came from: a long body is read, checked and prepared in a
   * worker of its own, as {@link clipWithBody} does; a short one here. The bytes are handed over.
   */
  async clipEndpointBody(body: Uint8Array): Promise<ClipResult> {
    if (body.byteLength <= this.limits.isolateClipsAboveBytes) {
      const { input, provenance } = endpointPaste(endpointClipOfBody(body));
      return this.clipPaste(input, provenance);
    }
    const what = 'The page sent by the browser';
    const bytes = transferable(body);
    let clip: EndpointRequestClip;
    try {
      clip = await this.isolated(bytes.byteLength, 'prepare-endpoint', { body: bytes }, [bytes.buffer]);
    } catch (error) {
      clipFailed(isolationFailure(error, what), what);
    }
    return this.stored(withProvenance(clip.prepared, clip.provenance), clip.onDuplicate);
  }

  /** @inheritdoc */
  async clipFile(input: ClipFileInput): Promise<ClipResult> {
    // base64 holds 3 bytes in 4 characters.
    const size = (input.data.length + (input.resources ?? []).reduce((n, r) => n + r.data.length, 0)) * 0.75;
    return this.clip(
      input.name,
      () => this.prepare(size, 'prepare-file', input, prepareFile),
      input.onDuplicate,
    );
  }

  /**
   * @inheritdoc
   * @param provenance for a page sent by the browser clip endpoint (core only: the API passes none)
   */
  async clipPaste(input: ClipPasteInput, provenance?: ClipProvenance): Promise<ClipResult> {
    const size = (input.html ?? '').length + (input.text ?? '').length;
    return this.clip(
      input.url ?? 'The pasted content',
      async () => {
        const prepared = await this.prepare(size, 'prepare-paste', input, preparePaste);
        return provenance === undefined ? prepared : withProvenance(prepared, provenance);
      },
      input.onDuplicate,
    );
  }

  /** @inheritdoc */
  async clipUrl(input: ClipUrlInput): Promise<ClipResult> {
    return this.clip(
      input.url,
      async () => {
        const fetched = await fetchArticlePage(
          input.url,
          PAGE_FETCH_LIMITS,
          this.fetchPage,
          this.outboundPolicy(),
        );
        const size = typeof fetched.body === 'string' ? fetched.body.length : fetched.body.byteLength;
        return this.prepare(size, 'prepare-fetched', { request: input, fetched }, (job) =>
          prepareFetched(job.request, job.fetched),
        );
      },
      input.onDuplicate,
    );
  }

  /** Where this clip's requests may go: public addresses, and the local hosts the user listed. */
  private outboundPolicy(): OutboundPolicy {
    return new OutboundPolicy({ allowedHosts: this.networkSettings().allowedLocalHosts });
  }

  private networkSettings(): ClipNetworkSettings {
    const stored = this.settings.get<Partial<ClipNetworkSettings>>(NETWORK_SETTINGS_KEY, {});
    const hosts = Array.isArray(stored.allowedLocalHosts) ? stored.allowedLocalHosts : [];
    return { allowedLocalHosts: hosts.filter((host): host is string => typeof host === 'string') };
  }

  /** @inheritdoc */
  async getClipNetworkSettings(): Promise<ClipNetworkSettings> {
    return this.networkSettings();
  }

  /** @inheritdoc */
  async setClipNetworkSettings(input: ClipNetworkSettings): Promise<ClipNetworkSettings> {
    this.settings.set(NETWORK_SETTINGS_KEY, { allowedLocalHosts: input.allowedLocalHosts });
    return this.networkSettings();
  }

  /** Stops clips still being prepared (the notebook is closing); they fail and store nothing. */
  async close(): Promise<void> {
    await Promise.all([...this.working].map((worker) => worker.close()));
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
      // A large paste is read in a worker of its own, as clipPaste reads it: the notebook keeps answering.
      const size = (input.html ?? '').length + (input.text ?? '').length;
      prepared = await this.prepare(size, 'prepare-paste', input, preparePaste);
    } catch {
      return none; // nothing clippable yet: the dialog says so when the user clips
    }
    const { at, origin, evidence } = publicationOf(prepared);
    if (at === null || origin === null || origin === 'user') return none;
    return { published: at.slice(0, 10), origin, evidence };
  }
}
