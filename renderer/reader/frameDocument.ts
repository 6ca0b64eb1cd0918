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

/** The frame's Content-Security-Policy. */
export const FRAME_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

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

const FRAME_STYLE = `
:root { color-scheme: light dark; }
figure:not(:has(img, picture, video, svg))::before { content: "Image not kept: it could not be stored with the article"; display: block; padding: 1.5rem 1rem; margin-bottom: 0.4rem; border: 1px dashed currentColor; border-radius: 6px; font: 0.85rem system-ui, sans-serif; text-align: center; opacity: 0.75; }
html { font: 18px/1.65 Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif; }
body { margin: 0; padding: 1.5rem 2rem 4rem; color: #1d1d1f; background: #fbfaf7; }
article { max-width: 40rem; margin: 0 auto; overflow-wrap: break-word; }
img { max-width: 100%; height: auto; }
a { color: #2f5bb7; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc; color: #444; }
pre { white-space: pre-wrap; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ddd; padding: .2em .4em; }
mark.hl { background: none; color: inherit; border-radius: 2px; }
mark.hl-person { background: rgba(47, 91, 183, .14); box-shadow: inset 0 -2px rgba(47, 91, 183, .55); }
mark.hl-place { box-shadow: inset 0 -2px rgba(46, 125, 50, .6); }
mark.hl-org { box-shadow: inset 0 -2px rgba(142, 68, 173, .55); }
mark.hl-event { box-shadow: inset 0 -2px rgba(230, 126, 34, .7); }
mark.hl-quote { background: rgba(231, 195, 90, .28); }
mark.hl-speaker { box-shadow: inset 0 -2px rgba(179, 38, 30, .6); }
mark.hl-muted { opacity: .55; background: none; box-shadow: none; text-decoration: line-through dotted; }
mark.hl-focus { background: rgba(255, 200, 0, .65); outline: 2px solid rgba(230, 160, 0, .9); }
mark.hl[data-hl] { cursor: pointer; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e6e3; background: #1c1c1e; }
  a { color: #7ea2ff; }
  blockquote { color: #bbb; border-color: #555; }
  mark.hl-quote { background: rgba(231, 195, 90, .2); }
  mark.hl-focus { background: rgba(255, 200, 0, .45); }
}
`;

/** The complete srcdoc of the frame for an article. */
export function frameDocument(html: string, lang: string | null, title = ''): string {
  const safeLang = lang !== null && /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'en';
  // The title names the frame's document for assistive tech (escaped: it is the article's own text).
  const safeTitle = (title.trim() || 'Article').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return (
    `<!doctype html><html lang="${safeLang}"><head><meta charset="utf-8"><title>${safeTitle}</title>` +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
    `<meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}</style></head>` +
    `<body><article id="article">${sanitizeForReader(html)}</article></body></html>`
  );
}
