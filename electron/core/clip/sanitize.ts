/**
 * Clip-time sanitizer: the article allow-list of shared/html-policy.ts over sanitize-html (htmlparser2,
 * no DOM needed; DOMPurify needs a real DOM: why, in bench/results/history.md). What is stored can hold
 * no script, event handler, style, form, frame, SVG, base/link/meta, data-* or id/name attribute, and
 * its URLs are absolute http(s) (images) or http(s)/mailto (links). The reader sanitizes again at
 * display with the same policy (renderer/reader/frameDocument.ts).
 */
import type sanitizeHtml from 'sanitize-html';
import { lazyModule } from '../lazy-module';
import {
  ARTICLE_ATTRIBUTES,
  ARTICLE_TAGS,
  DROPPED_WITH_CONTENT,
  LINK_SCHEMES,
  REMOTE_IMAGE_SCHEMES,
  STORED_IMAGE_REF,
} from '../../../shared/html-policy';
import { absoluteHttpUrl } from './metadata';

/** sanitize-html, loaded on first use (see lazy-module.ts). */
const sanitizer = lazyModule<typeof sanitizeHtml>('sanitize-html');

/** Turns a link into an absolute http(s)/mailto link, or returns null to drop the href. */
function safeHref(href: string | undefined, baseUrl: string | undefined): string | null {
  if (href === undefined) return null;
  const trimmed = href.trim();
  if (/^mailto:/i.test(trimmed)) return trimmed;
  return absoluteHttpUrl(trimmed, baseUrl);
}

/** Options of {@link sanitizeArticleHtml}. */
export interface SanitizeOptions {
  /** Keep `dossier-image:` image references (the library's own; see clipHtml's `imageRefs`). */
  imageRefs?: boolean;
  /**
   * Called with each image's src as the page wrote it (entities decoded); what it returns replaces
   * the src before the checks below (a `dossier-image:pending-N` reference, with `imageRefs`).
   */
  markImage?: (src: string) => string;
  /** More elements to drop with their content (page furniture such as `nav`), beyond the fixed list. */
  dropWithContent?: readonly string[];
  /**
   * For very large input (large-page.ts): images without a usable source are removed by one pass over
   * the output instead of sanitize-html's exclusiveFilter, which cuts the whole output string for
   * each one and so is quadratic on a page of many of them.
   */
  streaming?: boolean;
}

/** An `<img>` in sanitized output without a src (attribute values there never hold a raw `>`). */
const SOURCELESS_IMAGE = /<img(?![^>]*\ssrc=")[^>]*>/g;

function options(baseUrl: string | undefined, extra: SanitizeOptions): sanitizeHtml.IOptions {
  const imageSchemes = [...REMOTE_IMAGE_SCHEMES, ...(extra.imageRefs === true ? ['dossier-image'] : [])];
  return {
    allowedTags: ARTICLE_TAGS.filter((tag) => !(extra.dropWithContent ?? []).includes(tag)),
    allowedAttributes: Object.fromEntries(
      Object.entries(ARTICLE_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes]]),
    ),
    allowedSchemes: [...LINK_SCHEMES],
    allowedSchemesByTag: { img: imageSchemes },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'srcset', 'poster'],
    // Protocol-relative URLs are resolved below against the page; a leftover one is refused.
    allowProtocolRelative: false,
    allowedClasses: {},
    allowedStyles: {},
    allowVulnerableTags: false,
    disallowedTagsMode: 'discard',
    nonTextTags: [...DROPPED_WITH_CONTENT, ...(extra.dropWithContent ?? [])],
    transformTags: {
      a: (tagName, attribs) => {
        const href = safeHref(attribs.href, baseUrl);
        const kept: sanitizeHtml.Attributes = { rel: 'noopener noreferrer' };
        if (href !== null) kept.href = href;
        if (attribs.title !== undefined) kept.title = attribs.title;
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const given =
          attribs.src !== undefined && extra.markImage !== undefined
            ? extra.markImage(attribs.src)
            : attribs.src;
        const ref = extra.imageRefs === true && STORED_IMAGE_REF.test(given ?? '') ? given! : null;
        const src = ref ?? absoluteHttpUrl(given, baseUrl);
        const kept: sanitizeHtml.Attributes = { ...attribs };
        if (src === null) delete kept.src;
        else kept.src = src;
        return { tagName, attribs: kept };
      },
    },
    // An image without a usable source shows nothing but a broken icon.
    ...(extra.streaming === true
      ? {}
      : { exclusiveFilter: (frame: sanitizeHtml.IFrame) => frame.tag === 'img' && !frame.attribs.src }),
  };
}

/**
 * Sanitizes article HTML with Dossier's allow-list. `baseUrl` (the page's URL) makes relative links
 * and images absolute; without it, relative URLs are dropped. Links get rel="noopener noreferrer".
 */
export function sanitizeArticleHtml(html: string, baseUrl?: string, extra: SanitizeOptions = {}): string {
  const clean = sanitizer()(html, options(baseUrl, extra)).trim();
  return extra.streaming === true ? clean.replace(SOURCELESS_IMAGE, '') : clean;
}
