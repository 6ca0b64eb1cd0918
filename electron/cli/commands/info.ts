/**
 * `dossier info`: what a bug report needs to know about the app and a notebook, and what is wrong with
 * the notebook if anything. Creates and changes nothing: a folder without a notebook is reported as
 * such (a mistyped --data-dir must not leave an empty notebook behind), and a damaged one is diagnosed
 * without anything being written beside it (core/startup/inspect.ts).
 */
import type { AppInfo } from '../../../shared/model';
import { resolveDataDir } from '../../core/paths';
import { LATEST_SCHEMA_VERSION } from '../../core/db/migrate';
import { inspectNotebook } from '../../core/startup/inspect';
import { APP_VERSION } from '../../core/version';
import { DATA_DIR_HELP, DATA_DIR_OPTION, parseCommandArgs, type CliCommand } from '../command';

export const info: CliCommand = {
  name: 'info',
  summary: 'Show the version, data folder, database file and schema of a notebook, or what is wrong with it',
  usage: `Usage: dossier info [--data-dir DIR] [--check] [--json]

Prints facts about the notebook after checking it as the app does at start-up: nothing in DIR is
created or changed. The full check (PRAGMA quick_check, which reads every page) runs when the app
would run it: for notebooks up to 32 MB, and after Dossier stopped without closing. Exits with 1 when
there is no notebook in DIR or it cannot be used (damaged, written by a newer Dossier, its latest
changes lost with a missing -wal file).
${DATA_DIR_HELP}
  --check         always run the full check (seconds for a large notebook)
  --json          print one JSON object instead of text`,

  async run(argv, io) {
    const { values } = parseCommandArgs({
      args: argv,
      options: { ...DATA_DIR_OPTION, json: { type: 'boolean' }, check: { type: 'boolean' } },
      allowPositionals: false,
    });
    const dataDir = resolveDataDir({ flag: values['data-dir'], env: io.env });
    const found = inspectNotebook(dataDir, values.check === true ? { quickCheck: true } : {});

    if (found.kind === 'missing') {
      io.stderr.write(
        `No notebook at ${dataDir} (there is no ${found.databasePath}). Check --data-dir; nothing was created.\n`,
      );
      return 1;
    }
    if (found.kind === 'problem') {
      const { problem } = found;
      if (values.json) {
        io.stdout.write(
          `${JSON.stringify({ ok: false, dataDir, databasePath: found.databasePath, problem })}\n`,
        );
      } else {
        const details = problem.details.map((line) => `  ${line}`);
        io.stderr.write([`${problem.title}: ${problem.message}`, ...details, ''].join('\n'));
      }
      return 1;
    }

    const appInfo: AppInfo = {
      version: APP_VERSION,
      dataDir,
      databasePath: found.databasePath,
      schemaVersion: found.schemaVersion,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      sqliteVersion: found.sqliteVersion,
      host: 'cli',
    };
    if (values.json) {
      io.stdout.write(
        `${JSON.stringify({ ...appInfo, readOnly: found.readOnlyReason, quickChecked: found.quickChecked })}\n`,
      );
      return 0;
    }
    io.stdout.write(
      [
        `Dossier ${appInfo.version}`,
        `Data folder:  ${appInfo.dataDir}`,
        `Database:     ${appInfo.databasePath}`,
        `Schema:       ${appInfo.schemaVersion} (this Dossier knows up to ${appInfo.latestSchemaVersion})`,
        `SQLite:       ${appInfo.sqliteVersion}`,
        found.quickChecked
          ? `Check:        quick_check ok`
          : `Check:        opens; full check skipped for a large notebook closed cleanly (--check runs it)`,
        ...(found.readOnlyReason === null ? [] : [`Read-only:    ${found.readOnlyReason}`]),
        '',
      ].join('\n'),
    );
    return 0;
  },
};
