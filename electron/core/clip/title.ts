/**
 * Headline clean-up. Pages put their site's name after the headline in <title> ("Storm hits coast |
 * Daily Planet"); a library sorted by title reads better without it, and the site has its own column.
 * Only a suffix that names the site is removed: an earlier rule that also cut any short last part cut
 * real headline words ("-- STOLEN!!!") on 4 of the 130 readability test pages.
 */

/** Separators between a headline and a site name. */
const SEPARATOR = /\s+[|\-–—»·:]{1,2}\s+/;

/** Letters and digits only, lower-case, without a leading "the" or a trailing domain ending. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.(com|org|net|co\.uk|co|info|news)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when `suffix` names the site: its stated name, or its web address ("eHow" on ehow.com). */
function namesSite(suffix: string, siteName: string | null, url: string | null | undefined): boolean {
  const key = nameKey(suffix);
  if (key.length < 2) return false;
  if (siteName !== null && nameKey(siteName) === key) return true;
  let host = '';
  try {
    host = url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    return false;
  }
  const labels = host.replace(/^www\./, '').split('.');
  // The registrable label ("nytimes" of www.nytimes.com), or the whole host without its ending.
  return (
    labels.slice(0, -1).some((label) => label.replace(/[^a-z0-9]/g, '') === key) ||
    nameKey(host.replace(/^www\./, '')) === key
  );
}

/**
 * Drops a trailing " | Site" part when it names the site (its stated name or its web address) and the
 * rest is a real headline (three or more words). Like newer Readability releases, a short last part
 * after an en or em dash ("Lorem ipsum dolor sit amet – My website") also goes when five or more words
 * remain. Anything else after a separator ("-- STOLEN!!!", a chapter's book title, "| Code") is part
 * of the headline and stays.
 */
export function stripSiteSuffix(title: string, siteName: string | null, url?: string | null): string {
  const separators = [...title.matchAll(new RegExp(SEPARATOR.source, 'g'))];
  const separator = separators[separators.length - 1];
  if (separator === undefined) return title;
  const head = title.slice(0, separator.index).trim();
  const last = title.slice(separator.index + separator[0].length).trim();
  const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
  if (namesSite(last, siteName, url) && words(head) >= 3) return head;
  if (/^\s+[–—]\s+$/.test(separator[0]) && words(last) <= 3 && words(head) >= 5) return head;
  return title;
}

/** A title for text without one: its first line, shortened to a readable length. */
export function titleFromFirstLine(text: string, fallback: string): string {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (line === undefined) return fallback;
  return line.length <= 120 ? line : `${line.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}
