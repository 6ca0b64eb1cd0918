/**
 * The layer table (layers.config.js) and the no-cycle rule, as `npm run lint` applies them: ESLint runs
 * on fixtures that break each kind of rule and must report them, and on allowed imports, which must
 * pass. Wrong imports are linted as text at a path inside the layer (they resolve against the real
 * tree); cycles need files on disk, written to a folder inside the repository for the test's duration.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
// ignore: false lets the cycle fixtures (in a folder lint otherwise never sees) be linted.
const eslint = new ESLint({ cwd: repo, ignore: false });

/** The rules a snippet at `path` (from the repo root) breaks. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repo, path) });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the layer table', { timeout: 120_000 }, () => {
  it.each([
    ['renderer/x.ts', "import { openDatabase } from '../electron/core/db/open';\nvoid openDatabase;"],
    ['shared/x.ts', "import type { NotebookApi } from '../renderer/api';\nexport type X = NotebookApi;"],
    ['shared/areas/x.ts', "import { LAYERS } from '../../layers.config.js';\nvoid LAYERS;"],
    ['shared/x.ts', "import DOMPurify from 'dompurify';\nvoid DOMPurify;"],
    ['electron/core/x.ts', "export const load = (): Promise<unknown> => import('../main/index');"],
    ['electron/preload/x.ts', "import { Notebook } from '../core/notebook';\nvoid Notebook;"],
    ['electron/cli/x.ts', "import { startWebHost } from '../web/index';\nvoid startWebHost;"],
    ['electron/web/x.ts', "import { createMainWindow } from '../main/window';\nvoid createMainWindow;"],
    [
      'electron/core/x.ts',
      "import { UI_SECURITY_HEADERS } from '../host-shared/renderer-files';\nvoid UI_SECURITY_HEADERS;",
    ],
  ])('refuses a wrong import from %s', async (path, code) => {
    const found = await broken(path, code);
    expect(found).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*restricted zone/)]);
  });

  it.each([
    ['electron/core/x.ts', "import { app } from 'electron';\nvoid app;"],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;"],
    ['shared/x.ts', "import { join } from 'node:path';\nvoid join;"],
    ['electron/web/x.ts', "import { createRoot } from 'react-dom/client';\nvoid createRoot;"],
  ])('refuses a denied package in %s', async (path, code) => {
    expect(await broken(path, code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it.each([
    ['renderer/x.ts', "import type { NotebookApi } from '../shared/api';\nexport type X = NotebookApi;"],
    ['shared/x.ts', "import * as v from 'valibot';\nexport const name = v.string();"],
    ['electron/main/x.ts', "import { Notebook } from '../core/notebook';\nvoid Notebook;"],
    ['electron/cli/x.ts', "import { formatBytes } from '../../shared/format-bytes';\nvoid formatBytes;"],
    ['electron/core/x.ts', "import pkg from '../../package.json';\nvoid pkg;"],
    ['electron/host-shared/x.ts', "import { createToken } from '../core/tokens';\nvoid createToken;"],
    [
      'electron/web/x.ts',
      "import { UI_SECURITY_HEADERS } from '../host-shared/renderer-files';\nvoid UI_SECURITY_HEADERS;",
    ],
  ])('allows the directions of the table from %s', async (path, code) => {
    expect(await broken(path, code)).toEqual([]);
  });
});

describe('no cycles', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(repo, '.lint-fixture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a cycle between modules, a lazy import() included', async () => {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(join(dir, 'b.ts'), "import { c } from './c';\nexport const b = (): number => c();\n");
    writeFileSync(
      join(dir, 'c.ts'),
      "export const c = (): Promise<unknown> => import('./a').then(() => 1);\n",
    );
    writeFileSync(join(dir, 'leaf.ts'), "import { c } from './c';\nexport const leaf = c;\n");
    const results = await eslint.lintFiles([join(dir, 'a.ts'), join(dir, 'c.ts'), join(dir, 'leaf.ts')]);
    const rules = results.map((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toEqual([['import-x/no-cycle'], ['import-x/no-cycle'], []]);
  });
});
