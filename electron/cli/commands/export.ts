/** `dossier export --json` and `dossier import-json`: a whole notebook as JSON Lines, and back. */
import fs from 'node:fs';
import path from 'node:path';
import { exportNotebook } from '../../core/export/export';
import { checkExport, type ImportSummary } from '../../core/export/import';
import { importWithBackup } from '../../core/export/import-file';
import { DATABASE_FILE, resolveDataDir } from '../../core/paths';
import { exportObsidian } from '../../core/export/obsidian';
import { readLinesSync } from '../../core/export/lines';
import {
  DATA_DIR_HELP,
  DATA_DIR_OPTION,
  parseCommandArgs,
  UsageError,
  withNotebook,
  type CliCommand,
} from '../command';
import { loadMarkdownTools } from '../../core/notes/markdown-tools';

export const exportJson: CliCommand = {
  name: 'export',
  summary: 'Export a notebook as JSON Lines (import it with import-json) or as an Obsidian vault',
  usage: `Usage: dossier export --json [--data-dir DIR] [--out FILE]
       dossier export --obsidian DIR [--data-dir DIR]

--obsidian writes an Obsidian vault into a new or empty folder: one Markdown file per note (YAML front
matter, [[file name|Title]] links, quotes as callouts with footnotes that link the quote in its source),
one per source (url, byline, site, published, clipped; its images in Attachments/; its quotes) and one
per person, place, organisation, event and topic (quotes by date; an event's date, place, participants
and sources).

Writes every source, note, entity, alias, mention, quote, event participant and source, link and user
decision as JSON Lines: a header line, one {"table","row"} line per record, and an end line with the
counts. Preferences and paired browsers stay with the computer and are not exported.

A notebook that cannot be opened normally (damaged, its latest changes lost, from a newer Dossier) is
exported from a private read-only copy of what can still be read; stderr says so, and the notebook
itself is not changed.
${DATA_DIR_HELP}
  --json          JSON Lines of every record
  --obsidian DIR  an Obsidian vault in DIR
  --out FILE      write to FILE (replaced if it exists) instead of standard output`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: {
        ...DATA_DIR_OPTION,
        json: { type: 'boolean' },
        out: { type: 'string' },
        obsidian: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    if (values.obsidian !== undefined) {
      if (values.json === true) throw new UsageError('Choose one format: --json or --obsidian DIR.');
      const vault = path.resolve(values.obsidian);
      return withNotebook(
        values['data-dir'],
        io,
        async (notebook) => {
          try {
            await loadMarkdownTools();
            const summary = notebook.runOnDatabase('export', false, (db) => exportObsidian(db, vault));
            io.stderr.write(
              `Wrote ${summary.notes} note(s), ${summary.sources} source(s) with ${summary.attachments} ` +
                `image(s) and ${summary.entities} entity page(s) to ${vault}.\n`,
            );
            return 0;
          } catch (error) {
            if (error instanceof Error && /not empty/.test(error.message))
              throw new UsageError(error.message);
            throw error;
          }
        },
        'read-what-remains',
        'refuse',
      );
    }
    if (values.json !== true) throw new UsageError('Say which format: --json or --obsidian DIR.');
    const out = values.out === undefined ? undefined : path.resolve(values.out);
    return withNotebook(
      values['data-dir'],
      io,
      async (notebook) =>
        notebook.runOnDatabase('export', false, (db) => {
          if (out === undefined) {
            exportNotebook(db, (line) => io.stdout.write(line));
            return 0;
          }
          // Written next to the target and renamed at the end: an interrupted export never looks complete.
          const temp = `${out}.partial`;
          const fd = fs.openSync(temp, 'w');
          let counts: Record<string, number>;
          try {
            counts = exportNotebook(db, (line) => void fs.writeSync(fd, line));
            fs.fsyncSync(fd);
          } finally {
            fs.closeSync(fd);
          }
          fs.renameSync(temp, out);
          const total = Object.values(counts).reduce((a, b) => a + b, 0);
          io.stderr.write(`Exported ${total} record(s) to ${out}.\n`);
          return 0;
        }),
      'read-what-remains',
      'refuse',
    );
  },
};

function describeSummary(summary: ImportSummary): string {
  const lines = Object.entries(summary).map(
    ([table, s]) =>
      `  ${table.padEnd(20)} ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.duplicates} duplicate(s) skipped`,
  );
  return lines.length === 0 ? '  (the export holds no records)\n' : `${lines.join('\n')}\n`;
}

export const importJson: CliCommand = {
  name: 'import-json',
  summary: 'Import a JSON export into a notebook (empty or not), merging records by id',
  usage: `Usage: dossier import-json [--data-dir DIR] [--json] FILE

Reads an export made by \`dossier export --json\` into the notebook, in one transaction. The whole
file is checked first against the export format's JSON Schema (electron/core/export/
dossier-export.schema.json): a truncated or damaged file, a value of the wrong type, a timestamp in the
future or a note that is not a Dossier note changes nothing, and an import that fails into a folder
that had no notebook leaves none behind. An export from an older Dossier is converted by the same
migrations that upgrade notebooks; one from a newer Dossier is refused. Before records are merged into
a notebook that already holds some, a "before-import" backup is written (\`dossier restore\` undoes the
import). Records are merged by id: new ones are added, a record the notebook has is replaced only by a
newer copy (later updated_at), and nothing is ever doubled.
${DATA_DIR_HELP}
  --json          print the summary as JSON`,

  async run(argv, io) {
    const { values, positionals } = parseCommandArgs({
      args: argv,
      options: { ...DATA_DIR_OPTION, json: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new UsageError('Name one export file to import.');
    const file = path.resolve(positionals[0]!);
    if (!fs.existsSync(file)) throw new UsageError(`There is no file ${file}.`);
    if (!fs.statSync(file).isFile()) throw new UsageError(`${file} is not a file.`);
    const dataDir = resolveDataDir({ flag: values['data-dir'], env: io.env });
    // Into a folder without a notebook, a bad file is refused before one is created at all (with a
    // notebook, its own state is checked first, then the file, before the backup).
    if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) checkExport(readLinesSync(file));
    const leftBehind = snapshot(dataDir);
    try {
      const result = await withNotebook(values['data-dir'], io, async (notebook) =>
        notebook.runOnDatabase('import-json', true, (db) =>
          importWithBackup(db, dataDir, () => readLinesSync(file)),
        ),
      );
      if (result.backup !== null) {
        io.stderr.write(
          `Backed up the notebook before the import: ${result.backup.name} (\`dossier restore ${result.backup.name}\` undoes it).\n`,
        );
      }
      io.stdout.write(
        values.json
          ? `${JSON.stringify(result.summary)}\n`
          : `Imported ${file}:\n${describeSummary(result.summary)}`,
      );
      return 0;
    } catch (error) {
      leftBehind.removeNew();
      throw error;
    }
  },
};

/**
 * What was in `dir` before a command, so a failed import into a folder that had no notebook can remove
 * the notebook files it created (and the folder, when it created that too).
 */
function snapshot(dir: string): { removeNew(): void } {
  const existed = fs.existsSync(dir);
  const before = new Set(existed ? fs.readdirSync(dir) : []);
  const hadNotebook = before.has(DATABASE_FILE);
  return {
    removeNew() {
      if (hadNotebook) return;
      if (!existed) {
        fs.rmSync(dir, { recursive: true, force: true });
        return;
      }
      for (const entry of fs.readdirSync(dir)) {
        if (!before.has(entry)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
      }
    },
  };
}
