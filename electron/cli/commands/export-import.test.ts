/**
 * Issue 17's CLI findings and issue 19's import-json findings, end to end through the command line:
 * read-only commands refuse a folder with no notebook (as `info` does) and create nothing; a failed
 * import-json leaves nothing behind; an import into a notebook that holds records is preceded by a
 * checked `before-import` backup; values of the wrong type and timestamps in the future are refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillNotebook } from '../../core/db/fixtures/fill';
import { openDatabase } from '../../core/db/open';
import { exportNotebook } from '../../core/export/export';
import { makeTempDir } from '../../core/testing/temp-dir';
import { runCli } from '../testing';

let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});

afterEach(() => {
  temp.remove();
});

/** A notebook in `dir` filled with test data; returns its export's lines. */
function seeded(dir: string, count = 2, seed = 4): string[] {
  const db = openDatabase(path.join(dir, 'dossier.sqlite'));
  try {
    fillNotebook(db, count, seed);
    let text = '';
    exportNotebook(db, (line) => (text += line));
    return text.trimEnd().split('\n');
  } finally {
    db.close();
  }
}

function writeExport(name: string, lines: string[]): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('read-only commands in a folder with no notebook', () => {
  it.each([
    [['notes', 'list']],
    [['search', 'minister']],
    [['backup']],
    [['backup', '--list']],
    [['export', '--json']],
    [['export', '--obsidian', 'VAULT']],
  ])('%j refuses as info does and creates nothing', async (argv) => {
    const dataDir = path.join(temp.dir, 'mistyped');
    const vault = path.join(temp.dir, 'vault');
    const args = argv.map((a) => (a === 'VAULT' ? vault : a));
    const run = await runCli([...args, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`No notebook at ${dataDir}`);
    expect(run.stderr).toContain('nothing was created');
    expect(run.stdout).toBe('');
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(fs.existsSync(vault)).toBe(false);
  });

  it('names the backups there and how to restore them', async () => {
    const dataDir = path.join(temp.dir, 'lost');
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'backups', 'dossier-20260101T000000000Z-auto.sqlite'), 'x');
    const run = await runCli(['notes', 'list', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('holds 1 backup(s)');
    expect(run.stderr).toContain(`dossier restore --latest --data-dir ${dataDir}`);
    expect(fs.existsSync(path.join(dataDir, 'dossier.sqlite'))).toBe(false);
  });
});

describe('import-json', () => {
  it('leaves nothing behind when it fails into a folder without a notebook', async () => {
    const lines = seeded(path.join(temp.dir, 'a'));
    // Valid line by line, but a row points at a source the file does not hold: only the import finds it.
    const dangling = lines.filter(
      (line, i) => i !== lines.findIndex((l) => l.startsWith('{"table":"sources"')),
    );
    const fixedCounts = dangling.map((l) =>
      l.startsWith('{"end"')
        ? l.replace(/"sources":(\d+)/, (_, n: string) => `"sources":${Number(n) - 1}`)
        : l,
    );
    for (const [name, content] of [
      ['dangling.jsonl', fixedCounts],
      ['garbage.jsonl', ['{oops']],
      [
        'typed.jsonl',
        lines.map((l) =>
          l.startsWith('{"table":"notes"') ? l.replace(/"title":"[^"]*"/, '"title":12345') : l,
        ),
      ],
    ] as const) {
      const fresh = path.join(temp.dir, `new-${name}`);
      const run = await runCli(['import-json', '--data-dir', fresh, writeExport(name, [...content])]);
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toMatch(/Nothing was imported/);
      expect(fs.existsSync(fresh), name).toBe(false);
      // A folder that existed (empty) keeps existing, empty.
      const existing = path.join(temp.dir, `empty-${name}`);
      fs.mkdirSync(existing);
      expect(
        (await runCli(['import-json', '--data-dir', existing, writeExport(name, [...content])])).code,
      ).toBe(1);
      expect(tree(existing), name).toEqual([]);
    }
  });

  it('takes a checked backup before merging into a notebook that holds records, and none into an empty one', async () => {
    const file = writeExport('export.jsonl', seeded(path.join(temp.dir, 'a'), 2, 4));
    const empty = path.join(temp.dir, 'empty');
    const first = await runCli(['import-json', '--data-dir', empty, file]);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain('Backed up');
    expect(tree(path.join(empty, 'backups')).filter((n) => n.endsWith('.sqlite'))).toEqual([]);

    const busy = path.join(temp.dir, 'busy');
    seeded(busy, 1, 9);
    const before = await runCli(['notes', 'list', '--data-dir', busy]);
    const merged = await runCli(['import-json', '--data-dir', busy, file]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(
      /^Backed up the notebook before the import: dossier-\d{8}T\d{9}Z-before-import\.sqlite/,
    );
    const list = JSON.parse((await runCli(['backup', '--list', '--json', '--data-dir', busy])).stdout) as {
      backups: { kind: string; integrity: string }[];
    };
    expect(list.backups).toEqual([expect.objectContaining({ kind: 'before-import', integrity: 'ok' })]);
    // The backup holds the notebook as it was: restoring it undoes the import.
    const name = /(dossier-\S+-before-import\.sqlite)/.exec(merged.stderr)![1]!;
    expect((await runCli(['restore', name, '--data-dir', busy])).code).toBe(0);
    expect((await runCli(['notes', 'list', '--data-dir', busy])).stdout).toBe(before.stdout);
  });

  it('refuses a note from the future, keeping the local one, with no backup taken', async () => {
    const busy = path.join(temp.dir, 'busy');
    const lines = seeded(busy, 1, 9);
    const future = lines.map((l) =>
      l.startsWith('{"table":"notes"')
        ? l
            .replace(/"updated_at":"[^"]+"/, '"updated_at":"9999-12-31T00:00:00.000Z"')
            .replace(/"title":"[^"]*"/, '"title":"overwritten"')
        : l,
    );
    const run = await runCli(['import-json', '--data-dir', busy, writeExport('future.jsonl', future)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/updated_at is 9999-12-31T00:00:00.000Z, in the future/);
    expect((await runCli(['notes', 'list', '--data-dir', busy])).stdout).not.toContain('overwritten');
    expect(tree(path.join(busy, 'backups')).filter((n) => n.endsWith('.sqlite'))).toEqual([]);
  });
});
