/** `dossier backup`: writes a checked backup of a notebook now, or lists its backups. */
import type { BackupInfo } from '../../../shared/areas/backup';
import { formatBytes } from '../../../shared/format-bytes';
import {
  DATA_DIR_HELP,
  DATA_DIR_OPTION,
  parseCommandArgs,
  UsageError,
  withNotebook,
  type CliCommand,
} from '../command';

function describe(backup: BackupInfo): string {
  return `${backup.name}  ${backup.kind.padEnd(14)} ${formatBytes(backup.sizeBytes).padStart(9)}  ${backup.integrity}`;
}

export const backup: CliCommand = {
  name: 'backup',
  summary: 'Back up a notebook now (checked with PRAGMA integrity_check), or list its backups',
  usage: `Usage: dossier backup [--data-dir DIR] [--list] [--json]

Copies the notebook into the "backups" folder of its data folder with SQLite's online backup API (the
app may stay open), checks the copy, and prints its name. Old backups beyond the "keep" setting are
deleted. \`dossier restore NAME\` brings one back.
${DATA_DIR_HELP}
  --list          list the backups instead (newest first: name, kind, size, integrity)
  --json          print JSON instead of text`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: { ...DATA_DIR_OPTION, list: { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    if (values.list) {
      // Backups matter most when the notebook is damaged: list them from what can still be read.
      const list = await withNotebook(
        values['data-dir'],
        io,
        (notebook) => notebook.listBackups(),
        'read-what-remains',
        'refuse',
      );
      if (values.json) io.stdout.write(`${JSON.stringify(list)}\n`);
      else {
        io.stdout.write(`Backups in ${list.folder}:\n`);
        io.stdout.write(
          list.backups.length === 0 ? '  (none)\n' : list.backups.map((b) => `  ${describe(b)}\n`).join(''),
        );
      }
      return 0;
    }
    const made = await withNotebook(
      values['data-dir'],
      io,
      async (notebook) => {
        const info = await notebook.backupNow();
        return { info, folder: (await notebook.listBackups()).folder };
      },
      'refuse',
      'refuse',
    );
    if (values.json) io.stdout.write(`${JSON.stringify(made.info)}\n`);
    else
      io.stdout.write(
        `Backed up to ${made.folder}/${made.info.name} (${formatBytes(made.info.sizeBytes)}, integrity ${made.info.integrity}).\n`,
      );
    return 0;
  },
};
