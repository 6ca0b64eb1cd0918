/**
 * Opening a notebook must not load the packages only clipping, extraction, citations and exports need:
 * the app's start to an editable note waits for whatever the core loads first. undici, citation-js, ajv
 * and yaml were once imported at the top of their modules and added about half a second to the core
 * worker's start (bench: app start → editable note).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from './testing/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('dossier-lazy-start-');
});
afterEach(() => temp.remove());

const LATER = [
  'undici',
  '@citation-js/core',
  '@citation-js/plugin-bibtex',
  '@citation-js/name',
  'ajv',
  'ajv-formats',
  'yaml',
  'citeproc',
  'mdast-util-to-markdown',
  'mdast-util-gfm',
  'mdast-util-to-hast',
  'hast-util-to-html',
  'compromise',
  'linkedom',
  'sanitize-html',
  'htmlparser2',
];

it('opens a notebook and answers the first screen without loading the packages of later work', () => {
  const script = join(import.meta.dirname, 'testing', 'start-packages.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, temp.dir], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..', '..'),
  });
  const loaded = JSON.parse(out.trim().split('\n').pop()!) as string[];
  // The check sees packages at all: the database driver is loaded.
  expect(loaded).toContain('better-sqlite3');
  expect(loaded.filter((name) => LATER.includes(name))).toEqual([]);
}, 60_000);
