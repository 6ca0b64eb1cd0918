/**
 * The file name a single exported note gets: the name the app offers when the note is saved as Markdown
 * or HTML, and the name an HTML export links other notes by, so a folder of notes exported one by one
 * links up. (The Obsidian vault names its files with filenamify in the core, unique across the vault.)
 */

/** Longest file name stem kept, in characters: well under every file system's 255-byte limit. */
export const MAX_STEM_LENGTH = 100;

// Names Windows refuses whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A file name for a note: the title without characters Windows, macOS or Linux refuse (or that
 * would make a path), trimmed and shortened, "Untitled note" when nothing is left, plus the extension.
 */
export function noteFileName(title: string, extension: string): string {
  let stem = title
    // Path separators, characters Windows forbids, and control characters.
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot hides the file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem.length > MAX_STEM_LENGTH) stem = [...stem].slice(0, MAX_STEM_LENGTH).join('').trim();
  if (stem === '') stem = 'Untitled note';
  if (RESERVED.test(stem)) stem = `${stem} note`;
  return `${stem}.${extension}`;
}
