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
