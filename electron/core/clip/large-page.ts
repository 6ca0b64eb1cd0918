/**
 * Clipping very large pages in bounded memory. A DOM of a 45 MB page takes gigabytes (linkedom holds
 * about 60 bytes per byte of HTML, and Readability walks it many times), so pages above
 * {@link LARGE_PAGE_CHARS} are read as a stream instead (htmlparser2, which the sanitizer uses too):
 *
 * 1. one scan finds the article: the innermost `<article>`, `<main>`, `role="main"` or
 *    `itemprop="articleBody"` element that holds most of the text, else the body; and the places,
 *    between blocks, where the article can be cut into slices;
 * 2. the metadata come from the `<head>` alone (its scripts and styles removed), read as usual;
 * 3. the article is sanitized slice by slice with the same allow-list as every clip, page furniture
 *    (nav, aside, form, footer) dropped with its content, and its text taken by a streaming walk.
 *
 * Memory is a small multiple of the page (the page, the sanitized article and its text); no step
 * looks at more than one slice of markup at a time. The article is found by structure, not by
 * Readability's scoring, so such a page keeps more of its furniture than a normal one would.
 */
import type * as Htmlparser2 from 'htmlparser2';
import { lazyModule } from '../lazy-module';
import { parseDocument } from './dom';
import { normalizePublished } from './dates';
import { ClipError } from './errors';
import { absoluteHttpUrl, readPageMetadata } from './metadata';
import { limitNesting } from './nesting';
import { sanitizeArticleHtml } from './sanitize';
import {
  BLOCK_ELEMENTS,
  LINE_BREAK,
  PARAGRAPH_BREAK,
  SKIPPED_ELEMENTS,
  contentHash,
  countWords,
  joinTextParts,
} from './text';
import { stripSiteSuffix, titleFromFirstLine } from './title';
import type { ClippedArticle, ImageRef } from './types';

/** htmlparser2, loaded on first use (see lazy-module.ts). */
const htmlparser2 = lazyModule<typeof Htmlparser2>('htmlparser2');

/** Pages longer than this (in characters of HTML) are clipped by this module instead of Readability. */
export const LARGE_PAGE_CHARS = 2 * 1024 * 1024;

/** About how much markup one slice holds. */
const SLICE_CHARS = 256 * 1024;

/** Most of the head that is parsed for metadata once scripts and styles are gone. */
const MAX_HEAD_CHARS = 512 * 1024;

/** Furniture dropped with its content on a large page (Readability removes it on a normal one). */
const FURNITURE = ['nav', 'aside', 'form', 'footer'];

/**
 * The only elements a slice may start inside: plain containers, which a cut merely splits in two (each
 * slice closes what it opened). Inside anything else a cut would change the article: a list item
 * without its list, the tail of a dropped `nav` let through, half a link.
 */
const CUTTABLE = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header']);

/** A share of the text above which a link-only page is refused, as in clipHtml. */
const MAX_LINK_SHARE = 0.9;

interface Candidate {
  start: number;
  end: number;
  text: number;
}

/** What the scan of the whole page found. */
interface PageScan {
  /** Where the head's markup ends (the body's start tag), or -1. */
  headEnd: number;
  /** The article's markup as [start, end) of the page. */
  region: [number, number];
  /** Indexes, inside the region, before which a slice may start. */
  cuts: number[];
}

function visibleLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13 && code !== 12 && code !== 160) count++;
  }
  return count;
}

function isCandidate(name: string, attribs: Record<string, string>): boolean {
  return (
    name === 'article' ||
    name === 'main' ||
    attribs.role?.toLowerCase() === 'main' ||
    attribs.itemprop?.toLowerCase() === 'articlebody'
  );
}

/** One pass over the page: where the head ends, which element is the article, where slices may start. */
function scanPage(html: string, sliceChars: number): PageScan {
  const open: { name: string; candidate: Candidate | null }[] = [];
  const candidates: Candidate[] = [];
  let bodyText = 0;
  let bodyStart = -1;
  let noCutDepth = 0;
  let skipDepth = 0;
  let lastCut = 0;
  const cuts: number[] = [];
  const parser: Htmlparser2.Parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attribs) {
        if (name === 'body' && bodyStart === -1) bodyStart = parser.startIndex;
        const upper = name.toUpperCase();
        if (noCutDepth === 0 && BLOCK_ELEMENTS.has(upper) && parser.startIndex - lastCut >= sliceChars) {
          cuts.push(parser.startIndex);
          lastCut = parser.startIndex;
        }
        // Void elements are opened and closed at once, so this count stays balanced.
        if (!CUTTABLE.has(name)) noCutDepth++;
        if (SKIPPED_ELEMENTS.has(upper)) skipDepth++;
        const candidate = isCandidate(name, attribs) ? { start: parser.startIndex, end: -1, text: 0 } : null;
        if (candidate !== null) candidates.push(candidate);
        open.push({ name, candidate });
      },
      ontext(text) {
        if (skipDepth > 0) return;
        const visible = visibleLength(text);
        if (visible === 0) return;
        bodyText += visible;
        for (const element of open) if (element.candidate !== null) element.candidate.text += visible;
      },
      onclosetag(name, isImplied) {
        const element = open.pop();
        if (element === undefined) return;
        if (!CUTTABLE.has(name)) noCutDepth--;
        if (SKIPPED_ELEMENTS.has(name.toUpperCase())) skipDepth--;
        if (element.candidate !== null) {
          element.candidate.end = Math.min(html.length, isImplied ? parser.startIndex : parser.endIndex + 1);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const region = chooseRegion(candidates, bodyText, bodyStart, html.length);
  return {
    headEnd: bodyStart,
    region,
    cuts: cuts.filter((at) => at > region[0] && at < region[1]),
  };
}

/**
 * The innermost candidate that holds at least 80% of the text of the fullest one, when that one holds
 * at least 40% of the page's text (an index page of teaser `<article>`s has none that does); else the
 * body.
 */
function chooseRegion(
  candidates: readonly Candidate[],
  bodyText: number,
  bodyStart: number,
  length: number,
): [number, number] {
  const closed = candidates.filter((c) => c.end > c.start);
  const fullest = Math.max(0, ...closed.map((c) => c.text));
  if (fullest > 0 && fullest >= 0.4 * bodyText) {
    const innermost = closed
      .filter((c) => c.text >= 0.8 * fullest)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0]!;
    return [innermost.start, innermost.end];
  }
  return [Math.max(0, bodyStart), length];
}

/** The page's metadata, read from its head (without scripts other than JSON-LD, and without styles). */
function headMetadata(html: string, headEnd: number, url: string | undefined) {
  const head = html
    .slice(0, headEnd >= 0 ? headEnd : Math.min(html.length, MAX_HEAD_CHARS))
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .slice(0, MAX_HEAD_CHARS);
  return readPageMetadata(parseDocument(`${head}</head><body></body></html>`), url);
}

/** Plain text and link text of sanitized HTML, by a streaming walk with the DOM walk's rules. */
function streamText(html: string, parts: string[]): { linkChars: number } {
  let skipDepth = 0;
  let linkDepth = 0;
  let linkChars = 0;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name) {
        const upper = name.toUpperCase();
        if (SKIPPED_ELEMENTS.has(upper)) skipDepth++;
        else if (upper === 'BR') parts.push(LINE_BREAK);
        else if (BLOCK_ELEMENTS.has(upper)) parts.push(PARAGRAPH_BREAK);
        if (upper === 'A') linkDepth++;
      },
      ontext(text) {
        if (skipDepth > 0) return;
        parts.push(text);
        if (linkDepth > 0) linkChars += visibleLength(text);
      },
      onclosetag(name) {
        const upper = name.toUpperCase();
        if (SKIPPED_ELEMENTS.has(upper)) skipDepth--;
        else if (BLOCK_ELEMENTS.has(upper)) parts.push(PARAGRAPH_BREAK);
        if (upper === 'A') linkDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return { linkChars };
}

/** Options of {@link clipLargeHtml}, as clipHtml has them. */
export interface LargePageOptions {
  url: string | undefined;
  what: string;
  imageRefs: boolean;
  /** About how much markup one slice holds (tests make it small). */
  sliceChars?: number;
}

function noArticle(what: string, detail: string): ClipError {
  return new ClipError(
    'NO_ARTICLE',
    `${what}: no article found (${detail}). It may be an index, login or cookie page; open the article ` +
      'itself and clip that page, or copy the article text and clip it as text.',
  );
}

/**
 * Clips a large page (already decoded and checked) as described above. Throws {@link ClipError}
 * NO_ARTICLE like clipHtml.
 */
export function clipLargeHtml(originalHtml: string, options: LargePageOptions): ClippedArticle {
  const { url, what } = options;
  const scan = scanPage(originalHtml, options.sliceChars ?? SLICE_CHARS);
  const page = headMetadata(originalHtml, scan.headEnd, url);
  const refs: ImageRef[] = [];
  const markImage = (src: string): string => {
    const raw = src.trim();
    if (raw === '' || /^data:/i.test(raw)) return raw;
    refs.push({ raw, absolute: absoluteHttpUrl(raw, url) });
    return `dossier-image:pending-${refs.length - 1}`;
  };
  const htmlParts: string[] = [];
  const textParts: string[] = [];
  let linkChars = 0;
  // Text is joined per slice: one list of every text node of a huge page would outweigh the page.
  const slicePieces: string[] = [];
  const bounds = [scan.region[0], ...scan.cuts, scan.region[1]];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const slice = limitNesting(originalHtml.slice(bounds[i], bounds[i + 1]));
    const clean = sanitizeArticleHtml(slice, url, {
      imageRefs: options.imageRefs,
      dropWithContent: FURNITURE,
      streaming: true,
      ...(options.imageRefs ? { markImage } : {}),
    });
    htmlParts.push(clean);
    linkChars += streamText(clean, slicePieces).linkChars;
    const sliceText = joinTextParts(slicePieces);
    slicePieces.length = 0;
    if (sliceText !== '') textParts.push(sliceText);
  }
  const html = htmlParts.join('\n');
  htmlParts.length = 0;
  const text = textParts.join('\n\n');
  textParts.length = 0;
  if (text === '') throw noArticle(what, 'the page has no text');
  if (linkChars / Math.max(1, visibleLength(text)) > MAX_LINK_SHARE) {
    throw noArticle(what, 'the page holds only links');
  }
  const firstParagraph = text.slice(0, 600).split('\n\n')[0] ?? '';
  return {
    title:
      stripSiteSuffix(page.title ?? '', page.siteName, page.canonicalUrl ?? url) ||
      titleFromFirstLine(text, 'Untitled page'),
    byline: page.byline,
    siteName: page.siteName,
    published: normalizePublished(page.published),
    lang: page.lang,
    canonicalUrl: page.canonicalUrl,
    text,
    html,
    excerpt: page.description ?? (firstParagraph === '' ? null : firstParagraph),
    wordCount: countWords(text),
    contentHash: contentHash(text),
    originalHtml,
    ...(options.imageRefs ? { imageRefs: refs } : {}),
  };
}
