import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './testing/fake-electron';

const fakes = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./testing/fake-electron');
  return { current: createFakeElectron() as FakeElectron };
});
vi.mock('electron', () => fakes.current.module);

const { isAllowedExternalUrl, openExternal } = await import('./external');

describe('openExternal', () => {
  beforeEach(() => fakes.current.shell.openExternal.mockClear());

  it.each(['https://example.com/a?b=c#d', 'http://example.com/', 'mailto:editor@example.com'])(
    'opens %s',
    async (url) => {
      await expect(openExternal(url)).resolves.toBe(true);
      expect(fakes.current.shell.openExternal).toHaveBeenCalledWith(new URL(url).href);
    },
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://dossier/index.html',
    'vscode://file/etc/passwd',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker/share',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'https://',
    '//example.com/',
    'example.com',
    '',
  ])('refuses %s', async (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    await expect(openExternal(url)).resolves.toBe(false);
    expect(fakes.current.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses values that are not strings', async () => {
    for (const value of [undefined, null, 42, { href: 'https://example.com' }]) {
      await expect(openExternal(value)).resolves.toBe(false);
    }
    expect(fakes.current.shell.openExternal).not.toHaveBeenCalled();
  });

  it('reports false when the OS cannot open the URL', async () => {
    fakes.current.shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    await expect(openExternal('https://example.com/')).resolves.toBe(false);
  });
});

it('no other source file calls shell.openExternal', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join, relative, resolve } = await import('node:path');
  const repo = resolve(import.meta.dirname, '../..');
  const callers = ['electron', 'renderer', 'shared']
    .flatMap((dir) => readdirSync(join(repo, dir), { withFileTypes: true, recursive: true }))
    .filter(
      (entry) => entry.isFile() && /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !/\.test\./.test(entry.name),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => /\.openExternal\s*\(/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')))
    .map((file) => relative(repo, file));
  expect(callers).toEqual(['electron/main/external.ts']);
});
