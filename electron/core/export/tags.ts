/**
 * Obsidian tags from entity names. A tag may hold letters, digits, `_`, `-` and `/` (nesting), no
 * spaces or other punctuation, and at least one character that is not a digit; anything else is not
 * read as a tag ("U.S.-election-2016-&-polls" would stop at "U").
 */

/** The Obsidian tag for `name` (without '#'), or null when nothing of it can be a tag. */
export function obsidianTag(name: string): string | null {
  const tag = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_\-/]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/-*\/-*/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '');
  if (tag === '') return null;
  return /^[\p{N}_\-/]*$/u.test(tag) ? `topic-${tag}` : tag;
}
