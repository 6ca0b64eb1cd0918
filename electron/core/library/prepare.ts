/**
 * The three ways into the library (a file, a paste, a URL) turned into one shape: a clipped article with
 * its image references and the files that came with it. Nothing here touches the database; every
 * failure is a ClipError that the service reports as CLIP_FAILED.
 */
import type { ClipFileInput, ClipPasteInput, ClipUrlInput } from '../../../shared/areas/library';
import { clipBytes } from '../clip/clip-file';
import { clipHtml } from '../clip/clip-html';
import { clipText } from '../clip/clip-text';
import { ClipError } from '../clip/errors';
import type { FetchedArticle } from '../clip/fetch-page';
import type { Resource } from '../clip/resources';
import type { ClippedArticle } from '../clip/types';
import type { ClipProvenance } from '../context';
import { PART_CHARS, lengthOf, splitHtml, splitParts, storedInParts } from '../db/source-parts';

/** A clip ready to be stored; plain data, so it can come back from an isolated worker. */
export interface PreparedClip {
  article: ClippedArticle;
  /** Files that came with the page (its `page_files/`, the parts of an MHTML file). */
  resources: Resource[];
  /** May the article's remote images be downloaded? */
  fetchImages: boolean;
  /** Where it came from (the source's `url`), or null. */
  url: string | null;
  /** Names the input in messages: the file name or the URL. */
  what: string;
  /** A publication date the user gave (YYYY-MM-DD), which wins over the page's and any inferred. */
  published?: string;
  /** For a page sent by the browser clip endpoint: where it really came from. */
  provenance?: ClipProvenance;
  /**
   * A long article (one stored in parts) as it comes from an isolated worker: its text and both HTML
   * forms cut into the parts they are stored in, so no string of tens of megabytes is copied into,
   * joined or scanned in the notebook's thread. `article.text`, `article.html` and
   * `article.originalHtml` are then '' (read {@link articleText}, {@link textHead}).
   */
  pieces?: ArticlePieces;
}

/** The text and HTML of a long article in parts (see {@link PreparedClip.pieces}). */
export interface ArticlePieces {
  text: string[];
  html: string[];
  originalHtml: string[];
}

/** Cuts a long article into its parts (see {@link PreparedClip.pieces}); a short one is returned as it is. */
export function inPieces(prepared: PreparedClip): PreparedClip {
  const { article } = prepared;
  const content = { originalHtml: article.originalHtml, cleanHtml: article.html, plainText: article.text };
  if (prepared.pieces !== undefined || !storedInParts(content)) return prepared;
  return {
    ...prepared,
    article: { ...article, text: '', html: '', originalHtml: '' },
    pieces: {
      text: splitParts(article.text, PART_CHARS, true),
      html: splitHtml(article.html),
      originalHtml: splitHtml(article.originalHtml),
    },
  };
}

/** The length of the clip's text, whole or in pieces. */
export function textLength(prepared: PreparedClip): number {
  return lengthOf(prepared.pieces?.text ?? prepared.article.text);
}

/**
 * The start of the clip's text, at least `units` long when the text is (what the date and excerpt are
 * read from), without joining a long article's pieces.
 */
export function textHead(prepared: PreparedClip, units: number): string {
  if (prepared.pieces === undefined) return prepared.article.text;
  let head = '';
  for (const piece of prepared.pieces.text) {
    if (head.length >= units) break;
    head += piece;
  }
  return head;
}

function fromBase64(data: string): Uint8Array {
  return Buffer.from(data, 'base64');
}

/** A file as the UI or the CLI read it, with its `page_files/` resources. */
export function prepareFile(input: ClipFileInput): PreparedClip {
  const bytes = fromBase64(input.data);
  const { article, resources } = clipBytes(input.name, bytes, { url: input.url, imageRefs: true });
  const given: Resource[] = (input.resources ?? []).map((r) => ({ path: r.path, data: fromBase64(r.data) }));
  return {
    article,
    resources: [...given, ...resources],
    fetchImages: input.fetchImages === true,
    // The page's own URL when the file did not name one: the one noted in a saved page or MHTML.
    url: input.url ?? article.canonicalUrl,
    what: input.name,
  };
}

/** Pasted HTML (preferred) or text. */
export function preparePaste(input: ClipPasteInput): PreparedClip {
  const what = 'The pasted content';
  const article =
    input.html !== undefined && input.html.trim() !== ''
      ? clipHtml({ html: input.html, url: input.url }, { what, imageRefs: true })
      : clipText({ text: input.text ?? input.html ?? '', format: 'plain', what });
  const title = input.title?.trim();
  return {
    article: title ? { ...article, title } : article,
    resources: [],
    fetchImages: input.fetchImages === true,
    url: input.url ?? null,
    what,
    ...(input.published === undefined ? {} : { published: input.published }),
  };
}

/**
 * A page fetched for `input` (fetch-page.ts: rendered by the host's `fetchPage` in Electron, else
 * Node's fetch), clipped by its type against its final URL.
 */
export function prepareFetched(input: ClipUrlInput, fetched: FetchedArticle): PreparedClip {
  const type = fetched.contentType.split(';')[0]!.trim().toLowerCase();
  let article: ClippedArticle;
  if (type === '' || type === 'text/html' || type === 'application/xhtml+xml') {
    article = clipHtml(
      { html: fetched.body, url: fetched.url, contentType: fetched.contentType },
      { what: input.url, imageRefs: true },
    );
  } else if (type === 'text/plain' || type === 'text/markdown') {
    article = clipText({
      text: fetched.body,
      format: type === 'text/plain' ? 'plain' : 'markdown',
      what: input.url,
    });
  } else {
    throw new ClipError(
      'UNSUPPORTED',
      `${input.url} is ${type}, not a web page. Dossier clips HTML pages and text; open the file in its ` +
        'own program instead.',
    );
  }
  return { article, resources: [], fetchImages: true, url: fetched.url, what: input.url };
}
