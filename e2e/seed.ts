/** The seed article (../shared/data/seed) as the web page it was clipped from, for specs that clip it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evalDataDir, requireEvalData } from '../electron/core/testing/eval-data';

const seedDir = resolve(evalDataDir(), 'seed');
/** The seed article's text file; specs skip when it is missing (and fail under CI). */
export const SEED_TEXT = resolve(seedDir, 'article.txt');

/**
 * True when the seed article is there. Outside CI a missing seed makes the calling spec skip with a
 * message; under CI=true this throws, so a run that lost its data fails instead of saying green.
 */
export function seedAvailable(): boolean {
  return requireEvalData('seed/article.txt', 'the seed article') !== null;
}

/**
 * The seed article as a news page: its paragraphs, and the publication date the page states in its
 * metadata (the gold's `published`), which "on Thursday" is resolved against.
 */
export function seedPage(): string {
  const gold = JSON.parse(readFileSync(resolve(seedDir, 'gold.json'), 'utf8')) as { published: string };
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = readFileSync(SEED_TEXT, 'utf8')
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => `<p>${escape(line)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Putin backs a ceasefire, with conditions</title>
<meta property="article:published_time" content="${gold.published}"></head>
<body><article><h1>Putin backs a ceasefire, with conditions</h1>${paragraphs}</article></body></html>`;
}
