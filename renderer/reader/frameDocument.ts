/**
 * The document shown in the reader's sandboxed frame. The article HTML was sanitized when it was
 * clipped; it is sanitized again here with DOMPurify in the browser's own DOM (the parser that will
 * actually render it), reading the same allow-list as the clipper (shared/html-policy.ts), and the
 * frame gets its own CSP: nothing loads except images embedded as data: URLs, and no script can run
 * (the frame's sandbox has no allow-scripts either).
 */
import DOMPurify from 'dompurify';
import {
  ARTICLE_ATTRIBUTES,
  ARTICLE_TAGS,
  DISPLAY_IMAGE,
  DROPPED_WITH_CONTENT,
  isAllowedAttribute,
  isSafeLink,
  URL_ATTRIBUTES,
} from '../../shared/html-policy';
import { READER_FRAME_STYLE, READER_FRAME_STYLE_HASH } from '../../shared/reader-frame';

/** The frame's Content-Security-Policy: its one stylesheet (by hash) and data: images, nothing else. */
export const FRAME_CSP = `default-src 'none'; img-src data:; style-src ${READER_FRAME_STYLE_HASH}; base-uri 'none'; form-action 'none'`;

/** Every attribute some element may keep; the hook below holds each to its own elements. */
const ANY_ALLOWED_ATTRIBUTE = [...new Set(Object.values(ARTICLE_ATTRIBUTES).flat())];
/**
 * The allowed attributes that hold no URL. DOMPurify otherwise checks every value against
 * ALLOWED_URI_REGEXP, which silently dropped colspan="2", start="3" and datetime values.
 */
const PLAIN_VALUE_ATTRIBUTES = ANY_ALLOWED_ATTRIBUTE.filter((name) => !URL_ATTRIBUTES.includes(name));

/** The article HTML as the reader may show it. */
export function sanitizeForReader(html: string): string {
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (!isAllowedAttribute(node.nodeName.toLowerCase(), data.attrName)) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      if (!isSafeLink(node.getAttribute('href') ?? '')) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    // An image the store did not inline shows nothing but a broken icon (or would try the network).
    if (node.nodeName === 'IMG' && !DISPLAY_IMAGE.test(node.getAttribute('src') ?? '')) node.remove();
  });
  return purify.sanitize(html, {
    ALLOWED_TAGS: [...ARTICLE_TAGS],
    ALLOWED_ATTR: ANY_ALLOWED_ATTRIBUTE,
    ADD_URI_SAFE_ATTR: PLAIN_VALUE_ATTRIBUTES,
    FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/)/i,
    KEEP_CONTENT: true,
  });
}

/** The complete srcdoc of the frame for an article. */
export function frameDocument(html: string, lang: string | null, title = ''): string {
  const safeLang = lang !== null && /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'en';
  // The title names the frame's document for assistive tech (escaped: it is the article's own text).
  const safeTitle = (title.trim() || 'Article').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return (
    `<!doctype html><html lang="${safeLang}"><head><meta charset="utf-8"><title>${safeTitle}</title>` +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
    `<meta name="referrer" content="no-referrer"><style>${READER_FRAME_STYLE}</style></head>` +
    `<body><article id="article">${sanitizeForReader(html)}</article></body></html>`
  );
}
