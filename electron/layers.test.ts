/**
 * Enforces CONVENTIONS.md's one-way imports by resolving every import in the source tree:
 * renderer -> shared, electron/{main,preload,web,cli} -> electron/core -> shared.
 * ESLint's no-restricted-imports says the same while editing; this test cannot be switched off by a
 * stray eslint-disable comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');

type Layer = 'shared' | 'renderer' | 'core' | 'main' | 'preload' | 'web' | 'cli' | 'other';

function layerOf(file: string): Layer {
  const parts = relative(repo, file).split(sep);
  if (parts[0] === 'shared') return 'shared';
  if (parts[0] === 'renderer') return 'renderer';
  if (parts[0] === 'electron') {
    const sub = parts[1];
    if (sub === 'core' || sub === 'main' || sub === 'preload' || sub === 'web' || sub === 'cli') return sub;
  }
  return 'other';
}

/** Which layers each layer may import from (itself included). */
const ALLOWED: Record<Exclude<Layer, 'other'>, readonly Layer[]> = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  core: ['core', 'shared'],
  main: ['main', 'core', 'shared'],
  preload: ['preload', 'shared'],
  web: ['web', 'core', 'shared'],
  cli: ['cli', 'core', 'shared'],
};

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const UI_PACKAGES = /^(react|react-dom|lexical|@lexical\/)/;

/** Bare (package) imports each layer must not use. */
function forbiddenPackage(layer: Layer, specifier: string): boolean {
  const isNode = NODE_BUILTINS.has(specifier) || specifier.startsWith('node:');
  switch (layer) {
    case 'shared':
      return true; // the contract imports no package at all
    case 'renderer':
      return isNode || specifier === 'electron' || specifier === 'better-sqlite3';
    case 'core':
    case 'web':
    case 'cli':
      return specifier === 'electron' || UI_PACKAGES.test(specifier);
    case 'main':
    case 'preload':
      return UI_PACKAGES.test(specifier);
    default:
      return false;
  }
}

const IMPORT_PATTERN = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

/** Every module specifier a source file imports (static, dynamic, side-effect, require). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT_PATTERN)].map((m) => m[1]!);
}

/** The boundary violations of one file, as readable strings. */
export function violations(file: string, source: string): string[] {
  const layer = layerOf(file);
  if (layer === 'other' || /\.test\.tsx?$/.test(file)) return [];
  const found: string[] = [];
  for (const specifier of importsOf(source)) {
    if (specifier.startsWith('.')) {
      const path = resolve(dirname(file), specifier);
      // The Node side reads its version from package.json; the renderer gets it from getAppInfo.
      if (path === join(repo, 'package.json') && layer !== 'renderer' && layer !== 'shared') continue;
      const target = layerOf(path);
      if (!ALLOWED[layer].includes(target))
        found.push(`${relative(repo, file)} (${layer}) imports ${specifier} (${target})`);
    } else if (forbiddenPackage(layer, specifier)) {
      found.push(`${relative(repo, file)} (${layer}) imports package ${specifier}`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('layer boundaries', () => {
  it('no source file imports across a layer boundary', () => {
    const files = ['shared', 'renderer', 'electron'].flatMap((d) => sourceFiles(join(repo, d)));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('detects the violations it exists to catch', () => {
    expect(
      violations(join(repo, 'renderer/x.ts'), "import { openDatabase } from '../electron/core/db/open';"),
    ).toHaveLength(1);
    expect(violations(join(repo, 'renderer/x.ts'), "import fs from 'node:fs';")).toHaveLength(1);
    expect(violations(join(repo, 'shared/x.ts'), "import type { X } from '../renderer/api';")).toHaveLength(
      1,
    );
    expect(violations(join(repo, 'electron/core/x.ts'), "import { app } from 'electron';")).toHaveLength(1);
    expect(
      violations(join(repo, 'electron/core/x.ts'), "const m = await import('../main/window');"),
    ).toHaveLength(1);
    expect(
      violations(join(repo, 'electron/web/x.ts'), "import { createMainWindow } from '../main/window';"),
    ).toHaveLength(1);
    expect(
      violations(join(repo, 'electron/preload/x.ts'), "import { Notebook } from '../core/notebook';"),
    ).toHaveLength(1);
    expect(
      violations(join(repo, 'electron/main/x.ts'), "import { Notebook } from '../core/notebook';"),
    ).toEqual([]);
    expect(
      violations(join(repo, 'renderer/x.ts'), "import type { NotebookApi } from '../shared/api';"),
    ).toEqual([]);
  });
});
