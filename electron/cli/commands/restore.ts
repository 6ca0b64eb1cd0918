/** `dossier restore`: replaces a notebook's contents with a backup's (saving the current state first). */
import { resolveDataDir } from '../../core/paths';
import { lastGoodBackup } from '../../core/backup/recovery';
import { restoreNotebook } from '../../core/backup/restore-offline';
import { DATA_DIR_HELP, DATA_DIR_OPTION, parseCommandArgs, UsageError, type CliCommand } from '../command';

export const restore: CliCommand = {
  name: 'restore',
  summary: 'Restore a notebook from a backup (the current notebook is kept as a backup first)',
  usage: `Usage: dossier restore [--data-dir DIR] BACKUP
       dossier restore [--data-dir DIR] --latest

BACKUP is a name from \`dossier backup --list\` or the path of a backup file; --latest picks the newest
backup that passes its integrity check now. The backup is checked
first (a damaged one is refused and nothing changes) and brought up to this Dossier's schema on a copy.
Then:
- if the notebook opens, it is saved as a "before-restore" backup and its contents are replaced by the
  backup's in one transaction (quit the app first: it would keep showing what it had loaded);
- if it cannot be opened (damaged, or from a newer Dossier), it is renamed to
  dossier.sqlite.replaced-<time> (never deleted) and the backup takes its place.
${DATA_DIR_HELP}
  --latest        restore the newest good backup
  --json          print one JSON object instead of text`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: { ...DATA_DIR_OPTION, json: { type: 'boolean' }, latest: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length !== (values.latest ? 0 : 1)) {
      throw new UsageError(
        values.latest
          ? 'Give either --latest or a backup, not both.'
          : positionals.length === 0
            ? 'Name the backup to restore (or use --latest).'
            : 'Name one backup only.',
      );
    }
    const dataDir = resolveDataDir({ flag: values['data-dir'], env: io.env });
    let chosen = positionals[0];
    if (values.latest) {
      const good = lastGoodBackup(dataDir);
      if (good === null) {
        io.stderr.write(
          `dossier restore: there is no backup that passes its check in ${dataDir}. Nothing was changed.\n`,
        );
        return 1;
      }
      chosen = good.name;
    }
    const result = await restoreNotebook(dataDir, chosen!);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    }
    io.stdout.write(
      result.mode === 'replaced-rows'
        ? `Restored ${chosen} into ${dataDir}. The notebook as it was is saved as ${result.safetyBackup.name}.\n`
        : `Restored ${chosen} into ${dataDir}. The notebook that could not be opened was kept as ` +
            `${result.movedAside ?? '(there was none)'}.\n`,
    );
    return 0;
  },
};
