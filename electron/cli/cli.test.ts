import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Notebook } from '../core/notebook';
import { COMMANDS, type CliCommand } from './index';
import { runCli } from './testing';

const repo = resolve(import.meta.dirname, '../..');
const packageVersion = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Runs `dossier <argv>` in-process with captured output and an environment without DOSSIER_DATA_DIR. */
const dossier = runCli;

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dossier', () => {
  it('--help lists every command with its summary', async () => {
    for (const argv of [['--help'], ['-h'], [], ['help']]) {
      const { code, stdout, stderr } = await dossier(argv);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^Usage: dossier <command>/);
      for (const command of COMMANDS) expect(stdout).toContain(`  ${command.name} `);
      expect(stdout).toContain('notes');
      expect(stdout).toContain('info');
    }
  });

  it('--version prints the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = await dossier([flag]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${packageVersion}\n`);
    }
  });

  it('<command> --help and help <command> print that command usage without running it', async () => {
    const dataDir = join(tempDir(), 'never-created');
    for (const argv of [
      ['info', '--help'],
      ['help', 'info'],
      ['info', '--data-dir', dataDir, '-h'],
    ]) {
      const { code, stdout } = await dossier(argv);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: dossier info/);
    }
    expect(existsSync(dataDir)).toBe(false);
    expect((await dossier(['notes', '--help'])).stdout).toMatch(/^Usage: dossier notes list/);
  });

  it('an unknown command or option exits 2 with a clear message', async () => {
    const unknown = await dossier(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(
      'dossier: unknown command "frobnicate". Run `dossier --help` to see the commands.\n',
    );
    const option = await dossier(['--frob']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown option "--frob"');
  });

  it('a mistyped option or action of a command exits 2 with its usage', async () => {
    const badOption = await dossier(['info', '--nope']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--nope'");
    expect(badOption.stderr).toContain('Usage: dossier info');
    const noAction = await dossier(['notes']);
    expect(noAction.code).toBe(2);
    expect(noAction.stderr).toContain('Usage: dossier notes list');
    expect((await dossier(['notes', 'erase'])).stderr).toContain('Unknown action "erase"');
  });

  it('a command that throws an unexpected error exits 1 without a stack trace', async () => {
    const broken: CliCommand = {
      name: 'broken',
      summary: 'fails',
      usage: 'Usage: dossier broken',
      run: () => Promise.reject(new Error('boom')),
    };
    const { code, stderr } = await dossier(['broken'], {}, [broken]);
    expect(code).toBe(1);
    expect(stderr).toBe('dossier broken: Unexpected error: boom\n');
  });
});

describe('dossier info', () => {
  it('prints the version, data folder, database file and schema of a notebook', async () => {
    const dataDir = join(tempDir(), 'notebook');
    await Notebook.open({ dataDir, host: 'test' }).close();
    const { code, stdout, stderr } = await dossier(['info', '--data-dir', dataDir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Dossier ${packageVersion}`);
    expect(stdout).toContain(`Data folder:  ${dataDir}`);
    expect(stdout).toContain(`Database:     ${join(dataDir, 'dossier.sqlite')}`);
    expect(stdout).toMatch(/Schema: +\d+/);
  });

  it('--json prints the AppInfo, and DOSSIER_DATA_DIR is honoured', async () => {
    const dataDir = tempDir();
    await Notebook.open({ dataDir, host: 'test' }).close();
    const { code, stdout } = await dossier(['info', '--json'], { DOSSIER_DATA_DIR: dataDir });
    expect(code).toBe(0);
    const info = JSON.parse(stdout) as Record<string, unknown>;
    expect(info).toMatchObject({
      version: packageVersion,
      dataDir,
      databasePath: join(dataDir, 'dossier.sqlite'),
      host: 'cli',
    });
    expect(info.schemaVersion).toBe(info.latestSchemaVersion);
  });

  it('refuses a database written by a newer Dossier: exit 1, its message, no stack, file untouched', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'dossier.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 9999');
    db.close();
    const before = readFileSync(file);
    for (const argv of [['info'], ['notes', 'list']]) {
      const { code, stdout, stderr } = await dossier([...argv, '--data-dir', dataDir]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/newer/i);
      expect(stderr).toContain('9999');
      expect(stderr).not.toMatch(/\n\s+at /);
      // One line for the problem; `notes` adds the restore command and where to look further.
      expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('dossier notes list', () => {
  it('prints one JSON note summary per line, live or trashed', async () => {
    const dataDir = tempDir();
    const notebook = Notebook.open({ dataDir, host: 'test' });
    const first = await notebook.createNote({ title: 'First' });
    await notebook.createNote({ title: 'Second' });
    const gone = await notebook.createNote({ title: 'Gone' });
    await notebook.deleteNote(gone.id);
    await notebook.close();

    const live = await dossier(['notes', 'list', '--data-dir', dataDir]);
    expect(live.code).toBe(0);
    const lines = live.stdout.trimEnd().split('\n');
    expect(live.stdout.endsWith('\n')).toBe(true);
    const summaries = lines.map(
      (line) => JSON.parse(line) as { id: string; title: string; content?: string },
    );
    expect(summaries.map((s) => s.title).sort()).toEqual(['First', 'Second']);
    expect(summaries.find((s) => s.title === 'First')?.id).toBe(first.id);
    expect(summaries[0]).not.toHaveProperty('content');

    const trashed = await dossier(['notes', 'list', '--trashed', '--data-dir', dataDir]);
    expect(
      trashed.stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { title: string }).title),
    ).toEqual(['Gone']);
  });

  it('prints nothing for an empty notebook', async () => {
    const dir = tempDir();
    await Notebook.open({ dataDir: dir, host: 'test' }).close();
    const { code, stdout } = await dossier(['notes', 'list', '--data-dir', dir]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });
});

describe('the dossier bin', () => {
  it('explains how to build the CLI when out/main/cli.js is missing, or runs it when built', () => {
    const result = spawnSync(process.execPath, [join(repo, 'electron/cli/dossier.mjs'), '--version'], {
      encoding: 'utf8',
    });
    if (existsSync(join(repo, 'out/main/cli.js'))) {
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${packageVersion}\n`);
    } else {
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('run `npm run build`');
    }
  });
});
