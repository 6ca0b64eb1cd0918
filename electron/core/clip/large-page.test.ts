import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unsafeParts } from '../fuzz/properties';
import { clipHtml } from './clip-html';
import { isClipError } from './errors';
import { clipLargeHtml, LARGE_PAGE_CHARS } from './large-page';
import { contentHash } from './text';
import { XSS_CORPUS } from './xss-corpus';

const PARAGRAPH = (n: number): string =>
  `<p>On Tuesday the council of Lakeside met for the ${n}th time, and Mayor Ana Ruiz said the budget ` +
  `"will be decided by spring," according to <a href="/minutes/${n}">the minutes</a>.</p>\n`;

/** A news page: head with metadata, furniture around an article of `paragraphs` paragraphs. */
function page(paragraphs: number, extra = ''): string {
  const body = Array.from({ length: paragraphs }, (_, i) => PARAGRAPH(i)).join('');
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Budget talks resume | Lakeside Post</title>' +
    '<meta name="author" content="Kim Doe"><meta property="og:site_name" content="Lakeside Post">' +
    '<link rel="canonical" href="https://post.example/budget">' +
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-14T09:00:00Z"}</script>' +
    `<script>var tracking = "${'x'.repeat(5_000)}";</script><style>body { color: red }</style></head>` +
    '<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>' +
    '<aside>Most read: <a href="/x">Cats</a></aside>' +
    `<main><article><h1>Budget talks resume</h1><img src="/img/hall.jpg" alt="The town hall">${body}${extra}` +
    '<footer>Copyright Lakeside Post</footer></article>' +
    '<section><h2>Related</h2><p>Other news.</p></section></main>' +
    '<form><input name="q"><button>Search</button></form></body></html>'
  );
}

const OPTIONS = { url: 'https://post.example/budget', what: 'page.html', imageRefs: true };

describe('clipping a large page as a stream', () => {
  it('finds the article, drops the furniture, and reads the metadata from the head', () => {
    const article = clipLargeHtml(page(40), OPTIONS);
    expect(article.title).toBe('Budget talks resume');
    expect(article.byline).toBe('Kim Doe');
    expect(article.siteName).toBe('Lakeside Post');
    expect(article.published).toBe('2025-03-14T09:00:00Z');
    expect(article.lang).toBe('en-GB');
    expect(article.canonicalUrl).toBe('https://post.example/budget');
    expect(article.text.startsWith('Budget talks resume\n\nOn Tuesday the council of Lakeside met')).toBe(
      true,
    );
    expect(article.text).toContain('the 39th time');
    for (const furniture of ['Home', 'Most read', 'Copyright', 'Search', 'Related', 'tracking', 'color']) {
      expect(article.text).not.toContain(furniture);
    }
    expect(article.html).toContain('<a rel="noopener noreferrer" href="https://post.example/minutes/0">');
    expect(article.imageRefs).toEqual([
      { raw: '/img/hall.jpg', absolute: 'https://post.example/img/hall.jpg' },
    ]);
    expect(article.html).toContain('src="dossier-image:pending-0"');
    expect(article.wordCount).toBeGreaterThan(40 * 20);
    expect(article.contentHash).toBe(contentHash(article.text));
  });

  it('gives the same article whatever the slices (cut between blocks)', () => {
    const html = page(
      300,
      '<blockquote><p>Quoted at length.</p></blockquote><ul><li>One</li><li>Two</li></ul>',
    );
    const whole = clipLargeHtml(html, { ...OPTIONS, sliceChars: html.length });
    for (const sliceChars of [200, 1_000, 7_777]) {
      const sliced = clipLargeHtml(html, { ...OPTIONS, sliceChars });
      expect(sliced.text).toBe(whole.text);
      // A cut splits the plain containers around it (article, div ...) in two; nothing else.
      const content = (html: string): string => html.replace(/\n|<\/?(?:article|section|div|header)>/g, '');
      expect(content(sliced.html) === content(whole.html)).toBe(true);
      expect(sliced.imageRefs).toEqual(whole.imageRefs);
    }
  });

  it('takes the body when no element holds most of the text, and refuses pages of links or nothing', () => {
    const teasers =
      '<html><body><article><p>Short teaser.</p></article>' +
      `<div>${Array.from({ length: 30 }, (_, i) => PARAGRAPH(i)).join('')}</div></body></html>`;
    expect(clipLargeHtml(teasers, OPTIONS).text).toContain('the 29th time');
    const links = `<html><body>${'<p><a href="/a">A long link to another story</a></p>'.repeat(200)}</body></html>`;
    const refuse = (html: string): string => {
      try {
        clipLargeHtml(html, OPTIONS);
      } catch (error) {
        if (isClipError(error)) return error.code;
        throw error;
      }
      return 'clipped';
    };
    expect(refuse(links)).toBe('NO_ARTICLE');
    expect(refuse('<html><body><nav><a href="/">Home</a></nav><script>x()</script></body></html>')).toBe(
      'NO_ARTICLE',
    );
  });

  it('lets no script, handler, style or foreign URL through (the XSS corpus, each payload in an article)', () => {
    for (const payload of XSS_CORPUS) {
      const html = `<html><body><article><h1>Report</h1>${PARAGRAPH(1).repeat(20)}${payload.html}${PARAGRAPH(2)}</article></body></html>`;
      for (const sliceChars of [64, 100_000]) {
        const article = clipLargeHtml(html, { ...OPTIONS, sliceChars });
        expect(unsafeParts(article.html), payload.name).toEqual([]);
      }
    }
  });

  it('removes images with no usable source in one pass, without quadratic work', () => {
    const html = `<html><body><article>${PARAGRAPH(1).repeat(5)}${'<img alt="x">'.repeat(20_000)}<img src="data:image/png;base64,AAAA"></article></body></html>`;
    const article = clipLargeHtml(html, { ...OPTIONS, imageRefs: false });
    expect(article.html).not.toContain('<img');
  });

  it('is what clipHtml uses above LARGE_PAGE_CHARS', () => {
    const html = page(Math.ceil(LARGE_PAGE_CHARS / PARAGRAPH(1).length) + 10);
    expect(html.length).toBeGreaterThan(LARGE_PAGE_CHARS);
    const viaClipHtml = clipHtml({ html, url: OPTIONS.url }, { what: 'page.html', imageRefs: true });
    expect(viaClipHtml).toEqual(clipLargeHtml(html, OPTIONS));
  });
});

describe('contentHash', () => {
  it('folds whitespace and case exactly as over the whole text, whatever the chunk size', () => {
    const reference = (text: string): string =>
      createHash('sha256').update(text.toLowerCase().replace(/\s+/g, ' ').trim(), 'utf8').digest('hex');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'B', ' ', '\n', '\t', '\u00a0', 'Σ', 'İ', 'ß', '\u3000', 'é'), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 8 }),
        (chars, chunk) => {
          const text = chars.join('');
          expect(contentHash(text, chunk)).toBe(reference(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
