/**
 * Page furniture taken out of an article: author hover cards and tooltips (The Hill's "Kristi
 * NoemKristi Lynn NoemSouth Dakota governor doubles down… MORE (R)"), share bars, newsletter and
 * related-links boxes that sit inside the article's own container, where Readability keeps them.
 * Furniture is marked before Readability (which drops the class names and roles these rules read) and
 * removed from its result, so Readability still chooses the article from the page as it was: taking
 * the elements out first changed its choice on some pages.
 *
 * Rules read structure, never words of particular pages:
 * - roles no article prose has: tooltip, dialog, alertdialog, menu, menubar, toolbar, navigation,
 *   search, complementary (asides);
 * - elements hidden from every reader (`hidden`, `aria-hidden="true"`, inline `display: none` or
 *   `visibility: hidden`) that are short or mostly links: a card that appears on hover, an icon's label;
 *   long hidden text (a collapsed "read more" half of an article) stays;
 * - class or id words of known furniture (hovercard, tooltip, popover, share, social, newsletter,
 *   related, recirculation, promo…) on elements that are short or mostly links.
 * An element holding the article itself (`article`, `main`, an articleBody, or several long paragraphs)
 * is never removed. Chosen on readability-test-pages and cleanportaleval, checked on trafilatura-eval's
 * snippets; figures in bench/results/eval.md.
 */
import { foldedText, type DomDocument, type DomElement } from './dom';

const FURNITURE_ROLES = new Set([
  'tooltip',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'navigation',
  'search',
  'complementary',
]);

/** Words of class names and ids that name furniture (matched as whole words of the name). */
const FURNITURE_WORDS = new Set([
  'hovercard',
  'tooltip',
  'popover',
  'share',
  'sharing',
  'sharebar',
  'shares',
  'social',
  'newsletter',
  'related',
  'recirc',
  'recirculation',
  'promo',
  'outbrain',
  'taboola',
]);
/** Two-word names: "author card", "hover card", "more stories", "read next". */
const FURNITURE_PAIRS = new Set(['author card', 'hover card', 'more stories', 'read next', 'most popular']);

/** Short enough to be a card or a bar rather than prose. */
const SHORT_CHARS = 250;
/** Hidden text up to this length is furniture; longer hidden text is probably collapsed article. */
const HIDDEN_MAX_CHARS = 400;
/** Mostly links: the share of an element's text inside links. */
const LINK_DENSE = 0.4;
/** A paragraph this long is prose; an element with this many of them holds the article. */
const PROSE_CHARS = 120;
const PROSE_PARAGRAPHS = 3;

function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** True when the class names or id of `element` name known furniture. */
export function hasFurnitureName(element: DomElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  for (const name of names.split(/\s+/)) {
    const parts = words(name);
    if (parts.some((word) => FURNITURE_WORDS.has(word))) return true;
    for (let i = 1; i < parts.length; i++)
      if (FURNITURE_PAIRS.has(`${parts[i - 1]} ${parts[i]}`)) return true;
  }
  return false;
}

function isHidden(element: DomElement): boolean {
  if (element.getAttribute('hidden') !== null) return true;
  // Readability's own exception: Wikipedia's math images are aria-hidden fallbacks that show.
  if (
    element.getAttribute('aria-hidden') === 'true' &&
    !/fallback-image/.test(element.getAttribute('class') ?? '')
  ) {
    return true;
  }
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function linkShare(element: DomElement, length: number): number {
  if (length === 0) return 0;
  let linked = 0;
  for (const link of element.querySelectorAll('a')) linked += foldedText(link).length;
  return linked / length;
}

/** True when `element` holds the article (or a good part of its prose): never furniture. */
function holdsArticle(element: DomElement): boolean {
  if (['ARTICLE', 'MAIN', 'BODY', 'HTML'].includes(element.tagName)) return true;
  if (element.querySelector('article, main, [itemprop="articleBody"]') !== null) return true;
  let prose = 0;
  for (const paragraph of element.querySelectorAll('p')) {
    if (foldedText(paragraph).length >= PROSE_CHARS && ++prose >= PROSE_PARAGRAPHS) return true;
  }
  return false;
}

/** Why `element` is furniture, or null when it is not (exported for tests). */
export function furnitureReason(element: DomElement): string | null {
  const role = element.getAttribute('role')?.trim().toLowerCase() ?? '';
  const byRole = FURNITURE_ROLES.has(role);
  const hidden = isHidden(element);
  const named = hasFurnitureName(element);
  if (!byRole && !hidden && !named) return null;
  if (holdsArticle(element)) return null;
  if (byRole) return `role=${role}`;
  const text = foldedText(element);
  const dense = linkShare(element, text.length) >= LINK_DENSE;
  if (hidden && (text.length <= HIDDEN_MAX_CHARS || dense)) return 'hidden';
  if (named && (text.length <= SHORT_CHARS || dense)) return 'furniture class';
  return null;
}

/** The attribute that marks furniture between Readability's two sides (it keeps data attributes). */
export const FURNITURE_MARK = 'data-dossier-furniture';

/** Marks page furniture in `document` (before Readability); returns how many elements. */
export function markPageFurniture(document: DomDocument): number {
  const body = document.body;
  if (body === null) return 0;
  let marked = 0;
  for (const element of Array.from(
    body.querySelectorAll('[role], [hidden], [aria-hidden], [style], [class], [id]'),
  )) {
    // Inside furniture already marked: it goes with it.
    if (element.closest(`[${FURNITURE_MARK}]`) !== null) continue;
    const reason = furnitureReason(element);
    if (reason !== null) {
      element.setAttribute(FURNITURE_MARK, reason);
      marked++;
    }
  }
  return marked;
}

/** Removes what {@link markPageFurniture} marked from an article body (Readability's result). */
export function removeMarkedFurniture(body: DomElement): void {
  for (const element of Array.from(body.querySelectorAll(`[${FURNITURE_MARK}]`))) element.remove();
}
