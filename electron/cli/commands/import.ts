/**
 * `dossier import`: stores pages, MHTML, text and Markdown files in the notebook's library, one JSON
 * line per file. A bad file is reported and the rest continue; nothing stored before is touched.
 */
import { basename, extname } from 'node:path';
import type { ClipFileInput, DuplicatePolicy } from '../../../shared/areas/library';
import { isApiError } from '../../../shared/errors';
import { collectLocalResources } from '../../core/clip/local-resources';
import { expandClipPaths, readClipFile } from '../../core/clip/clip-file';
import { isClipError } from '../../core/clip/errors';
import type { NotebookApi } from '../../../shared/api';
import { isHttpUrl } from '../../../shared/url';
import {
  DATA_DIR_HELP,
  DATA_DIR_OPTION,
  parseCommandArgs,
  UsageError,
  withNotebook,
  type CliCommand,
  type CliIo,
} from '../command';

const POLICIES: readonly DuplicatePolicy[] = ['ask', 'update', 'keep-both'];
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** One output line. */
type ImportLine =
  | { file: string; status: 'created' | 'updated'; id: string; title: string; warnings?: string[] }
  | { file: string; status: 'duplicate'; id: string; title: string; matchedBy: string }
  | { file: string; error: { reason: string; message: string } };

interface ImportOptions {
  onDuplicate: DuplicatePolicy;
  fetchImages: boolean;
  url: string | undefined;
}

/** Imports one file; every failure of the file becomes an error line, never an exception. */
async function importOne(notebook: NotebookApi, file: string, options: ImportOptions): Promise<ImportLine> {
  try {
    const bytes = await readClipFile(file);
    const isHtml = HTML_EXTENSIONS.has(extname(file).toLowerCase());
    const resources = isHtml ? await collectLocalResources(file, Buffer.from(bytes).toString('latin1')) : [];
    const input: ClipFileInput = {
      name: basename(file),
      data: Buffer.from(bytes).toString('base64'),
      onDuplicate: options.onDuplicate,
      fetchImages: options.fetchImages,
      resources: resources.map((r) => ({ path: r.path, data: Buffer.from(r.data).toString('base64') })),
      ...(options.url === undefined ? {} : { url: options.url }),
    };
    const result = await notebook.clipFile(input);
    if (result.status === 'duplicate') {
      const { id, title } = result.duplicateOf;
      return { file, status: 'duplicate', id, title, matchedBy: result.matchedBy };
    }
    const { id, title } = result.source;
    return {
      file,
      status: result.status,
      id,
      title,
      ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
    };
  } catch (error) {
    if (isClipError(error)) return { file, error: { reason: error.code, message: error.message } };
    if (isApiError(error) && error.code === 'CLIP_FAILED') {
      const reason = typeof error.details?.reason === 'string' ? error.details.reason : 'CLIP_FAILED';
      return { file, error: { reason, message: error.message } };
    }
    throw error; // the notebook itself failed (disk full, read-only): stop, do not report every file
  }
}

/** A one-line progress display, only when a person is watching stderr. */
function progress(io: CliIo, total: number): { show(done: number, file: string): void; end(): void } {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  if (!tty) return { show: () => undefined, end: () => undefined };
  return {
    show: (done, file) => io.stderr.write(`\r\x1b[K[${done}/${total}] ${basename(file).slice(0, 60)}`),
    end: () => io.stderr.write('\r\x1b[K'),
  };
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Store HTML, MHTML, text and Markdown files (or folders of them) in the library',
  usage: `Usage: dossier import [--data-dir DIR] [--on-duplicate ask|update|keep-both] [--fetch-images] PATH...

Clips each .html/.htm/.mhtml/.txt/.md file (a folder: all such files in it and its subfolders) into
the notebook's library, with the images saved next to each page (its page_files/ folder). Prints one
JSON object per file: {"file", "status": "created"|"updated"|"duplicate", "id", "title"} or
{"file", "error": {"reason", "message"}}. A file that fails does not stop the others and changes
nothing already stored; the exit code is then 1.
${DATA_DIR_HELP}
  --on-duplicate  what to do with an article already in the library (same canonical URL or text):
                  ask (default: store nothing, report "duplicate"), update (replace it), keep-both
  --fetch-images  download images that were not saved with a page (off: import uses no network)
  --url URL       the page's original address (one file only)`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: {
        ...DATA_DIR_OPTION,
        'on-duplicate': { type: 'string' },
        'fetch-images': { type: 'boolean' },
        url: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError('give at least one FILE or FOLDER to import');
    const policy = values['on-duplicate'] ?? 'ask';
    if (!(POLICIES as readonly string[]).includes(policy)) {
      throw new UsageError(`--on-duplicate must be ask, update or keep-both, not "${policy}"`);
    }
    const url = values.url;
    if (url !== undefined && !isHttpUrl(url)) {
      throw new UsageError(`--url must be an http:// or https:// address, not "${url}"`);
    }
    const files = await expandClipPaths(positionals);
    if (url !== undefined && files.length !== 1) {
      throw new UsageError(`--url describes one page, but ${files.length} files were given`);
    }
    const options: ImportOptions = {
      onDuplicate: policy as DuplicatePolicy,
      fetchImages: values['fetch-images'] === true,
      url,
    };
    let failed = 0;
    await withNotebook(values['data-dir'], io, async (notebook) => {
      const bar = progress(io, files.length);
      try {
        for (const [index, file] of files.entries()) {
          bar.show(index, file);
          const line = await importOne(notebook, file, options);
          if ('error' in line) failed++;
          io.stdout.write(`${JSON.stringify(line)}\n`);
        }
      } finally {
        bar.end();
      }
    });
    return failed > 0 ? 1 : 0;
  },
};
