/**
 * `dossier extract`: read articles and print the people, dates, quotes and events found in them. Each
 * file is read the way `clip` reads it (binary files refused, charsets detected), and extracted in a
 * worker thread with a time bound, so one pathological file is reported and the others continue.
 */
import { readFile } from 'node:fs/promises';
import { isCalendarDate } from '../../../shared/dates';
import { clipHtml } from '../../core/clip/clip-html';
import { decodeBytes } from '../../core/clip/decode';
import { isClipError } from '../../core/clip/errors';
import { IsolatedJobError, IsolatedWorker } from '../../core/isolated/runner';
import { parseCommandArgs, UsageError, writeJsonLines, type CliCommand, type CliIo } from '../command';

/** Seconds one file's extraction may take unless --timeout says otherwise. */
const DEFAULT_TIMEOUT_S = 120;

export const extract: CliCommand = {
  name: 'extract',
  summary: 'Extract people, places, dates, quotes and events from article files (JSON Lines)',
  usage: `Usage: dossier extract [--date YYYY-MM-DD] [--html] [--timeout S] FILE...

Reads each FILE (plain text) and prints one JSON object per file: file, text (the text the offsets
index), people, places, organizations, dates, quotes, events, published (the date relative dates were
resolved against: given, inferred or none) and unresolvedDates. Offsets are JavaScript string indices.
Nothing is stored in the notebook.
  --date DATE     publication date that "on Thursday" or "last summer" resolve against (default: the
                  page's date, else one read from the text: a dateline, a date in the first lines or in
                  the web address; with none, relative dates stay unresolved, never read against today)
  --html          the files are web pages: clip the article out of them first
  --timeout S     stop a file's extraction after S seconds and go on with the next (default: ${DEFAULT_TIMEOUT_S})`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: { date: { type: 'string' }, html: { type: 'boolean' }, timeout: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError('Name at least one file to read.');
    const published = values.date;
    if (published !== undefined && !isCalendarDate(published)) {
      throw new UsageError(
        `--date wants a calendar date written YYYY-MM-DD; "${published}" is not one (check the month ` +
          'and the day).',
      );
    }
    const timeoutS = values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(values.timeout);
    if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
      throw new UsageError(`--timeout wants a number of seconds above 0, not "${values.timeout}".`);
    }
    const worker = new IsolatedWorker();
    try {
      const options = { published, html: values.html === true, timeoutS, worker };
      return (await extractFiles(positionals, options, io)) ? 1 : 0;
    } finally {
      await worker.close();
    }
  },
};

/** Extracts each file in turn; true when any of them failed (each failure is reported on stderr). */
async function extractFiles(
  files: readonly string[],
  options: { published: string | undefined; html: boolean; timeoutS: number; worker: IsolatedWorker },
  io: CliIo,
): Promise<boolean> {
  const { published } = options;
  let failed = false;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
      io.stderr.write(`dossier extract: cannot read ${file}: ${reason}. Check the path and try again.\n`);
      failed = true;
      continue;
    }
    let text: string;
    // A page's own publication date counts unless --date overrides it.
    let date = published;
    let url: string | null = null;
    try {
      if (options.html) {
        const article = clipHtml({ html: new Uint8Array(bytes) }, { what: file });
        text = article.text;
        const own = article.published?.slice(0, 10);
        if (own !== undefined && isCalendarDate(own)) date ??= own;
        url = article.canonicalUrl;
      } else {
        // As `clip` reads a text file: binary refused, the charset found from the bytes.
        text = decodeBytes(new Uint8Array(bytes), { what: file });
      }
    } catch (error) {
      if (!isClipError(error)) throw error;
      io.stderr.write(`dossier extract: ${error.message}\n`);
      failed = true;
      continue;
    }
    try {
      const extraction = await options.worker.run(
        'extract',
        // Without a date, one is read from the text or the page's address; never today's.
        { text, published: date ?? null, url },
        { timeoutMs: options.timeoutS * 1000 },
      );
      writeJsonLines(io, [{ file, text, ...extraction }]);
    } catch (error) {
      if (!(error instanceof IsolatedJobError)) throw error;
      io.stderr.write(
        `dossier extract: ${file} was skipped: ${error.message}` +
          (error.reason === 'timeout' ? ' (raise the bound with --timeout).\n' : '.\n'),
      );
      failed = true;
    }
  }
  return failed;
}
