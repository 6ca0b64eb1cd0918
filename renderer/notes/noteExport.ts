/**
 * Getting an exported note out of the app: a file named after the note (a Blob behind an
 * `<a download>`, which the browser host saves to Downloads and Electron answers with its native
 * Save dialog), or the clipboard.
 */
import type { NoteExportFormat } from '../../shared/areas/notes';
import { noteFileName } from '../../shared/file-name';

export { MAX_STEM_LENGTH } from '../../shared/file-name';

const EXTENSIONS: Readonly<Record<NoteExportFormat, string>> = { markdown: 'md', html: 'html' };
const MIME_TYPES: Readonly<Record<NoteExportFormat, string>> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** A file name for a note: see shared/file-name.ts (the core names note links in HTML exports the same way). */
export function exportFileName(title: string, format: NoteExportFormat): string {
  return noteFileName(title, EXTENSIONS[format]);
}

/** The MIME type a note exported as `format` is saved with. */
export function noteMimeType(format: NoteExportFormat): string {
  return MIME_TYPES[format];
}

/** Offers `text` as a file named `fileName` (the browser's download, or Electron's Save dialog). */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after this task; give it time before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Puts `text` on the clipboard. Uses the asynchronous Clipboard API, and falls back to a hidden text
 * area and `execCommand('copy')` where that API is refused (Electron denies browser permissions).
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  previous?.focus();
  if (!copied) throw new Error('The clipboard refused the text. Use “Export as Markdown…” instead.');
}
