/** What the clipper produces from one page or text file. */
export interface ClippedArticle {
  /** The article's headline, with a trailing " | Site name" removed; never empty. */
  title: string;
  /** Author(s) as the page states them, or null. */
  byline: string | null;
  /** The publication's name (Open Graph site_name or JSON-LD publisher), or null. */
  siteName: string | null;
  /** Publication date/time in ISO 8601 (`2025-03-18` or `2025-03-18T14:05:00Z`), or null. */
  published: string | null;
  /** The page's language tag (e.g. `en`, `de-CH`), or null. */
  lang: string | null;
  /** The canonical URL (link rel=canonical, og:url, else the URL it was clipped from), or null. */
  canonicalUrl: string | null;
  /** The body as plain text: paragraphs separated by one blank line. */
  text: string;
  /** The body as clean, sanitized HTML (strict allow-list; safe to store, sanitized again at display). */
  html: string;
  /** A short summary: the page's description, else the first paragraph. */
  excerpt: string | null;
  /** Number of words in `text`. */
  wordCount: number;
  /** sha256 (hex) of `text` with whitespace folded and lower-cased: equal for the same article. */
  contentHash: string;
  /** The input as decoded text, kept so a better extractor can re-run later. */
  originalHtml: string;
  /**
   * With the `imageRefs` option only: where each `dossier-image:pending-N` image of `html` came from
   * (entry N). The library resolves them to stored images.
   */
  imageRefs?: ImageRef[];
}

/** An image of a clipped page before it is stored: its src as the page wrote it, and resolved. */
export interface ImageRef {
  /** The src attribute as written (a relative path, a URL or a `cid:` reference). */
  raw: string;
  /** `raw` resolved against the page's URL, when that gives an http(s) URL. */
  absolute: string | null;
}

/** Input to {@link clipHtml}. */
export interface ClipHtmlInput {
  /** The page: raw bytes (decoded by BOM / UTF-8 / meta charset / windows-1252) or already a string. */
  html: string | Uint8Array;
  /** Where the page came from; relative links and images resolve against it. */
  url?: string;
  /** The HTTP Content-Type header, when known; its charset wins over the page's own label. */
  contentType?: string;
}
