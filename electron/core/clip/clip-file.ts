/**
 * Files and folders into the clipper: picks the pipeline by extension, refuses oversized files before
 * reading them, and lists a folder's clippable files for bulk import (skipping the `_files` folders
 * browsers save page resources into).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isHttpUrl } from '../../../shared/url';
import { clipHtml, type ClipHtmlOptions } from './clip-html';
import { clipText } from './clip-text';
import { checkSize } from './decode';
import { ClipError } from './errors';
import { looksLikeMhtml, parseMhtml } from './mhtml';
import type { Resource } from './resources';
import type { ClippedArticle } from './types';
import { CLIPPABLE_FILES } from '../../../shared/areas/library';

/** File extensions the clipper reads, lower-case with the dot. */
export const CLIPPABLE_EXTENSIONS: readonly string[] = [
  '.html',
  '.htm',
  '.xhtml',
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.mhtml',
  '.mht',
];

/** Options of {@link clipFile}. */
export interface ClipFileOptions extends Pick<ClipHtmlOptions, 'boilerplate' | 'imageRefs'> {
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
 * Reads a file the clipper can use, refusing unsupported types, folders and files over the size limit
 * before reading them (a 2 GB file must not be loaded just to be refused). Throws {@link ClipError}.
 */
export async function readClipFile(path: string): Promise<Uint8Array> {
  const what = basename(path);
  const extension = extname(path).toLowerCase();
  let size: number;
  let isFile: boolean;
  try {
    // First: a path that does not exist is that, whatever its extension says.
    const info = await stat(path);
    size = info.size;
    isFile = info.isFile();
  } catch (error) {
    throw readFailed(path, error);
  }
  if (isFile && !CLIPPABLE_EXTENSIONS.includes(extension)) throw unsupported(what, extension);
  if (!isFile)
    throw new ClipError(
      'UNSUPPORTED',
      `${what} is not a file. Pass a file, or a folder to import all of its files.`,
    );
  checkSize(size, what);
  try {
    return await readFile(path);
  } catch (error) {
    throw readFailed(path, error);
  }
}

/**
 * Clips one .html/.htm/.mhtml/.txt/.md file. Throws {@link ClipError} for anything it cannot use,
 * including folders and unsupported types (READ_FAILED, UNSUPPORTED, TOO_LARGE, EMPTY, BINARY,
 * NO_ARTICLE...).
 */
export async function clipFile(path: string, options: ClipFileOptions = {}): Promise<ClippedArticle> {
  const bytes = await readClipFile(path);
  return clipBytes(basename(path), bytes, options).article;
}

/** What {@link clipBytes} found: the article and, for MHTML, the files saved inside it. */
export interface ClipBytesResult {
  article: ClippedArticle;
  /** Images and other parts of an MHTML file, named by their URL or `cid:`; [] for other files. */
  resources: Resource[];
}

function unsupported(name: string, extension: string): ClipError {
  return new ClipError(
    'UNSUPPORTED',
    `${name}: Dossier clips ${CLIPPABLE_FILES}${extension ? `, not ${extension}` : ''}. ` +
      'Open it in its own program and save or copy it as one of those.',
  );
}

/**
 * Clips a file's bytes, picking the pipeline by the extension of `name` (the file name, also used in
 * messages). Throws {@link ClipError} like {@link clipFile}.
 */
export function clipBytes(name: string, bytes: Uint8Array, options: ClipFileOptions = {}): ClipBytesResult {
  const what = basename(name) || name;
  const extension = extname(name).toLowerCase();
  if (!CLIPPABLE_EXTENSIONS.includes(extension)) throw unsupported(what, extension);
  checkSize(bytes.byteLength, what);
  if (extension === '.txt' || extension === '.text') {
    return { article: clipText({ text: bytes, format: 'plain', what }), resources: [] };
  }
  if (extension === '.md' || extension === '.markdown') {
    return { article: clipText({ text: bytes, format: 'markdown', what }), resources: [] };
  }
  const htmlOptions = { what, boilerplate: options.boilerplate, imageRefs: options.imageRefs };
  if (extension === '.mhtml' || extension === '.mht' || looksLikeMhtml(bytes)) {
    const page = parseMhtml(bytes, what);
    const location = page.html.location;
    const url = options.url ?? (location !== null && isHttpUrl(location) ? location : undefined);
    const article = clipHtml({ html: page.html.bytes, url, contentType: page.html.contentType }, htmlOptions);
    const resources = page.resources.flatMap((part) =>
      part.location === null ? [] : [{ path: part.location, data: part.bytes }],
    );
    return { article, resources };
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const article = clipHtml({ html: bytes, url: options.url ?? savedFromUrl(head) }, htmlOptions);
  return { article, resources: [] };
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
