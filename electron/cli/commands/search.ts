/** `dossier search QUERY`: searches a notebook and prints one JSON object per hit. */
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_QUERY_LENGTH,
  MAX_SEARCH_DEPTH,
  MAX_SEARCH_LIMIT,
} from '../../../shared/areas/search';
import {
  DATA_DIR_HELP,
  DATA_DIR_OPTION,
  parseCommandArgs,
  UsageError,
  withNotebook,
  writeJsonLines,
  type CliCommand,
} from '../command';

function count(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}

export const search: CliCommand = {
  name: 'search',
  summary: 'Search sources, notes, quotes and people; prints JSON Lines (one hit per line)',
  usage: `Usage: dossier search [--data-dir DIR] [--limit N] [--offset N] QUERY...

Searches the notebook like the app's search box and prints one JSON object per hit, best first:
type (source, note, quote, entity), id, title, snippet {text, highlights: [[start, end]...]}, date,
score, and for quotes sourceId, sourceTitle and speaker. Notes about the query (an unclosed quote, a
date that could not be read) go to stderr.

The query may hold "exact phrases" and filters: type:quote|source|note|person|event|entity,
speaker:NAME, from:2025-03-01, to:2025-03, site:bbc, in:title. Quote the query for your shell:
  dossier search 'speaker:putin "cease hostilities"'
${DATA_DIR_HELP}
  --limit N       hits to print, 1 to ${MAX_SEARCH_LIMIT} (default ${DEFAULT_SEARCH_LIMIT})
  --offset N      hits to skip first (default 0)`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: { ...DATA_DIR_OPTION, limit: { type: 'string' }, offset: { type: 'string' } },
      allowPositionals: true,
    });
    const query = positionals.join(' ');
    if (query.trim() === '') throw new UsageError('Say what to search for.');
    if (query.length > MAX_QUERY_LENGTH) {
      throw new UsageError(`The query is longer than ${MAX_QUERY_LENGTH} characters.`);
    }
    const limit = count('limit', values.limit, 1, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT);
    const offset = count('offset', values.offset, 0, MAX_SEARCH_DEPTH - limit, 0);
    const results = await withNotebook(
      values['data-dir'],
      io,
      (notebook) => notebook.search({ query, limit, offset }),
      'refuse',
      'refuse',
    );
    for (const warning of results.warnings) io.stderr.write(`dossier search: ${warning}\n`);
    writeJsonLines(io, results.hits);
    return 0;
  },
};
