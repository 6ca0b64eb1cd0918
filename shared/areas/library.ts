/**
 * The library area of the API: clipping articles (files, pasted HTML or text, URLs) into the notebook,
 * listing and reading them, and moving them to the trash.
 *
 * Every clip goes through the core's one clip pipeline (decode, extract the article, sanitize, store
 * images locally, store), then the analysis area extracts people, quotes and events from it. A clip that
 * fails rejects with CLIP_FAILED (`details.reason`, `details.file`) and stores nothing.
 */
import type { IsoTimestamp, SourceId } from '../model';
import type { Validators } from '../validation';

/** What to do when a clip is the same article as a stored source (same canonical URL or content hash). */
export type DuplicatePolicy =
  /** Store nothing; answer `{ status: 'duplicate' }` so the UI can ask the user. The default. */
  | 'ask'
  /** Replace the stored source's article with the new clip (its id, notes' links and reviews stay). */
  | 'update'
  /** Store the clip as a new source next to the old one. */
  | 'keep-both';

/** A source as lists show it. */
export interface SourceSummary {
  id: SourceId;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Where it was clipped from, if it came from the web. */
  url: string | null;
  canonicalUrl: string | null;
  /** Publication date as the page states it (ISO 8601 date or date-time), or null. */
  publishedAt: string | null;
  clippedAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  wordCount: number;
  /** A short summary (the page's description or first paragraph), or ''. */
  excerpt: string;
  /** Set when the source is in the trash. */
  deletedAt: IsoTimestamp | null;
}

/** A source with its article, for the reader. */
export interface Source extends SourceSummary {
  /** Language tag of the page, or null. */
  lang: string | null;
  /** The article as plain text; every span in the notebook (quotes, mentions) indexes this string. */
  plainText: string;
  /**
   * The article as sanitized HTML with its images inlined as `data:` URLs from the local store, so the
   * reader makes no network request. The renderer sanitizes it again before display.
   */
  html: string;
  /** sha256 of the normalized text (what duplicate detection compares). */
  contentHash: string;
}

/** The page as it was clipped, for "view original HTML". */
export interface SourceOriginal {
  id: SourceId;
  /** The decoded original page, never rendered by the app, only shown as text. */
  html: string;
  url: string | null;
}

/** A file to clip, as the UI read it (file picker, drag and drop) or the bookmarklet sent it. */
export interface ClipFileInput {
  /** The file name with its extension (`page.html`, `notes.txt`), which picks the pipeline. */
  name: string;
  /** The file's bytes, base64-encoded (the clipper detects the charset). */
  data: string;
  /** The page's original URL, when known. */
  url?: string;
  /**
   * Files the page refers to (a browser's `page_files/` folder): path relative to the page's folder, and
   * bytes in base64. Images among them are stored with the source.
   */
  resources?: { path: string; data: string }[];
  onDuplicate?: DuplicatePolicy;
}

/** Clipboard content to clip as a new source. */
export interface ClipPasteInput {
  /** Pasted HTML (preferred when present). */
  html?: string;
  /** Pasted plain text (used when there is no HTML). */
  text?: string;
  /** Where the text came from, when the user says. */
  url?: string;
  /** A title to use instead of the one found in the content. */
  title?: string;
  onDuplicate?: DuplicatePolicy;
}

/** A web page to fetch and clip (the only call that uses the network). */
export interface ClipUrlInput {
  url: string;
  onDuplicate?: DuplicatePolicy;
}

/** What a clip did. */
export type ClipResult =
  | {
      status: 'created' | 'updated';
      source: SourceSummary;
      /** Things the user may want to know that did not stop the clip ("2 images could not be downloaded"). */
      warnings: string[];
    }
  | {
      /** Nothing was stored: the article is already in the library (policy 'ask'). */
      status: 'duplicate';
      duplicateOf: SourceSummary;
      matchedBy: 'canonical-url' | 'content-hash';
    };

/** How to order the library. */
export type SourceSort = 'clipped' | 'published' | 'title' | 'site' | 'words';

/** Which sources to list, in which order. */
export interface ListSourcesOptions {
  /** Default 'clipped'. */
  sort?: SourceSort;
  /** Default: newest/largest first for dates and words, A to Z for title and site. */
  descending?: boolean;
  /** Only sources of this site name. */
  site?: string;
  /** Only sources published on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Only sources published on or before this date (YYYY-MM-DD). */
  to?: string;
  /** true: only sources in the trash. */
  trashed?: boolean;
  limit?: number;
  offset?: number;
}

/** One page of the library list. */
export interface SourceList {
  sources: SourceSummary[];
  /** How many sources match the filters in all. */
  total: number;
}

/** A site and how many live sources come from it, for the site filter. */
export interface SiteCount {
  site: string;
  count: number;
}

/** Methods of the library area. */
export interface LibraryApi {
  /** Clips one file. Rejects with CLIP_FAILED (nothing stored) when it holds no usable article. */
  clipFile(input: ClipFileInput): Promise<ClipResult>;
  /** Clips pasted HTML or text as a new source. */
  clipPaste(input: ClipPasteInput): Promise<ClipResult>;
  /** Fetches a web page (following redirects, respecting its charset), then clips it with its images. */
  clipUrl(input: ClipUrlInput): Promise<ClipResult>;
  /** The library, sorted and filtered. */
  listSources(options?: ListSourcesOptions): Promise<SourceList>;
  /** Site names of live sources with their counts, most sources first. */
  listSites(): Promise<SiteCount[]>;
  /** One source with its article. NOT_FOUND for an unknown id. */
  getSource(id: SourceId): Promise<Source>;
  /** The page as originally clipped. */
  getSourceOriginal(id: SourceId): Promise<SourceOriginal>;
  /** Moves a source to the trash (nothing is erased). */
  deleteSource(id: SourceId): Promise<SourceSummary>;
  /** Takes a source out of the trash. */
  restoreSource(id: SourceId): Promise<SourceSummary>;
}

/** The library area's methods, in the order hosts register them. */
export const LIBRARY_METHODS = [
  'clipFile',
  'clipPaste',
  'clipUrl',
  'listSources',
  'listSites',
  'getSource',
  'getSourceOriginal',
  'deleteSource',
  'restoreSource',
] as const satisfies readonly (keyof LibraryApi)[];

/** Argument validators of the library area. */
export const LIBRARY_VALIDATORS: Validators<LibraryApi> = {} as Validators<LibraryApi>;
