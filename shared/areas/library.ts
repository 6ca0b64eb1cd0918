/**
 * The library area of the API: clipping articles (files, pasted HTML or text, URLs) into the notebook,
 * listing and reading them, and moving them to the trash.
 *
 * Every clip goes through the core's one clip pipeline (decode, extract the article, sanitize, store
 * images locally, store), then the analysis area extracts people, quotes and events from it. A clip that
 * fails rejects with CLIP_FAILED (`details.reason`, `details.file`) and stores nothing.
 */
import type { IsoTimestamp, SourceId } from '../model';
import { isCalendarDate } from '../dates';
import { isHttpUrl } from '../url';
import {
  arity,
  defined,
  idOf,
  invalid,
  objectOf,
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalString,
  requiredString,
  type Validators,
} from '../validation';

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

/** What to do when a clip is the same article as a stored source (same canonical URL or content hash). */
export type DuplicatePolicy =
  /** Store nothing; answer `{ status: 'duplicate' }` so the UI can ask the user. The default. */
  | 'ask'
  /** Replace the stored source's article with the new clip (its id, notes' links and reviews stay). */
  | 'update'
  /** Store the clip as a new source next to the old one. */
  | 'keep-both';

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

/** A file to clip, as the UI read it (file picker, drag and drop) or the bookmarklet sent it. */
export interface ClipFileInput {
  /**
   * The file name with its extension, which picks the pipeline: `.html`/`.htm`/`.xhtml` (a page),
   * `.mhtml`/`.mht` (a page saved as one file, with its images), `.txt`, `.md`.
   */
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
  /**
   * Download the article's remote images that `resources` do not hold (needs `url` or a URL noted in
   * the page). Default false: clipping a file uses no network unless asked.
   */
  fetchImages?: boolean;
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
  /**
   * The publication date (YYYY-MM-DD) the user gives: "on Thursday" and "last summer" resolve against
   * it. Without it the page's date is used, else one read from the text (see `guessPublished`), else none.
   */
  published?: string;
  onDuplicate?: DuplicatePolicy;
  /** Download the pasted HTML's remote images (needs `url` for relative ones). Default false. */
  fetchImages?: boolean;
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

/** What {@link LibraryApi.guessPublished} reads: the paste dialog's content. */
export interface GuessPublishedInput {
  html?: string;
  text?: string;
  url?: string;
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

/**
 * Where clipping may reach besides the public web. By default nowhere: a URL, a redirect or an image on
 * this computer or its network (loopback, private, link-local, metadata addresses ...) is refused, so
 * a page cannot make Dossier read what only this computer can reach.
 */
export interface ClipNetworkSettings {
  /**
   * Host names (or literal addresses) the user clips from on purpose although they are local: an
   * intranet wiki, a newsroom archive. Matched exactly, lower-case, without a trailing dot.
   */
  allowedLocalHosts: string[];
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

const DUPLICATE_POLICIES: readonly DuplicatePolicy[] = ['ask', 'update', 'keep-both'];
const SOURCE_SORTS: readonly SourceSort[] = ['clipped', 'published', 'title', 'site', 'words'];
/** Base64 text of at most {@link MAX_CLIP_BYTES} bytes (4 characters per 3 bytes). */
const MAX_BASE64_LENGTH = Math.ceil(MAX_CLIP_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const sourceId = (method: string, value: unknown): SourceId => idOf<SourceId>(method, 'the source id', value);

function optionalUrl(method: string, name: string, value: unknown): string | undefined {
  const url = optionalString(method, name, value, MAX_URL_LENGTH);
  if (url !== undefined && !isHttpUrl(url)) {
    invalid(method, `"${name}" must be an http:// or https:// address`);
  }
  return url;
}

function base64(method: string, name: string, value: unknown): string {
  const data = requiredString(method, name, value, MAX_BASE64_LENGTH);
  if (data.length % 4 !== 0 || !BASE64.test(data)) invalid(method, `"${name}" must be base64 text`);
  return data;
}

function resources(method: string, value: unknown): ClipFileInput['resources'] {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) invalid(method, '"resources" must be a list');
  if (value.length > MAX_RESOURCES) invalid(method, `"resources" holds more than ${MAX_RESOURCES} files`);
  let total = 0;
  return value.map((item: unknown, i) => {
    const resource = objectOf(method, item, ['path', 'data']);
    const path = requiredString(method, `resources[${i}].path`, resource.path, 1_000);
    if (path.trim() === '') invalid(method, `"resources[${i}].path" is empty`);
    const data = base64(method, `resources[${i}].data`, resource.data);
    total += data.length;
    if (total > MAX_BASE64_LENGTH * 2) invalid(method, '"resources" are larger than 100 MB in all');
    return { path, data };
  });
}

function clipFileInput(method: string, value: unknown): ClipFileInput {
  const input = objectOf(method, value, ['name', 'data', 'url', 'resources', 'onDuplicate', 'fetchImages']);
  const name = requiredString(method, 'name', input.name, 1_000);
  if (name.trim() === '') invalid(method, '"name" is empty');
  return defined({
    name,
    data: base64(method, 'data', input.data),
    url: optionalUrl(method, 'url', input.url),
    resources: resources(method, input.resources),
    onDuplicate: optionalChoice(method, 'onDuplicate', input.onDuplicate, DUPLICATE_POLICIES),
    fetchImages: optionalBoolean(method, 'fetchImages', input.fetchImages),
  });
}

/** Pasted HTML or text: at most {@link MAX_CLIP_BYTES} characters, refused with the size in words. */
function pastedContent(method: string, name: string, value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > MAX_CLIP_BYTES) {
    const mb = (value.length / 1024 / 1024).toFixed(1);
    invalid(
      method,
      `"${name}" is ${mb} MB; Dossier clips pages up to ${MAX_CLIP_BYTES / 1024 / 1024} MB. Clip only ` +
        'the article, or copy its text and clip that',
    );
  }
  return optionalString(method, name, value, MAX_CLIP_BYTES);
}

/** A host name, an IPv4 address or a bracketed IPv6 address, as a URL writes its host. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*)$/;

function clipNetworkSettings(method: string, value: unknown): ClipNetworkSettings {
  const input = objectOf(method, value, ['allowedLocalHosts']);
  const list = input.allowedLocalHosts;
  if (!Array.isArray(list)) invalid(method, '"allowedLocalHosts" must be a list of host names');
  if (list.length > MAX_ALLOWED_LOCAL_HOSTS) {
    invalid(method, `"allowedLocalHosts" holds at most ${MAX_ALLOWED_LOCAL_HOSTS} hosts`);
  }
  const hosts: string[] = [];
  for (const item of list) {
    const host = typeof item === 'string' ? item.trim().toLowerCase().replace(/\.$/, '') : '';
    if (host.length > 255 || !HOST.test(host)) {
      invalid(
        method,
        `"${String(item).slice(0, 80)}" is not a host name (write it as in a web address, e.g. wiki.intranet)`,
      );
    }
    if (!hosts.includes(host)) hosts.push(host);
  }
  return { allowedLocalHosts: hosts };
}

function clipPasteInput(method: string, value: unknown): ClipPasteInput {
  const input = objectOf(method, value, [
    'html',
    'text',
    'url',
    'title',
    'published',
    'onDuplicate',
    'fetchImages',
  ]);
  const result = defined({
    html: pastedContent(method, 'html', input.html),
    text: pastedContent(method, 'text', input.text),
    url: optionalUrl(method, 'url', input.url),
    title: optionalString(method, 'title', input.title, 1_000),
    published: optionalDay(method, 'published', input.published),
    onDuplicate: optionalChoice(method, 'onDuplicate', input.onDuplicate, DUPLICATE_POLICIES),
    fetchImages: optionalBoolean(method, 'fetchImages', input.fetchImages),
  });
  if (result.html === undefined && result.text === undefined) invalid(method, 'give "html" or "text"');
  return result;
}

function clipUrlInput(method: string, value: unknown): ClipUrlInput {
  const input = objectOf(method, value, ['url', 'onDuplicate']);
  const url = optionalUrl(method, 'url', input.url);
  if (url === undefined) invalid(method, '"url" is required');
  return defined({
    url,
    onDuplicate: optionalChoice(method, 'onDuplicate', input.onDuplicate, DUPLICATE_POLICIES),
  });
}

/** A calendar date YYYY-MM-DD that exists (2025-02-30 does not). */
function optionalDay(method: string, name: string, value: unknown): string | undefined {
  const day = optionalString(method, name, value, 10);
  if (day === undefined) return undefined;
  if (!isCalendarDate(day)) invalid(method, `"${name}" must be a date written YYYY-MM-DD`);
  return day;
}

function listSourcesOptions(method: string, value: unknown): ListSourcesOptions | undefined {
  if (value === undefined) return undefined;
  const input = objectOf(method, value, [
    'sort',
    'descending',
    'site',
    'from',
    'to',
    'trashed',
    'limit',
    'offset',
  ]);
  const options = defined({
    sort: optionalChoice(method, 'sort', input.sort, SOURCE_SORTS),
    descending: optionalBoolean(method, 'descending', input.descending),
    site: optionalString(method, 'site', input.site, 1_000),
    from: optionalDay(method, 'from', input.from),
    to: optionalDay(method, 'to', input.to),
    trashed: optionalBoolean(method, 'trashed', input.trashed),
    limit: optionalInteger(method, 'limit', input.limit, 1, MAX_LIST_LIMIT),
    offset: optionalInteger(method, 'offset', input.offset, 0, Number.MAX_SAFE_INTEGER),
  });
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    invalid(method, '"from" is after "to"');
  }
  return options;
}

/** A method taking one source id. */
function byId(method: string) {
  return (args: unknown[]): [SourceId] => {
    arity(method, args, 1, 1);
    return [sourceId(method, args[0])];
  };
}

/** Argument validators of the library area. */
export const LIBRARY_VALIDATORS: Validators<LibraryApi> = {
  clipFile: (args) => {
    arity('clipFile', args, 1, 1);
    return [clipFileInput('clipFile', args[0])];
  },
  clipPaste: (args) => {
    arity('clipPaste', args, 1, 1);
    return [clipPasteInput('clipPaste', args[0])];
  },
  clipUrl: (args) => {
    arity('clipUrl', args, 1, 1);
    return [clipUrlInput('clipUrl', args[0])];
  },
  listSources: (args) => {
    arity('listSources', args, 0, 1);
    const options = listSourcesOptions('listSources', args[0]);
    return options === undefined ? [] : [options];
  },
  listSites: (args) => {
    arity('listSites', args, 0, 0);
    return [];
  },
  getSource: byId('getSource'),
  getSourceOriginal: byId('getSourceOriginal'),
  deleteSource: byId('deleteSource'),
  restoreSource: byId('restoreSource'),
  guessPublished: (args) => {
    const m = 'guessPublished';
    arity(m, args, 1, 1);
    const input = objectOf(m, args[0], ['html', 'text', 'url']);
    return [
      defined({
        html: pastedContent(m, 'html', input.html),
        text: pastedContent(m, 'text', input.text),
        url: optionalUrl(m, 'url', input.url),
      }),
    ];
  },
  getClipNetworkSettings: (args) => {
    arity('getClipNetworkSettings', args, 0, 0);
    return [];
  },
  setClipNetworkSettings: (args) => {
    arity('setClipNetworkSettings', args, 1, 1);
    return [clipNetworkSettings('setClipNetworkSettings', args[0])];
  },
};
