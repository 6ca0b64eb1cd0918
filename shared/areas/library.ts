/**
 * The library area of the API: clipping articles (files, pasted HTML or text, URLs) into the notebook,
 * listing and reading them, and moving them to the trash.
 *
 * Every clip goes through the core's one clip pipeline (decode, extract the article, sanitize, store
 * images locally, store), then the analysis area extracts people, quotes and events from it. A clip that
 * fails rejects with CLIP_FAILED (`details.reason`, `details.file`) and stores nothing.
 */

import type { IsoTimestamp, SourceId } from '../model';
import type {
  DuplicatePolicy,
  ClipFileInput,
  ClipPasteInput,
  ClipUrlInput,
  ListSourcesOptions,
  SourceSort,
  GuessPublishedInput,
  ClipNetworkSettings,
} from './library.args';

// The argument types are inferred from the schemas (see the .args file); the UI imports them from here.
export type {
  DuplicatePolicy,
  ClipFileInput,
  ClipPasteInput,
  ClipUrlInput,
  ListSourcesOptions,
  SourceSort,
  GuessPublishedInput,
  ClipNetworkSettings,
};

/** The kinds of file the clipper reads, as messages name them ("Dossier clips … files"). */
export const CLIPPABLE_FILES = '.html, .htm, .mhtml, .txt and .md files';

/** The largest page or file accepted, in bytes (the clipper refuses bigger ones too). */
export const MAX_CLIP_BYTES = 50 * 1024 * 1024;
/**
 * Largest file, resources included, that the browser version sends in one clipFile call: base64 turns
 * 3 bytes into 4, and the browser host refuses request bodies over 64 MB (electron/web/api-route.ts).
 * The UI refuses bigger files itself, with a message that names the file and the way that works.
 */
export const MAX_BROWSER_IMPORT_BYTES = 45 * 1024 * 1024;
/** Longest URL accepted, in characters. */
export const MAX_URL_LENGTH = 8_192;
/** Most resource files one clipped file may bring along. */
export const MAX_RESOURCES = 1_000;
/** The most sources one page of {@link LibraryApi.listSources} returns. */
export const MAX_LIST_LIMIT = 1_000;

/** How a source's publication date is known. */
export type PublishedOrigin = 'page' | 'inferred' | 'user';

/** A source as lists show it. */
export interface SourceSummary {
  id: SourceId;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Where it was clipped from, if it came from the web. */
  url: string | null;
  canonicalUrl: string | null;
  /** Publication date (ISO 8601 date or date-time), or null when unknown. */
  publishedAt: string | null;
  /**
   * How the publication date is known: from the page's metadata, read from the text or web address
   * (a dateline, /2008/07/23/: shown as inferred), or set by the user; null when there is none.
   */
  publishedOrigin: PublishedOrigin | null;
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
  /**
   * For a source sent by the browser clip endpoint: the origin of the page that sent it, as the
   * browser reported it (not as the page described itself), e.g. `https://news.example`; else null.
   */
  sentFrom: string | null;
  /**
   * True when `url` is only what the sending page claimed: its origin is not `sentFrom`. The reader
   * shows it as a claim.
   */
  urlClaimed: boolean;
}

/** The page as it was clipped, for "view original HTML". */
export interface SourceOriginal {
  id: SourceId;
  /** The decoded original page, never rendered by the app, only shown as text. */
  html: string;
  url: string | null;
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
  /**
   * Clips one file. Rejects with CLIP_FAILED (nothing stored) when it holds no usable article. Images
   * come from `resources` (or the MHTML file itself); others are left out with a warning unless
   * `fetchImages` allows downloading them.
   */
  clipFile(input: ClipFileInput): Promise<ClipResult>;
  /** Clips pasted HTML or text as a new source. */
  clipPaste(input: ClipPasteInput): Promise<ClipResult>;
  /**
   * Fetches a web page (http/https only, at most 10 redirects, 30 s, 50 MB; charset from the header),
   * in the desktop app by rendering it in a hidden, sandboxed window so pages built by script have
   * their text (other hosts use a plain HTTP fetch), then clips it against its final URL and downloads
   * its images (each checked to be PNG, JPEG, GIF, WebP or AVIF; never SVG). The page, every redirect,
   * every image and every request of the window go only to public addresses, except the hosts listed
   * in {@link ClipNetworkSettings}. Rejects with CLIP_FAILED (`reason` FETCH_FAILED, UNSUPPORTED, ...).
   */
  clipUrl(input: ClipUrlInput): Promise<ClipResult>;
  /** The hosts on the user's own network that clipping may reach. */
  getClipNetworkSettings(): Promise<ClipNetworkSettings>;
  /** Replaces the list of local hosts clipping may reach; returns it as stored (normalized). */
  setClipNetworkSettings(input: ClipNetworkSettings): Promise<ClipNetworkSettings>;
  /** The library, sorted and filtered. */
  listSources(options?: ListSourcesOptions): Promise<SourceList>;
  /** Site names of live sources with their counts, most sources first. */
  listSites(): Promise<SiteCount[]>;
  /** One source with its article (live or trashed), images inlined. NOT_FOUND for an unknown id. */
  getSource(id: SourceId): Promise<Source>;
  /** The page as originally clipped. */
  getSourceOriginal(id: SourceId): Promise<SourceOriginal>;
  /** Moves a source to the trash (nothing is erased). */
  deleteSource(id: SourceId): Promise<SourceSummary>;
  /** Takes a source out of the trash. */
  restoreSource(id: SourceId): Promise<SourceSummary>;
  /**
   * The publication date a paste would get if the user gives none: the page's metadata, else a date
   * read from the text or web address (a dateline, /2008/07/23/), else null. Stores nothing.
   */
  guessPublished(input: GuessPublishedInput): Promise<PublishedGuess>;
}

/** A publication date found for content not yet stored. */
export interface PublishedGuess {
  /** YYYY-MM-DD, or null when none was found. */
  published: string | null;
  /** 'page' (its metadata) or 'inferred' (read from the text or address); null when none. */
  origin: Exclude<PublishedOrigin, 'user'> | null;
  /** The words the date was read from ("May 2, 2013"), when inferred. */
  evidence: string | null;
}

/** Most hosts {@link ClipNetworkSettings.allowedLocalHosts} holds. */
export const MAX_ALLOWED_LOCAL_HOSTS = 100;

/** The library area's methods, in the order hosts register them. */
export const LIBRARY_METHODS = [
  'clipFile',
  'clipPaste',
  'clipUrl',
  'getClipNetworkSettings',
  'setClipNetworkSettings',
  'listSources',
  'listSites',
  'getSource',
  'getSourceOriginal',
  'deleteSource',
  'restoreSource',
  'guessPublished',
] as const satisfies readonly (keyof LibraryApi)[];
