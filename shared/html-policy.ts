/**
 * The one allow-list for article HTML. The clipper (electron/core/clip/sanitize.ts, sanitize-html at
 * clip time) and the reader (renderer/reader/frameDocument.ts, DOMPurify in the browser's DOM at
 * display time) both read it, so what is stored and what is shown cannot drift apart: no script, event
 * handler, style, form, frame, SVG, base/link/meta, class, id, data-* or aria-* attribute; links only to
 * the web or mail; images only from where each stage expects them.
 */

/** Elements an article body may keep: text structure, lists, tables, figures, links and images. */
export const ARTICLE_TAGS: readonly string[] = [
  ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'div', 'span'],
  ...['section', 'article', 'header', 'footer', 'aside', 'figure', 'figcaption', 'img', 'a'],
  ...['em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'q', 'cite'],
  ...['abbr', 'time', 'kbd', 'samp', 'var', 'wbr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
];

/**
 * Elements dropped together with their content: code, styles, embedded documents and form controls.
 * Everything else outside {@link ARTICLE_TAGS} is unwrapped (its text stays, the tag goes).
 */
export const DROPPED_WITH_CONTENT: readonly string[] = [
  ...['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'title'],
  ...['svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noembed', 'noframes'],
  ...['xmp', 'plaintext', 'head', 'audio', 'video', 'canvas', 'map'],
];

/** The attributes each element may keep; any other attribute goes. */
export const ARTICLE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  // `rel` is always Dossier's own "noopener noreferrer": the clipper replaces whatever the page had.
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start', 'reversed'],
  time: ['datetime'],
  abbr: ['title'],
};

/** The attributes that hold a URL (checked against the schemes below); the others hold plain values. */
export const URL_ATTRIBUTES: readonly string[] = ['href', 'src'];

/** Whether `attribute` may stay on `tag` (both lower case). */
export function isAllowedAttribute(tag: string, attribute: string): boolean {
  return ARTICLE_ATTRIBUTES[tag]?.includes(attribute) === true;
}

/** The URL schemes a link may use (relative links are made absolute at clip time, or dropped). */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** A link the reader may keep. */
export function isSafeLink(href: string): boolean {
  return /^(?:https?|mailto):/i.test(href.trim());
}

/** Image sources while clipping: the page's own absolute http(s) images, downloaded into the store. */
export const REMOTE_IMAGE_SCHEMES: readonly string[] = ['http', 'https'];

/** A stored image reference: `dossier-image:pending-N` (clip time) or `dossier-image:<id>` (stored). */
export const STORED_IMAGE_REF = /^dossier-image:[A-Za-z0-9_-]{1,64}$/;

/** The only images the reader shows: the stored ones, inlined as base64 data of a raster type. */
export const DISPLAY_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,/i;
