/**
 * Page metadata from the places publishers put it: <meta> tags, Open Graph, JSON-LD (NewsArticle and
 * friends: headline, author, datePublished, publisher), microdata and the canonical link. Read from the
 * document before Readability rewrites it. Readability already reads the common sources; these values
 * fill only what it leaves empty (measured: they add no error where it has a value, and supply a date
 * on a sixth of the test pages where it has none).
 */
import { foldedText, type DomDocument } from './dom';
import { parseHttpUrl } from '../../../shared/url';

/** Metadata found in a page's markup; every field null when the page does not state it. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  /** Raw date string as the page wrote it (normalised later). */
  published: string | null;
  siteName: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  description: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /Article|BlogPosting|NewsArticle|Report|WebPage/;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the page's JSON-LD blocks, flattening arrays, @graph and mainEntity. */
function jsonLdObjects(document: DomDocument): JsonObject[] {
  const found: JsonObject[] = [];
  const pending: Json[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      pending.push(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json);
    } catch {
      // Broken JSON-LD is common on real pages; the other sources still apply.
    }
  }
  // Iterative walk: JSON-LD comes from the page, so its depth is not ours to trust.
  while (pending.length > 0 && found.length < 500) {
    const value = pending.pop();
    if (Array.isArray(value)) pending.push(...value);
    else if (isObject(value)) {
      found.push(value);
      if (value['@graph'] !== undefined) pending.push(value['@graph']);
      if (value.mainEntity !== undefined) pending.push(value.mainEntity);
    }
  }
  return found.reverse();
}

function typeOf(object: JsonObject): string {
  const type = object['@type'];
  return Array.isArray(type) ? type.filter((t) => typeof t === 'string').join(' ') : String(type ?? '');
}

/** A person/organisation name from a JSON-LD value: "A", {name: "A"} or a list of those. */
function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isObject(value)) return nameOf(value.name);
  return null;
}

function stringOf(value: Json | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The first non-empty `content` of the meta tags matching `selector`. */
function metaContent(document: DomDocument, selector: string): string | null {
  for (const meta of document.querySelectorAll(selector)) {
    const content = meta.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** Resolves `href` against `base`, keeping only http(s) results. */
export function absoluteHttpUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  return parseHttpUrl(href.trim(), base)?.href ?? null;
}

/** A byline cleaned of a leading "By" and refused when it is obviously not a name list. */
function cleanByline(byline: string | null): string | null {
  const cleaned = byline
    ?.replace(/\s+/g, ' ')
    .replace(/^by\s+/i, '')
    .trim();
  return cleaned && cleaned.length <= 100 ? cleaned : null;
}

const BYLINE_META =
  'meta[name="author"], meta[name="byl"], meta[name="sailthru.author"], meta[name="citation_author"], ' +
  'meta[property="author"], meta[property="article:author"], meta[itemprop="author"], meta[name="dc.creator" i]';
const BYLINE_ELEMENT =
  '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], a[rel~="author"], .byline__name, .author-name';
const DATE_META =
  'meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="date"], ' +
  'meta[name="pubdate"], meta[name="publishdate"], meta[name="publish-date"], meta[name="DC.date.issued"], ' +
  'meta[name="dcterms.created"], meta[name="sailthru.date"], meta[property="og:published_time"], ' +
  'meta[name="article.published"], meta[name="OriginalPublicationDate"], meta[name="DISPLAYDATE"], ' +
  'meta[name="parsely-pub-date"]';
const DATE_ELEMENT =
  'time[itemprop~="datePublished"], time[pubdate], [itemprop~="datePublished"][datetime], article time[datetime]';
/** /2024/03/18/ or /2024-03-18- in an article URL. */
const DATE_IN_URL = /\/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\/|$|\D)/;

/** Reads the metadata a page states about itself. `url` is where it came from, if known. */
export function readPageMetadata(document: DomDocument, url: string | undefined): PageMetadata {
  const articles = jsonLdObjects(document).filter((o) => ARTICLE_TYPE.test(typeOf(o)));
  const fromLd = (read: (o: JsonObject) => string | null): string | null => {
    for (const object of articles) {
      const value = read(object);
      if (value !== null) return value;
    }
    return null;
  };

  const title =
    fromLd((o) => stringOf(o.headline)) ??
    metaContent(document, 'meta[property="og:title"], meta[name="twitter:title"]') ??
    (foldedText(document.querySelector('title')) || null);

  let byline = cleanByline(
    fromLd((o) => nameOf(o.author ?? o.creator)) ?? metaContent(document, BYLINE_META),
  );
  if (byline === null) byline = cleanByline(foldedText(document.querySelector(BYLINE_ELEMENT)) || null);

  let published =
    fromLd((o) => stringOf(o.datePublished) ?? stringOf(o.dateCreated) ?? stringOf(o.uploadDate)) ??
    metaContent(document, DATE_META);
  if (published === null) {
    const time = document.querySelector(DATE_ELEMENT);
    published = time?.getAttribute('datetime') ?? time?.getAttribute('content') ?? null;
  }
  if (published === null && url !== undefined) {
    const match = url.match(DATE_IN_URL);
    if (match) published = `${match[1]}-${match[2]}-${match[3]}`;
  }

  const siteName =
    metaContent(document, 'meta[property="og:site_name"], meta[name="application-name"]') ??
    fromLd((o) => nameOf(o.publisher));

  const lang =
    document.documentElement?.getAttribute('lang')?.trim() ||
    metaContent(document, 'meta[http-equiv="content-language" i], meta[name="language"]') ||
    metaContent(document, 'meta[property="og:locale"]')?.replace('_', '-') ||
    null;

  const canonicalUrl =
    absoluteHttpUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), url) ??
    absoluteHttpUrl(metaContent(document, 'meta[property="og:url"]'), url) ??
    absoluteHttpUrl(url, undefined);

  const description = metaContent(
    document,
    'meta[name="description"], meta[property="og:description"], meta[name="twitter:description"]',
  );

  return { title, byline, published, siteName, lang, canonicalUrl, description };
}
