/**
 * The document shown in the reader's sandboxed frame. The article HTML was sanitized when it was
 * clipped; it is sanitized again here with DOMPurify in the browser's own DOM (the parser that will
 * actually render it), with an allow-list as strict as the core's, and the frame gets its own CSP:
 * nothing loads except images embedded as data: URLs, and no script can run (the frame's sandbox has
 * no allow-scripts either).
 */
import DOMPurify from 'dompurify';
import { READER_FRAME_STYLE, READER_FRAME_STYLE_HASH } from '../../shared/reader-frame';

/** The frame's Content-Security-Policy: its one stylesheet (by hash) and data: images, nothing else. */
export const FRAME_CSP = `default-src 'none'; img-src data:; style-src ${READER_FRAME_STYLE_HASH}; base-uri 'none'; form-action 'none'`;

const ALLOWED_TAGS = (
  'a abbr article aside b bdi bdo blockquote br caption cite code dd del details dfn div dl dt em ' +
  'figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li main mark nav ol p pre q s ' +
  'samp section small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'
).split(' ');
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'datetime', 'cite', 'lang', 'dir'];

/** Links may point to the web or mail; images only to data:image (the local store, inlined). */
const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,/i;

/** The article HTML as the reader may show it. */
export function sanitizeForReader(html: string): string {
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href)) node.removeAttribute('href');
    }
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!SAFE_IMAGE.test(src)) node.remove();
    }
  });
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
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
