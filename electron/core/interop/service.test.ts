/**
 * Whole-notebook exports and imports as the app runs them: into the data folder's `exports` folder,
 * with progress that other calls can read while the export runs, a result that can be revealed (when
 * the host can), and a JSON import that round-trips and refuses a bad file with nothing changed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteropProgress } from '../../../shared/areas/interop';
import { fillNotebook } from '../db/fixtures/fill';
import { openDatabase } from '../db/open';
import { Notebook } from '../notebook';
import { makeTempDir } from '../testing/temp-dir';
import { validateExportLine } from '../export/validate';

let temp: ReturnType<typeof makeTempDir>;
const open: Notebook[] = [];

beforeEach(() => {
  temp = makeTempDir();
});

afterEach(async () => {
  for (const notebook of open.splice(0)) await notebook.close();
  temp.remove();
});

function notebookIn(name: string, fill = 0, revealed?: string[]): Notebook {
  const dataDir = join(temp.dir, name);
  if (fill > 0) {
    const db = openDatabase(join(dataDir, 'dossier.sqlite'));
    fillNotebook(db, fill, 3);
    db.close();
  }
  const notebook = Notebook.open({
    dataDir,
    host: 'test',
    ...(revealed ? { hostHooks: { revealPath: async (path: string) => void revealed.push(path) } } : {}),
  });
  open.push(notebook);
  return notebook;
}

describe('exportNotebook', () => {
  it('writes a JSON export into exports/, answering progress while it runs, and it imports back', async () => {
    const source = notebookIn('a', 40);
    const seen: (InteropProgress | null)[] = [];
    const running = source.exportNotebook({ kind: 'json' });
    // Other calls are answered while the export runs (it pauses between batches of rows).
    for (let i = 0; i < 3; i++) {
      seen.push(await source.getInteropProgress());
      await source.listNotes();
    }
    const result = await running;
    expect(seen.some((p) => p !== null && p.job === 'json' && p.total > 0)).toBe(true);
    expect(await source.getInteropProgress()).toBeNull();
    expect(result).toMatchObject({ kind: 'json', folder: join(temp.dir, 'a', 'exports') });
    expect(result.name).toMatch(/^Dossier export \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2}\.jsonl$/);

    const text = readFileSync(result.path, 'utf8');
    // The description names every exported table, as the file's last line lists them.
    const end = JSON.parse(text.trimEnd().split('\n').at(-1)!) as { rows: Record<string, number> };
    const records = Object.values(end.rows).reduce((a, b) => a + b, 0);
    expect(result.description).toBe(
      `${records.toLocaleString('en-US')} record(s) of ${Object.keys(end.rows).length} table(s)`,
    );
    expect(
      text
        .trimEnd()
        .split('\n')
        .flatMap((line) => validateExportLine(JSON.parse(line))),
    ).toEqual([]);

    const target = notebookIn('b');
    const imported = await target.importNotebookJson({ name: result.name, data: text });
    expect(imported.backup).toBeNull();
    expect(imported.added).toBeGreaterThan(40 * 5);
    expect((await target.listNotes()).length).toBe((await source.listNotes()).length);
    // Into a notebook that now holds records, a second import backs up first and adds nothing.
    const again = await target.importNotebookJson({ name: result.name, data: text });
    expect(again).toMatchObject({ added: 0, updated: 0, backup: { kind: 'before-import', integrity: 'ok' } });
  });

  it('writes an Obsidian vault into exports/ and reveals it when the host can', async () => {
    const revealed: string[] = [];
    const notebook = notebookIn('a', 3, revealed);
    await notebook.createNote({ title: 'A note' });
    const result = await notebook.exportNotebook({ kind: 'obsidian' });
    expect(result.description).toMatch(/^4 note\(s\), 2 source\(s\)/);
    expect(readdirSync(join(result.path, 'Notes'))).toContain('A note.md');
    expect(await notebook.revealExport({ name: result.name })).toBe(true);
    expect(revealed).toEqual([result.path]);
    // Without the hook (browser host) the UI shows the path instead.
    const plain = notebookIn('c', 1);
    const other = await plain.exportNotebook({ kind: 'json' });
    expect(await plain.revealExport({ name: other.name })).toBe(false);
    await expect(plain.revealExport({ name: 'missing.jsonl' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('importNotebookJson', () => {
  it('refuses a file that is not an export, naming it, and changes nothing', async () => {
    const notebook = notebookIn('a', 2);
    const before = await notebook.listNotes();
    await expect(
      notebook.importNotebookJson({ name: 'notes.txt', data: 'hello\nworld' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^notes\.txt: Line 1 is not JSON\. Nothing was imported/),
    });
    expect(await notebook.listNotes()).toEqual(before);
    expect(existsSync(join(temp.dir, 'a', 'backups'))).toBe(false);
  });
});
