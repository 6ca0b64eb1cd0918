import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notebook } from '../../core/notebook';
import { makeTempDir } from '../../core/testing/temp-dir';
import { runCli } from '../testing';

let temp: ReturnType<typeof makeTempDir>;
let notebook: Notebook;

beforeEach(() => {
  temp = makeTempDir();
  notebook = Notebook.open({ dataDir: join(temp.dir, 'data'), host: 'test' });
});

afterEach(async () => {
  await notebook.close();
  temp.remove();
});

describe('dossier export --obsidian', () => {
  it('writes the vault from the command line and refuses a folder with files', async () => {
    await notebook.createNote({ title: 'From the CLI' });
    const vault = join(temp.dir, 'cli-vault');
    const made = await runCli(['export', '--obsidian', vault, '--data-dir', join(temp.dir, 'data')]);
    expect(made.code).toBe(0);
    expect(made.stderr).toMatch(/Wrote 1 note\(s\)/);
    expect(readdirSync(join(vault, 'Notes'))).toEqual(['From the CLI.md']);
    const again = await runCli(['export', '--obsidian', vault, '--data-dir', join(temp.dir, 'data')]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/not empty/);
  });
});
