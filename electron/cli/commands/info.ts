/** `dossier info`: what a bug report needs to know about the app and a notebook. */
import { DATA_DIR_HELP, DATA_DIR_OPTION, parseCommandArgs, withNotebook, type CliCommand } from '../command';

export const info: CliCommand = {
  name: 'info',
  summary: 'Show the version, data folder, database file and schema of a notebook',
  usage: `Usage: dossier info [--data-dir DIR] [--json]

Opens the notebook (creating it if the folder is empty) and prints facts about it.
${DATA_DIR_HELP}
  --json          print one JSON object instead of text`,

  async run(argv, io) {
    const { values } = parseCommandArgs({
      args: argv,
      options: { ...DATA_DIR_OPTION, json: { type: 'boolean' } },
      allowPositionals: false,
    });
    const appInfo = await withNotebook(values['data-dir'], io, (notebook) => notebook.getAppInfo());
    if (values.json) {
      io.stdout.write(`${JSON.stringify(appInfo)}\n`);
      return 0;
    }
    io.stdout.write(
      [
        `Dossier ${appInfo.version}`,
        `Data folder:  ${appInfo.dataDir}`,
        `Database:     ${appInfo.databasePath}`,
        `Schema:       ${appInfo.schemaVersion} (this Dossier knows up to ${appInfo.latestSchemaVersion})`,
        `SQLite:       ${appInfo.sqliteVersion}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
