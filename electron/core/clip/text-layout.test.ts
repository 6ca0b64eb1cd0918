/**
 * The reader maps spans to the DOM with shared/text-layout.ts; the core derives plainText with
 * elementToText. They must agree character for character, or highlights land on the wrong words.
 * Checked on every page of the readability corpus (clean HTML as stored) and on tricky snippets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireEvalData } from '../testing/eval-data';
import { layoutText, offsetOfPosition, rangesOfSpan, type LayoutNode } from '../../../shared/text-layout';
import { clipHtml } from './clip-html';
import { parseFragment } from './dom';
import { htmlToText } from './text';

const CORPUS = requireEvalData('extraction/readability-test-pages', 'text layout on the readability corpus');

function layoutOf(html: string) {
  return layoutText(parseFragment(html) as unknown as LayoutNode);
}

describe('text layout', () => {
  const snippets = [
    '<p>One  two\n three</p><p> </p><p>Four<br>five<br><br>six</p>',
    '<div>a<div>b</div>c</div><ul><li>x</li><li> y </li></ul>',
    '<p>Quote: “We agree,” he said.</p><script>x()</script><p>\u00a0end\u00a0</p>',
    '<h1>T</h1><table><tr><td>1</td><td>2</td></tr></table><pre>  keep\n  lines </pre>',
    '<p><b>bold</b><i> italic </i>plain<span>  </span>more</p>',
  ];
  for (const html of snippets) {
    it(`matches the core on ${JSON.stringify(html.slice(0, 40))}`, () => {
      expect(layoutOf(html).text).toBe(htmlToText(html));
    });
  }

  it('maps spans to text-node ranges and selection points back to offsets', () => {
    const layout = layoutOf('<p>Hello <b>big</b>  world</p><p>Next</p>');
    expect(layout.text).toBe('Hello big world\n\nNext');
    const start = layout.text.indexOf('big world');
    const ranges = rangesOfSpan(layout, start, start + 'big world'.length);
    const pieces = ranges.map((r) => layout.nodes[r.node]!.data!.slice(r.start, r.end));
    expect(pieces.join('')).toBe('big  world');
    const next = layout.nodes.findIndex((n) => n.data === 'Next');
    expect(offsetOfPosition(layout, next, 1)).toBe(layout.text.indexOf('ext'));
  });
});

describe.skipIf(CORPUS === null)('text layout on the readability corpus', () => {
  it('gives exactly the stored plain text for every page', () => {
    const pages = readdirSync(CORPUS!).filter((name) => existsSync(join(CORPUS!, name, 'source.html')));
    let compared = 0;
    for (const name of pages) {
      let article;
      try {
        article = clipHtml({ html: readFileSync(join(CORPUS!, name, 'source.html')) });
      } catch {
        continue; // pages without an article are the clipper's business, not this test's
      }
      expect(layoutOf(article.html).text, name).toBe(article.text);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  }, 300_000);
});
