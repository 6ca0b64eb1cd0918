/** `dossier clip`: pages and text files -> clean articles as JSON Lines, without storing anything. */
import { clipFile, expandClipPaths, isClipError } from '../../core/clip';
import { parseCommandArgs, UsageError, type CliCommand } from '../command';
import { isHttpUrl } from '../../../shared/url';

/** One output line for a clipped file (the fields issue 3 specifies, in that order). */
interface ClipLine {
  file: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  text: string;
  html: string;
}

/** One output line for a file that could not be clipped. */
interface ClipFailureLine {
  file: string;
  error: { code: string; message: string };
}

export const clip: CliCommand = {
  name: 'clip',
  summary: 'Extract the article from HTML, text or Markdown files and print it as JSON Lines',
  usage: `Usage: dossier clip [--url URL] FILE|FOLDER...

Reads each .html/.htm/.txt/.md file (a folder: all such files in it) and prints one JSON object per
file: file, title, byline, siteName, published (ISO 8601), lang, text (paragraphs separated by a
blank line) and html (the sanitized article). Nothing is stored; \`dossier import\` stores.
A file that cannot be clipped prints {"file", "error": {"code", "message"}}; the others continue,
and the exit code is 1.
  --url URL       the page's original address: resolves relative links and images (one file only)`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: { url: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError('give at least one FILE or FOLDER to clip');
    const url = values.url;
    if (url !== undefined && !isHttpUrl(url)) {
      throw new UsageError(`--url must be an http:// or https:// address, not "${url}"`);
    }
    const files = await expandClipPaths(positionals);
    if (url !== undefined && files.length !== 1) {
      throw new UsageError(`--url describes one page, but ${files.length} files were given`);
    }
    let failed = 0;
    for (const file of files) {
      let line: ClipLine | ClipFailureLine;
      try {
        const article = await clipFile(file, { url });
        const { title, byline, siteName, published, lang, text, html } = article;
        line = { file, title, byline, siteName, published, lang, text, html };
      } catch (error) {
        if (!isClipError(error)) throw error;
        failed++;
        line = { file, error: { code: error.code, message: error.message } };
      }
      // One line per file as soon as it is done, so a long bulk run shows progress and can be piped.
      io.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return failed > 0 ? 1 : 0;
  },
};
