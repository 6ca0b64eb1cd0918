import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const entry = resolve(import.meta.dirname, 'index.ts');

/** Runs the entry from source; there the renderer build beside it is missing, as before `npm run build`. */
function runEntry(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('node out/main/web.js', () => {
  it('--help explains the options', () => {
    const { status, stdout } = runEntry(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--port N');
    expect(stdout).toContain('--data-dir DIR');
  });

  it('an unknown option exits 2 with the usage', () => {
    const { status, stderr } = runEntry(['--bogus']);
    expect(status).toBe(2);
    expect(stderr).toContain('Usage: node out/main/web.js');
  });

  it('says to build first when the renderer is not built, without a stack trace', () => {
    const { status, stdout, stderr } = runEntry(['--port', '0']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('Dossier is not built yet: run `npm run build` first (or use `npm run web`).\n');
  });
});
