/**
 * ARCHITECTURE.md stays true: every repository path it names exists, every layer of the layer table
 * has its row, and each step of the request walk-through names a file that really holds what the step
 * says it does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../layers.config.js';

const repo = resolve(import.meta.dirname, '..');
const doc = readFileSync(join(repo, 'ARCHITECTURE.md'), 'utf8');
const topLevel = new Set(readdirSync(repo));

/** Every `code` span of the document. */
const spans = [...doc.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

/** The spans that name a file or folder of the repository (by their first segment, or at its root). */
function namedPaths(): string[] {
  return spans.filter((span) => {
    if (!/^[\w.@-]+(\/[\w.@-]*)*$/.test(span) || span.startsWith('.')) return false;
    const first = span.split('/')[0]!;
    return (
      topLevel.has(first) ||
      (span.includes('/') && /^(shared|electron|renderer|e2e|bench|resources)$/.test(first)) ||
      /\.(md|js|json|ts)$/.test(span)
    );
  });
}

describe('ARCHITECTURE.md', () => {
  it('names only paths that exist', () => {
    const paths = namedPaths();
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((path) => !existsSync(join(repo, path)))).toEqual([]);
  });

  it('has a row for every layer of layers.config.js', () => {
    for (const layer of LAYERS) expect(doc).toMatch(new RegExp(`\\| \`${layer.dir}/\` +\\|`));
  });

  it('walks a request through files that do what each step says', () => {
    const walk = doc.slice(doc.indexOf('## One action, end to end'), doc.indexOf('## Where to add things'));
    const steps = walk.split(/\n(?=\d+\. )/).filter((step) => /^\d+\. /.test(step));
    expect(steps.length).toBeGreaterThanOrEqual(8);
    const missing: string[] = [];
    for (const step of steps) {
      // "`file` `symbol`": the symbol must occur in that file.
      const pairs = [...step.matchAll(/`([\w/.-]+\.(?:tsx?|js))` `([$\w.]+)`/g)];
      expect(pairs.length, step).toBeGreaterThan(0);
      for (const [, file, symbol] of pairs) {
        const source = existsSync(join(repo, file!)) ? readFileSync(join(repo, file!), 'utf8') : '';
        if (!source.includes(symbol!)) missing.push(`${file} ${symbol}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
