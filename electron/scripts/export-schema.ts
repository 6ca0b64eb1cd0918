/**
 * `npm run export-schema`: writes electron/core/export/dossier-export.schema.json from the notebook
 * schema of this build (a fresh notebook at the latest migration). Run it after a migration changes a
 * table; the test in schema.test.ts fails until the committed file matches.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'prettier';
import { openDatabase } from '../core/db/open';
import { buildExportSchema } from '../core/export/schema';

const target = resolve(import.meta.dirname, '../core/export/dossier-export.schema.json');
const dir = mkdtempSync(join(tmpdir(), 'dossier-schema-'));
try {
  const db = openDatabase(join(dir, 'dossier.sqlite'));
  const schema = buildExportSchema(db);
  db.close();
  writeFileSync(target, await format(JSON.stringify(schema), { parser: 'json', printWidth: 110 }));
  console.log(`Wrote ${target} (schema ${String(schema['x-schemaVersion'])}).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
