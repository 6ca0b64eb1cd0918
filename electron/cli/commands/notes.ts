/** `dossier notes list`: the notes of a notebook as JSON Lines. */
import {
  DATA_DIR_HELP,
  DATA_DIR_OPTION,
  parseCommandArgs,
  UsageError,
  withNotebook,
  writeJsonLines,
  type CliCommand,
} from '../command';

export const notes: CliCommand = {
  name: 'notes',
  summary: 'List notes as JSON Lines (one note summary per line)',
  usage: `Usage: dossier notes list [--data-dir DIR] [--trashed]

Prints one JSON object per note (id, title, excerpt, version, createdAt, updatedAt, deletedAt),
most recently updated first.
${DATA_DIR_HELP}
  --trashed       list the notes in the trash instead of the live ones`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: { ...DATA_DIR_OPTION, trashed: { type: 'boolean' } },
      allowPositionals: true,
    });
    const [action, ...rest] = positionals;
    if (action !== 'list') {
      throw new UsageError(
        action === undefined ? 'Say what to do with the notes: list.' : `Unknown action "${action}".`,
      );
    }
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}".`);
    const summaries = await withNotebook(
      values['data-dir'],
      io,
      (notebook) => notebook.listNotes({ trashed: values.trashed === true }),
      'refuse',
      'refuse',
    );
    writeJsonLines(io, summaries);
    return 0;
  },
};
