/**
 * The argument schemas of the library area (`shared/areas/library.ts`): the one description of
 * its methods' arguments. `shared/validate.ts` checks every call against them, and the argument types
 * are inferred from them. They live apart from the area's contract so that the UI, which imports the
 * area's constants but never validates, does not bundle them.
 */
import * as v from 'valibot';
import type { SourceId } from '../model';
import {
  args,
  day,
  flag,
  httpUrl,
  id,
  input,
  list,
  nonBlank,
  oneOf,
  text,
  validatorsOf,
  wholeNumber,
  type ArgsSchemas,
} from '../schema';
import {
  MAX_ALLOWED_LOCAL_HOSTS,
  MAX_CLIP_BYTES,
  MAX_LIST_LIMIT,
  MAX_RESOURCES,
  MAX_URL_LENGTH,
  type LibraryApi,
} from './library';

/**
 * What to do when a clip is the same article as a stored source (same canonical URL or content hash):
 * 'ask' (the default) stores nothing and answers `{ status: 'duplicate' }` so the UI can ask the user;
 * 'update' replaces the stored source's article with the new clip (its id, notes' links and reviews
 * stay); 'keep-both' stores the clip as a new source next to the old one.
 */
const duplicatePolicy = oneOf(['ask', 'update', 'keep-both']);
export type DuplicatePolicy = v.InferOutput<typeof duplicatePolicy>;

/** Base64 text of at most {@link MAX_CLIP_BYTES} bytes (4 characters per 3 bytes). */
const MAX_BASE64_LENGTH = Math.ceil(MAX_CLIP_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const base64 = v.pipe(
  text(MAX_BASE64_LENGTH),
  v.check((data) => data.length % 4 === 0 && BASE64.test(data), '{field} must be base64 text'),
);
const url = v.optional(httpUrl(MAX_URL_LENGTH));

/** A file to clip, as the UI read it (file picker, drag and drop) or the bookmarklet sent it. */
export const ClipFileInput = input({
  /**
   * The file name with its extension, which picks the pipeline: `.html`/`.htm`/`.xhtml` (a page),
   * `.mhtml`/`.mht` (a page saved as one file, with its images), `.txt`, `.md`.
   */
  name: nonBlank(1_000),
  /** The file's bytes, base64-encoded (the clipper detects the charset). */
  data: base64,
  /** The page's original URL, when known. */
  url,
  /**
   * Files the page refers to (a browser's `page_files/` folder): path relative to the page's folder, and
   * bytes in base64. Images among them are stored with the source.
   */
  resources: v.optional(
    v.pipe(
      list(input({ path: nonBlank(1_000), data: base64 }), MAX_RESOURCES, 'files'),
      v.check(
        (files) => files.reduce((total, file) => total + file.data.length, 0) <= MAX_BASE64_LENGTH * 2,
        '{field} are larger than 100 MB in all',
      ),
    ),
  ),
  onDuplicate: v.optional(duplicatePolicy),
  /**
   * Download the article's remote images that `resources` do not hold (needs `url` or a URL noted in
   * the page). Default false: clipping a file uses no network unless asked.
   */
  fetchImages: v.optional(flag()),
});
export type ClipFileInput = v.InferOutput<typeof ClipFileInput>;

/** Pasted HTML or text: at most {@link MAX_CLIP_BYTES} characters, refused with the size in words. */
const pasted = v.optional(
  v.pipe(
    v.string('{field} must be a string'),
    v.check(
      (content) => content.length <= MAX_CLIP_BYTES,
      (issue) =>
        `{field} is ${(String(issue.input).length / 1024 / 1024).toFixed(1)} MB; Dossier clips pages up ` +
        `to ${MAX_CLIP_BYTES / 1024 / 1024} MB. Clip only the article, or copy its text and clip that`,
    ),
  ),
);

/** Clipboard content to clip as a new source. */
export const ClipPasteInput = v.pipe(
  input({
    /** Pasted HTML (preferred when present). */
    html: pasted,
    /** Pasted plain text (used when there is no HTML). */
    text: pasted,
    /** Where the text came from, when the user says. */
    url,
    /** A title to use instead of the one found in the content. */
    title: v.optional(text(1_000)),
    /**
     * The publication date (YYYY-MM-DD) the user gives: "on Thursday" and "last summer" resolve against
     * it. Without it the page's date is used, else one read from the text (see `guessPublished`), else
     * none.
     */
    published: v.optional(day()),
    onDuplicate: v.optional(duplicatePolicy),
    /** Download the pasted HTML's remote images (needs `url` for relative ones). Default false. */
    fetchImages: v.optional(flag()),
  }),
  v.check((paste) => paste.html !== undefined || paste.text !== undefined, 'give "html" or "text"'),
);
export type ClipPasteInput = v.InferOutput<typeof ClipPasteInput>;

/** A web page to fetch and clip (the only call that uses the network). */
export const ClipUrlInput = input({
  url: httpUrl(MAX_URL_LENGTH),
  onDuplicate: v.optional(duplicatePolicy),
});
export type ClipUrlInput = v.InferOutput<typeof ClipUrlInput>;

/** Which sources to list, in which order. */
export const ListSourcesOptions = v.pipe(
  input({
    /** How to order the library; default 'clipped'. */
    sort: v.optional(oneOf(['clipped', 'published', 'title', 'site', 'words'])),
    /** Default: newest/largest first for dates and words, A to Z for title and site. */
    descending: v.optional(flag()),
    /** Only sources of this site name. */
    site: v.optional(text(1_000)),
    /** Only sources published on or after this date (YYYY-MM-DD). */
    from: v.optional(day()),
    /** Only sources published on or before this date (YYYY-MM-DD). */
    to: v.optional(day()),
    /** true: only sources in the trash. */
    trashed: v.optional(flag()),
    limit: v.optional(wholeNumber(1, MAX_LIST_LIMIT)),
    offset: v.optional(wholeNumber(0, Number.MAX_SAFE_INTEGER)),
  }),
  v.check(
    (options) => options.from === undefined || options.to === undefined || options.from <= options.to,
    '"from" is after "to"',
  ),
);
export type ListSourcesOptions = v.InferOutput<typeof ListSourcesOptions>;

/** How to order the library. */
export type SourceSort = NonNullable<ListSourcesOptions['sort']>;

/** What {@link LibraryApi.guessPublished} reads: the paste dialog's content. */
export const GuessPublishedInput = input({ html: pasted, text: pasted, url });
export type GuessPublishedInput = v.InferOutput<typeof GuessPublishedInput>;

/** A host name, an IPv4 address or a bracketed IPv6 address, as a URL writes its host. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*)$/;
const normalHost = (host: string): string => host.trim().toLowerCase().replace(/\.$/, '');
const host = v.pipe(
  v.custom<string>(
    (value) => typeof value === 'string' && normalHost(value).length <= 255 && HOST.test(normalHost(value)),
    (issue) =>
      `${typeof issue.input === 'string' ? `"${issue.input.slice(0, 80)}" is not` : '{field} must be'} a host name ` +
      '(write it as in a web address, e.g. wiki.intranet)',
  ),
  v.transform(normalHost),
);

/**
 * Where clipping may reach besides the public web. By default nowhere: a URL, a redirect or an image on
 * this computer or its network (loopback, private, link-local, metadata addresses ...) is refused, so
 * a page cannot make Dossier read what only this computer can reach.
 */
export const ClipNetworkSettings = input({
  /**
   * Host names (or literal addresses) the user clips from on purpose although they are local: an
   * intranet wiki, a newsroom archive. Matched exactly, lower-case, without a trailing dot.
   */
  allowedLocalHosts: v.pipe(
    list(host, MAX_ALLOWED_LOCAL_HOSTS, 'host names'),
    v.transform((hosts) => [...new Set(hosts)]),
  ),
});
export type ClipNetworkSettings = v.InferOutput<typeof ClipNetworkSettings>;

const sourceId = id<SourceId>('the source id');

/** The arguments of the library area's methods. */
export const LIBRARY_ARGS = {
  clipFile: args([ClipFileInput]),
  clipPaste: args([ClipPasteInput]),
  clipUrl: args([ClipUrlInput]),
  getClipNetworkSettings: args(),
  setClipNetworkSettings: args([ClipNetworkSettings]),
  listSources: args([], [ListSourcesOptions]),
  listSites: args(),
  getSource: args([sourceId]),
  getSourceOriginal: args([sourceId]),
  deleteSource: args([sourceId]),
  restoreSource: args([sourceId]),
  guessPublished: args([GuessPublishedInput]),
} satisfies ArgsSchemas<LibraryApi>;

/** Argument validators of the library area, from {@link LIBRARY_ARGS}. */
export const LIBRARY_VALIDATORS = validatorsOf<LibraryApi>(LIBRARY_ARGS);
