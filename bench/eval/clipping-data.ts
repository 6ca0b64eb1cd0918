/**
 * Loads the clipping evaluation sets of EVAL.md: readability-test-pages (source, expected body and
 * metadata), cleanportaleval (news pages with gold body text) and trafilatura-eval (snippets that must
 * and must not appear). Pages are decoded with the clipper's own byte decoder, so both extractors
 * under test get the same text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from '../../electron/core/clip/decode';
import { htmlToText } from '../../electron/core/clip/text';

/** Gold metadata of a readability test page (Readability's own expected output). */
export interface GoldMetadata {
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
}

/** One page with a gold body text. */
export interface BodyPage {
  id: string;
  url: string;
  html: string;
  goldText: string;
  goldMetadata?: GoldMetadata;
}

/** One trafilatura-eval page with its snippets. */
export interface SnippetPage {
  id: string;
  url: string;
  html: string;
  with: string[];
  without: string[];
}

/** The URL Readability's own test suite clips its test pages from. */
const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

function decode(bytes: Uint8Array, id: string): string {
  return decodeBytes(bytes, { what: id });
}

/** readability-test-pages, sorted by folder name; [] when the folder is absent. */
export function loadReadabilityPages(dataDir: string, limit = Infinity): BodyPage[] {
  const root = join(dataDir, 'extraction', 'readability-test-pages');
  if (!existsSync(root)) return [];
  const pages: BodyPage[] = [];
  for (const id of readdirSync(root).sort()) {
    if (pages.length >= limit) break;
    const dir = join(root, id);
    if (!existsSync(join(dir, 'source.html'))) continue;
    pages.push({
      id,
      url: READABILITY_TEST_URL,
      html: decode(readFileSync(join(dir, 'source.html')), id),
      goldText: htmlToText(readFileSync(join(dir, 'expected.html'), 'utf8')),
      goldMetadata: JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as GoldMetadata,
    });
  }
  return pages;
}

/** Decodes the entities CleanEval gold text keeps (&amp; &quot; &#39; ...). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return named[body.toLowerCase()] ?? entity;
  });
}

/**
 * cleanportaleval, sorted by file name; [] when absent. The dataset wraps each page in CleanEval's
 * `<text id="URL">` element: it is removed and its URL used as the page's. Gold loses its `URL:` line,
 * `<h>/<p>/<l>` markers and comments.
 */
export function loadCleanPortalPages(dataDir: string, limit = Infinity): BodyPage[] {
  const root = join(dataDir, 'extraction', 'cleanportaleval');
  if (!existsSync(join(root, 'html'))) return [];
  const pages: BodyPage[] = [];
  for (const file of readdirSync(join(root, 'html')).sort()) {
    if (pages.length >= limit) break;
    const id = file.replace(/\.html\.gz$/, '');
    let html = decode(gunzipSync(readFileSync(join(root, 'html', file))), id);
    let url = 'http://example.com/';
    const wrapper = html.match(/^\s*<text\s+id="([^"]*)"[^>]*>/);
    if (wrapper) {
      url = wrapper[1] ?? url;
      html = html.slice(wrapper[0].length).replace(/<\/text>\s*$/, '');
    }
    const gold = readFileSync(join(root, 'gold', `${id}.txt`), 'utf8')
      .split('\n')
      .filter((line) => !/^URL:/.test(line))
      .join('\n')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[hpl]>/g, ' ');
    pages.push({ id, url, html, goldText: decodeEntities(gold) });
  }
  return pages;
}

/** trafilatura-eval pages with their snippets; [] when absent. */
export function loadSnippetPages(dataDir: string, limit = Infinity): SnippetPage[] {
  const root = join(dataDir, 'extraction', 'trafilatura-eval');
  const indexFile = join(root, 'evaldata.json');
  if (!existsSync(indexFile)) return [];
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as Record<
    string,
    { file: string; with?: string[]; without?: string[] }
  >;
  const pages: SnippetPage[] = [];
  for (const [url, entry] of Object.entries(index)) {
    if (pages.length >= limit) break;
    const path = join(root, 'html', `${entry.file}.gz`);
    if (!existsSync(path)) continue;
    let html: string;
    try {
      html = decode(gunzipSync(readFileSync(path)), entry.file);
    } catch {
      continue; // an empty or binary test file: nothing to compare
    }
    pages.push({ id: entry.file, url, html, with: entry.with ?? [], without: entry.without ?? [] });
  }
  return pages;
}
