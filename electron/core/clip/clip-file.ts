/**
 * Files and folders into the clipper: picks the pipeline by extension, refuses oversized files before
 * reading them, and lists a folder's clippable files for bulk import (skipping the `_files` folders
 * browsers save page resources into).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { clipHtml, type ClipHtmlOptions } from './clip-html';
import { clipText } from './clip-text';
import { checkSize } from './decode';
import { ClipError } from './errors';
import type { ClippedArticle } from './types';

/** File extensions the clipper reads, lower-case with the dot. */
export const CLIPPABLE_EXTENSIONS: readonly string[] = [
  '.html',
  '.htm',
  '.xhtml',
  '.txt',
  '.text',
  '.md',
  '.markdown',
];

/** Options of {@link clipFile}. */
export interface ClipFileOptions extends Pick<ClipHtmlOptions, 'removeBoilerplate'> {
  /** The page's original URL; default: the "saved from url" note browsers write into saved pages. */
  url?: string;
}

/** The URL a browser noted when saving the page (`<!-- saved from url=(0044)https://... -->`). */
function savedFromUrl(html: string): string | undefined {
  const match = html.slice(0, 4096).match(/<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i);
  return match?.[1];
}

function readFailed(path: string, error: unknown): ClipError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : String(code ?? error);
  return new ClipError(
    'READ_FAILED',
    `${path} could not be read (${reason}). Check the path and try again.`,
    {
      cause: error,
    },
  );
}

/**
 * Clips one .html/.htm/.txt/.md file. Throws {@link ClipError} for anything it cannot use, including
 * folders and unsupported types (READ_FAILED, UNSUPPORTED, TOO_LARGE, EMPTY, BINARY, NO_ARTICLE...).
 */
export async function clipFile(path: string, options: ClipFileOptions = {}): Promise<ClippedArticle> {
  const what = basename(path);
  const extension = extname(path).toLowerCase();
  if (!CLIPPABLE_EXTENSIONS.includes(extension)) {
    throw new ClipError(
      'UNSUPPORTED',
      `${what}: Dossier clips .html, .htm, .txt and .md files${extension ? `, not ${extension}` : ''}. ` +
        'Open it in its own program and save or copy it as one of those.',
    );
  }
  let size: number;
  let isFile: boolean;
  try {
    const info = await stat(path);
    size = info.size;
    isFile = info.isFile();
  } catch (error) {
    throw readFailed(path, error);
  }
  if (!isFile)
    throw new ClipError(
      'UNSUPPORTED',
      `${what} is not a file. Pass a file, or a folder to import all of its files.`,
    );
  checkSize(size, what); // before reading: a 2 GB file must not be loaded just to be refused
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readFailed(path, error);
  }
  if (extension === '.txt' || extension === '.text') return clipText({ text: bytes, format: 'plain', what });
  if (extension === '.md' || extension === '.markdown')
    return clipText({ text: bytes, format: 'markdown', what });
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return clipHtml(
    { html: bytes, url: options.url ?? savedFromUrl(head) },
    { what, removeBoilerplate: options.removeBoilerplate },
  );
}

/**
 * The clippable files in a folder and its subfolders, sorted by path, skipping hidden entries and the
 * `NAME_files` resource folders browsers save next to `NAME.html`.
 */
export async function listClippableFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      throw readFailed(dir, error);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!/_files$/i.test(entry.name)) pending.push(path);
      } else if (entry.isFile() && CLIPPABLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) {
        found.push(path);
      }
    }
  }
  return found.sort();
}

/** Expands paths for bulk clipping: a folder becomes its clippable files, a file stays itself. */
export async function expandClipPaths(paths: readonly string[]): Promise<string[]> {
  const expanded: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) expanded.push(...(await listClippableFiles(path)));
    else expanded.push(path); // a missing file is reported by clipFile, in order, like any other failure
  }
  return expanded;
}
