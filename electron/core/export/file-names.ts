/**
 * File names for exported notes, sources and entity pages that Windows, macOS, Linux and Obsidian all
 * accept. filenamify removes what the operating systems refuse (`<>:"/\|?*`, control characters,
 * reserved names such as CON or LPT1, trailing dots and spaces); this adds what it leaves: the
 * characters Obsidian reads as link syntax (`# ^ [ ]`), a leading dot (a hidden file, which Obsidian
 * skips) and a limit in UTF-8 bytes (file systems count bytes: 255 per name), and keeps names unique
 * the way case-insensitive, normalising file systems compare them.
 */
import filenamify from 'filenamify';

/** Longest stem, in UTF-8 bytes: room for " (999)" and an extension under the 255-byte limit. */
export const MAX_STEM_BYTES = 200;

// What Obsidian reads as link syntax in a file name: it refuses to create such names itself.
const OBSIDIAN_RESERVED = /[#^[\]|]/g;

const utf8 = new TextEncoder();
const bytes = (s: string): number => utf8.encode(s).length;

/** Cuts `text` to at most `limit` UTF-8 bytes, never inside a character (grapheme). */
function cutToBytes(text: string, limit: number): string {
  if (bytes(text) <= limit) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (bytes(out + segment) > limit) break;
    out += segment;
  }
  return out;
}

/** A file name stem (no extension) for `title`, or `fallback` when nothing usable is left. */
export function safeStem(title: string, fallback: string): string {
  const clean = (text: string): string =>
    text.trim() === ''
      ? ''
      : filenamify(text, { replacement: ' ', maxLength: 1000 }).replace(/\s+/g, ' ').trim();
  const cleaned = clean(title.normalize('NFC').replace(OBSIDIAN_RESERVED, ' ')).replace(/^[.\s]+/, '');
  // Cutting can leave a trailing dot or space, or a reserved name ("CON.x" cut to "CON"): clean again.
  const stem = clean(cutToBytes(cleaned, MAX_STEM_BYTES));
  return stem === '' ? fallback : stem;
}

/** The key two names collide under on Windows and macOS (case and Unicode normalisation ignored). */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase().normalize('NFC');
}

/**
 * Hands out unique file stems: `Name`, then `Name (2)`, `Name (3)` ... for names that collide ignoring
 * case. One namer per vault keeps stems unique across folders, so a [[link]] by file name (which is how
 * Obsidian resolves links) always finds exactly one file.
 */
export class FileNamer {
  private readonly used = new Set<string>();

  /** Reserves a name that is not a stem (a folder, an attachment) so no stem takes it. */
  reserve(name: string): void {
    this.used.add(collisionKey(name));
  }

  /**
   * A unique stem for `title` (see {@link safeStem}). When the name is taken, `qualifier` says what this
   * one is ("Paris (place)"); numbers come after that ("Paris (place) (2)").
   */
  claim(title: string, fallback: string, qualifier = ''): string {
    let stem = safeStem(title, fallback);
    if (this.used.has(collisionKey(stem)) && qualifier.trim() !== '') {
      stem = safeStem(`${stem} (${qualifier})`, fallback);
    }
    let candidate = stem;
    for (let n = 2; this.used.has(collisionKey(candidate)); n++) candidate = `${stem} (${n})`;
    this.used.add(collisionKey(candidate));
    return candidate;
  }
}
