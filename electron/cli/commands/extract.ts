/** `dossier extract`: read articles and print the people, dates, quotes and events found in them. */
import { readFile } from 'node:fs/promises';
import { clipHtml } from '../../core/clip/clip-html';
import { extractArticle } from '../../core/extract';
import { parseCommandArgs, UsageError, writeJsonLines, type CliCommand } from '../command';

export const extract: CliCommand = {
  name: 'extract',
  summary: 'Extract people, places, dates, quotes and events from article files (JSON Lines)',
  usage: `Usage: dossier extract [--date YYYY-MM-DD] [--html] FILE...

Reads each FILE (plain text) and prints one JSON object per file: file, text (the text the offsets
index), people, places, organizations, dates, quotes, events, published (the date relative dates were
resolved against: given, inferred or none) and unresolvedDates. Offsets are JavaScript string indices.
Nothing is stored in the notebook.
  --date DATE     publication date that "on Thursday" or "last summer" resolve against (default: the
                  page's date, else one read from the text: a dateline, a date in the first lines or in
                  the web address; with none, relative dates stay unresolved, never read against today)
  --html          the files are web pages: clip the article out of them first`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: { date: { type: 'string' }, html: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError('Name at least one file to read.');
    const published = values.date;
    if (published !== undefined && !/^\d{4}-\d\d-\d\d$/.test(published)) {
      throw new UsageError(`--date wants a date as YYYY-MM-DD, not "${published}".`);
    }
    let failed = false;
    for (const file of positionals) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
        io.stderr.write(`dossier extract: cannot read ${file}: ${reason}. Check the path and try again.\n`);
        failed = true;
        continue;
      }
      let text = bytes.toString('utf8');
      // A page's own publication date counts unless --date overrides it.
      let date = published;
      let url: string | null = null;
      if (values.html === true) {
        try {
          const article = clipHtml({ html: new Uint8Array(bytes) }, { what: file });
          text = article.text;
          date ??= article.published?.slice(0, 10);
          url = article.canonicalUrl;
        } catch (error) {
          io.stderr.write(`dossier extract: ${error instanceof Error ? error.message : String(error)}\n`);
          failed = true;
          continue;
        }
      }
      const extraction = extractArticle(text, { published: date ?? null, url });
      writeJsonLines(io, [{ file, text, ...extraction }]);
    }
    return failed ? 1 : 0;
  },
};
