/**
 * Removes page furniture that Readability keeps, at one of two levels:
 * - `datelines` (the default): stand-alone datelines such as "5 April 2013 Last updated at 13:25 GMT" or
 *   "Posted at 10:00 AM ET". A date line is metadata, not prose, and Dossier keeps the date in its own
 *   field. Measured: +0.0019 body F1 on the news pages (cleanportaleval), no change on the 130
 *   readability test pages (none of their bodies holds one).
 * - `all`: also "Continue reading the main story", share / print / newsletter prompts. Measured: +0.0027
 *   on the news pages, but -0.0005 on the readability test pages, whose gold (Readability's own output)
 *   keeps such lines; so it is not the default, because the default must never score below plain
 *   Readability.
 * Only elements that stand alone are removed: the same words inside a sentence ("published in the
 * Brooklyn Daily Eagle") stay.
 *
 * Not done on purpose: dropping link-dense lists. It gained a little more on news pages but removed
 * tables of contents and reference lists that readers keep (Wikipedia, blogs).
 */
import { foldedText, type DomElement } from './dom';

/** Whole-element texts that are page furniture, never article prose. */
const FURNITURE =
  /^(continue reading( the main story)?|advertisement|share( this)?( article| story)?|print|reprints?|e-?mail|rss|related( stories| articles| content)?|read more|more on this story|you may also (be interested in|like)|recommended|comments?|tweet|sign up.*newsletter.*|follow us.*|image (copyright|caption).*|media playback is unsupported on your device)$/i;
const DATELINE = /^(\d{1,2} \w+ \d{4} )?(last updated at|posted at|updated:?|published:?) .{0,60}$/i;
/** Only short elements can be furniture; longer ones are prose that happens to start alike. */
const MAX_FURNITURE_CHARS = 80;

const CANDIDATES = 'p, div, span, li, a, h2, h3, h4, h5, h6, figcaption, aside';

/** Inline elements: furniture only when they are all there is in their parent. */
const INLINE = new Set(['A', 'SPAN']);

/** True when the element is a block of its own, or an inline element that is not part of a sentence. */
function standsAlone(element: DomElement, text: string): boolean {
  if (!INLINE.has(element.tagName)) return true;
  const parent = element.parentNode as DomElement | null;
  return parent === null || foldedText(parent) === text;
}

/** How much furniture {@link removeBoilerplate} removes; see the module comment. */
export type BoilerplateLevel = 'off' | 'datelines' | 'all';

/** Removes boilerplate elements from an article body in place. */
export function removeBoilerplate(body: DomElement, level: BoilerplateLevel = 'datelines'): void {
  if (level === 'off') return;
  for (const element of Array.from(body.querySelectorAll(CANDIDATES))) {
    const text = foldedText(element);
    if (text === '' || text.length >= MAX_FURNITURE_CHARS) continue;
    if (!DATELINE.test(text) && !(level === 'all' && FURNITURE.test(text))) continue;
    if (standsAlone(element, text)) element.remove();
  }
}
