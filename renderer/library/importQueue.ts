/**
 * Bulk import as a queue the UI can watch and cancel: files are sent one at a time (the core clips
 * one page at a time anyway), so cancelling stops before the next file and everything already stored
 * stays. Pages saved by a browser bring their `name_files/` folder along as resources.
 */
import {
  MAX_BROWSER_IMPORT_BYTES,
  MAX_CLIP_BYTES,
  type ClipResult,
  type DuplicatePolicy,
} from '../../shared/areas/library';
import { ApiError } from '../../shared/errors';

/** One file to import, with the files its page refers to. */
export interface ImportItem {
  file: File;
  /** Path of the file inside a dropped or picked folder ('' for single files). */
  path: string;
  resources: File[];
}

/** What happened to one file. */
export type ImportOutcome =
  | { item: ImportItem; status: 'created' | 'updated'; title: string; warnings: string[] }
  | { item: ImportItem; status: 'skipped'; title: string }
  | { item: ImportItem; status: 'failed'; message: string };

/** Progress for the UI. */
export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
  outcomes: ImportOutcome[];
  cancelled: boolean;
  finished: boolean;
}

const PAGE = /\.(?:html?|xhtml|mhtml?|txt|text|md|markdown)$/i;

/** Encodes bytes as base64 without building one giant string argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function relativePath(file: File): string {
  return (file as File & { webkitRelativePath?: string }).webkitRelativePath ?? '';
}

/**
 * Turns picked or dropped files into import items: clippable files become items, and files under
 * `<page>_files/` (or `<page>-Dateien/` and similar "<name>_<suffix>" folders) next to a page become its
 * resources. Other files are left out.
 */
export function planImport(files: readonly File[]): ImportItem[] {
  const items: ImportItem[] = [];
  const others: File[] = [];
  for (const file of files) {
    if (PAGE.test(file.name) && !/_files\//.test(relativePath(file))) {
      items.push({ file, path: relativePath(file), resources: [] });
    } else others.push(file);
  }
  for (const item of items) {
    const folder = item.path.includes('/') ? item.path.slice(0, item.path.lastIndexOf('/') + 1) : '';
    const stem = item.file.name.replace(/\.[^.]+$/, '');
    const prefix = `${folder}${stem}_files/`;
    item.resources = others.filter((file) => relativePath(file).startsWith(prefix));
  }
  return items;
}

/** How much one file (with its resources) may weigh, and where that limit comes from. */
export interface ImportLimit {
  maxBytes: number;
  /** 'browser': the browser host's request size; 'clipper': the clipper's own page limit. */
  reason: 'browser' | 'clipper';
}

/**
 * The limit of the host this page runs in: in the app (the preload's `window.api`) files cross IPC
 * and only the clipper's 50 MB applies; in the browser they travel as base64 JSON in one request.
 */
export function hostImportLimit(): ImportLimit {
  const inApp = (globalThis as { api?: unknown }).api !== undefined;
  return inApp
    ? { maxBytes: 3 * MAX_CLIP_BYTES, reason: 'clipper' }
    : { maxBytes: MAX_BROWSER_IMPORT_BYTES, reason: 'browser' };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Why `item` cannot be sent, or null when it can. Checked before a byte is read, so a huge file costs
 * neither memory nor a request, and the user learns which file it was and what to do instead.
 */
export function sizeProblem(item: ImportItem, limit: ImportLimit): string | null {
  const name = item.path || item.file.name;
  const total = item.resources.reduce((sum, file) => sum + file.size, item.file.size);
  if (item.file.size > MAX_CLIP_BYTES) {
    return (
      `${name} is ${megabytes(item.file.size)}; Dossier clips pages of up to ${megabytes(MAX_CLIP_BYTES)}, ` +
      'and no news article is that large. Save the article alone (or as text) and import that.'
    );
  }
  // The API takes up to twice the page limit in resources (a saved page's images), the page apart.
  const resourceLimit = Math.min(limit.maxBytes, 2 * MAX_CLIP_BYTES);
  if (total <= limit.maxBytes && total - item.file.size <= resourceLimit) return null;
  const what =
    item.resources.length > 0
      ? `${name} and its ${item.resources.length} files come to ${megabytes(total)}`
      : `${name} is ${megabytes(total)}`;
  if (limit.reason === 'clipper') {
    return (
      `${what}; Dossier takes pages of up to ${megabytes(MAX_CLIP_BYTES)} with up to ` +
      `${megabytes(2 * MAX_CLIP_BYTES)} of files. Import the page without its folder.`
    );
  }
  return (
    `${what}; the browser version of Dossier accepts files of up to ${megabytes(limit.maxBytes)}. ` +
    `Import it with \`npx dossier import "${item.file.name}"\`, or in the Dossier app.`
  );
}

/** Asks the user what to do with a duplicate; resolves the policy to use, or 'skip'. */
export type AskDuplicate = (title: string, file: string) => Promise<DuplicatePolicy | 'skip'>;

/** The clip call the queue makes (the app's `api.clipFile`, or a fake in tests). */
export type ClipFile = (input: {
  name: string;
  data: string;
  resources?: { path: string; data: string }[];
  onDuplicate?: DuplicatePolicy;
}) => Promise<ClipResult>;

/**
 * Runs an import; `onProgress` sees every step; `signal` cancels before the next file. A file over
 * `limit` fails on its own with a message, and the import goes on with the next.
 */
export async function runImport(
  items: readonly ImportItem[],
  clipFile: ClipFile,
  askDuplicate: AskDuplicate,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal,
  limit: ImportLimit = hostImportLimit(),
): Promise<ImportProgress> {
  const progress: ImportProgress = {
    done: 0,
    total: items.length,
    current: null,
    outcomes: [],
    cancelled: false,
    finished: false,
  };
  const report = (): void => onProgress({ ...progress, outcomes: [...progress.outcomes] });
  for (const item of items) {
    if (signal.aborted) {
      progress.cancelled = true;
      break;
    }
    progress.current = item.path || item.file.name;
    report();
    const problem = sizeProblem(item, limit);
    progress.outcomes.push(
      problem !== null
        ? { item, status: 'failed', message: problem }
        : await importOne(item, clipFile, askDuplicate),
    );
    progress.done++;
  }
  progress.current = null;
  progress.finished = true;
  report();
  return progress;
}

async function importOne(
  item: ImportItem,
  clipFile: ClipFile,
  askDuplicate: AskDuplicate,
): Promise<ImportOutcome> {
  try {
    const data = toBase64(new Uint8Array(await item.file.arrayBuffer()));
    const folder = item.path.includes('/') ? item.path.slice(0, item.path.lastIndexOf('/') + 1) : '';
    const resources = await Promise.all(
      item.resources.map(async (file) => ({
        path: relativePath(file).slice(folder.length),
        data: toBase64(new Uint8Array(await file.arrayBuffer())),
      })),
    );
    const input = { name: item.file.name, data, ...(resources.length > 0 ? { resources } : {}) };
    let result = await clipFile(input);
    if (result.status === 'duplicate') {
      const choice = await askDuplicate(result.duplicateOf.title, item.file.name);
      if (choice === 'skip') return { item, status: 'skipped', title: result.duplicateOf.title };
      result = await clipFile({ ...input, onDuplicate: choice });
      if (result.status === 'duplicate') return { item, status: 'skipped', title: result.duplicateOf.title };
    }
    return { item, status: result.status, title: result.source.title, warnings: result.warnings };
  } catch (error) {
    const message =
      error instanceof ApiError || error instanceof Error
        ? error.message
        : `Could not import: ${String(error)}`;
    return { item, status: 'failed', message };
  }
}
