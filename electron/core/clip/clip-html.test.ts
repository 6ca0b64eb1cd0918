import { describe, expect, it } from 'vitest';
import { clipHtml } from './clip-html';
import { ClipError, MAX_CLIP_BYTES } from './errors';

const PROSE =
  'The harbour flooded on Tuesday morning after the storm surge broke the old sea wall, residents said. ';

/** A small news page of our own, with metadata in every place publishers put it. */
function newsPage(extraHead = '', body = `<p>${PROSE.repeat(6)}</p><p>${PROSE.repeat(5)}</p>`): string {
  return `<!doctype html><html lang="en-GB"><head>
<title>Storm floods the harbour | Coast Gazette</title>
<meta property="og:site_name" content="Coast Gazette">
<meta name="description" content="The sea wall broke.">
<link rel="canonical" href="/news/storm-floods-harbour">
${extraHead}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Storm floods the harbour</h1>
<p class="byline">By Ana Ruiz</p>
${body}
<p>Continue reading the main story</p>
<p>Read the <a href="/report.pdf">full report</a>.</p>
</article>
<footer>© Coast Gazette</footer>
</body></html>`;
}

function clipError(run: () => unknown): ClipError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClipError) return error;
    throw error;
  }
  throw new Error('expected a ClipError');
}

describe('clipHtml', () => {
  it('extracts the article, its metadata and clean text', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Storm floods the harbour',
      author: [{ '@type': 'Person', name: 'Ana Ruiz' }],
      datePublished: '2025-03-18T23:30:00-08:00',
      publisher: { '@type': 'Organization', name: 'Coast Gazette' },
    });
    const article = clipHtml({
      html: newsPage(`<script type="application/ld+json">${ld}</script>`),
      url: 'https://gazette.example/news/storm?utm=x',
    });
    expect(article.title).toBe('Storm floods the harbour');
    expect(article.byline).toBe('Ana Ruiz');
    expect(article.siteName).toBe('Coast Gazette');
    // The page's own offset is kept: converting to UTC would move the date to the 19th.
    expect(article.published).toBe('2025-03-18T23:30:00-08:00');
    expect(article.lang).toBe('en-GB');
    expect(article.canonicalUrl).toBe('https://gazette.example/news/storm-floods-harbour');
    expect(article.text).toContain('The harbour flooded on Tuesday');
    expect(article.text).not.toContain('Home');
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(2);
    expect(article.html).toContain('href="https://gazette.example/report.pdf"');
    expect(article.html).toContain('rel="noopener noreferrer"');
    expect(article.wordCount).toBeGreaterThan(150);
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(article.originalHtml).toContain('<nav>');
  });

  it('resolves links against the page URL and the page\u2019s own relative <base>', () => {
    const page = newsPage('<base href="/archive/">');
    const article = clipHtml({ html: page, url: 'https://gazette.example/news/storm' });
    expect(article.html).toContain('href="https://gazette.example/report.pdf"');
    const relative = newsPage('<base href="old/">').replace('/report.pdf', 'report.pdf');
    expect(clipHtml({ html: relative, url: 'https://gazette.example/news/storm' }).html).toContain(
      'href="https://gazette.example/news/old/report.pdf"',
    );
  });

  it('gives the same content hash to the same text in a different layout', () => {
    const a = clipHtml({ html: newsPage() });
    const b = clipHtml({ html: newsPage('<style>p{color:red}</style>') });
    expect(a.contentHash).toBe(b.contentHash);
  });

  it('falls back to meta tags for byline and date, and to the URL for the canonical address', () => {
    const article = clipHtml({
      html: newsPage(
        '<meta name="sailthru.author" content="Lee Chan"><meta name="pubdate" content="Mar. 3, 2024">',
      ).replace('<p class="byline">By Ana Ruiz</p>', ''),
    });
    expect(article.byline).toBe('Lee Chan');
    expect(article.published).toBe('2024-03-03');
  });

  it('decodes unlabelled windows-1252 bytes', () => {
    const html = newsPage().replace('Tuesday morning', 'Tuesday’s morning — café');
    const bytes = new Uint8Array(Buffer.from(html.replace(/[’—é]/g, '\u0000'), 'latin1'));
    // Write the three characters as their windows-1252 bytes.
    const codes = [0x92, 0x97, 0xe9];
    let next = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) bytes[i] = codes[next++ % 3]!;
    expect(clipHtml({ html: bytes }).text).toContain('Tuesday’s morning — café');
  });

  it('prefers the HTTP charset, then valid UTF-8 over a stale meta label', () => {
    const html = newsPage('<meta charset="gb2312">').replace('Tuesday', 'Dienstag – Grüße');
    expect(clipHtml({ html: new TextEncoder().encode(html) }).text).toContain('Dienstag – Grüße');
    const latin1 = new Uint8Array(Buffer.from(newsPage().replace('Tuesday', 'Grüße'), 'latin1'));
    expect(clipHtml({ html: latin1, contentType: 'text/html; charset=ISO-8859-1' }).text).toContain('Grüße');
  });

  it('survives broken markup', () => {
    const broken = `<html><body><article><p>${PROSE.repeat(8)}<div><span><b><i>unclosed <p>${PROSE.repeat(
      4,
    )}</td></tr></table></article><p <<< >>> "'`;
    expect(clipHtml({ html: broken }).text).toContain('harbour flooded');
  });

  it('clips 100,000 nested elements without overflowing or hanging', () => {
    const depth = 100_000;
    const html = `<html><body><article><p>${PROSE.repeat(8)}</p>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(
      depth,
    )}</article></body></html>`;
    const article = clipHtml({ html });
    expect(article.text).toContain('harbour flooded');
    expect(article.text).toContain('deep text');
  });

  it('refuses empty, whitespace-only, binary and oversized input with a typed error', () => {
    expect(clipError(() => clipHtml({ html: new Uint8Array() })).code).toBe('EMPTY');
    expect(clipError(() => clipHtml({ html: ' \n\t ' })).code).toBe('EMPTY');
    expect(clipError(() => clipHtml({ html: new TextEncoder().encode('   \n') })).code).toBe('EMPTY');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const binary = clipError(() => clipHtml({ html: png }, { what: 'photo.html' }));
    expect(binary.code).toBe('BINARY');
    expect(binary.message).toMatch(/photo\.html looks like a PNG image/);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(clipError(() => clipHtml({ html: random })).code).toBe('BINARY');
    const huge = new Uint8Array(MAX_CLIP_BYTES + 1).fill(0x61);
    const tooLarge = clipError(() => clipHtml({ html: huge }));
    expect(tooLarge.code).toBe('TOO_LARGE');
    expect(tooLarge.message).toMatch(/50\.0 MB.*up to 50 MB/);
  });

  it('refuses pages without an article', () => {
    const nav =
      '<html><body><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/login">Log in</a></nav></body></html>';
    expect(clipError(() => clipHtml({ html: nav })).code).toBe('NO_ARTICLE');
    const scripts =
      '<html><head><script>var a = 1;</script></head><body><script>render()</script></body></html>';
    const error = clipError(() => clipHtml({ html: scripts }));
    expect(error.code).toBe('NO_ARTICLE');
    expect(error.message).toMatch(/no article found.*clip that page/);
  });

  it('keeps a short article in a language without spaces', () => {
    const html =
      '<html lang="ja"><body><article><p>トレンドマイクロは3月9日、セキュリティアプリの発売を開始すると発表した。</p></article></body></html>';
    const article = clipHtml({ html });
    expect(article.lang).toBe('ja');
    expect(article.wordCount).toBeGreaterThan(20);
  });
});
