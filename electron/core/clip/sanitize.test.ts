import { describe, expect, it } from 'vitest';
import { clipHtml } from './clip-html';
import { ELEMENT_NODE, parseFragment, type DomElement } from './dom';
import { sanitizeArticleHtml } from './sanitize';
import { CANARY, XSS_CORPUS } from './xss-corpus';

const FORBIDDEN_TAGS =
  /^(script|style|noscript|template|iframe|frame|frameset|object|embed|applet|svg|math|base|link|meta|form|input|button|textarea|select|option|video|audio|source|picture|animate|set|body|html|head)$/i;
const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'rel',
  'colspan',
  'rowspan',
  'scope',
  'start',
  'reversed',
  'datetime',
]);

/**
 * Every way a sanitized fragment could still run code, request something or navigate.
 * (Text content is checked too: a payload that survives as text is harmless, but a sign the parse
 * went differently than expected.)
 */
function dangers(html: string): string[] {
  const found: string[] = [];
  if (/javascript:|vbscript:|data:text|expression\(|url\(|@import/i.test(html))
    found.push(`dangerous text in ${html}`);
  const root = parseFragment(html);
  const stack: DomElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element !== root) {
      const tag = element.tagName.toLowerCase();
      if (FORBIDDEN_TAGS.test(tag)) found.push(`<${tag}>`);
      for (const { name, value } of (
        element as unknown as { attributes: Iterable<{ name: string; value: string }> }
      ).attributes) {
        if (!ALLOWED_ATTRIBUTES.has(name)) found.push(`${tag}[${name}]`);
        if (name === 'href' && !/^(https?:|mailto:)/i.test(value)) found.push(`href=${value}`);
        if (name === 'src' && !/^https?:/i.test(value)) found.push(`src=${value}`);
        // Remote <img src> is kept on purpose: the import step downloads it into the store. Any other
        // attribute pointing at the canary would be a request the reader cannot intercept.
        if (value.includes(new URL(CANARY).host) && !(tag === 'img' && name === 'src'))
          found.push(`${tag}[${name}]=${value}`);
      }
      if (tag === 'a' && element.getAttribute('rel') !== 'noopener noreferrer')
        found.push('link without rel');
    }
    for (const child of Array.from(element.childNodes))
      if (child.nodeType === ELEMENT_NODE) stack.push(child as DomElement);
  }
  return found;
}

describe('sanitizeArticleHtml with the XSS corpus', () => {
  it('has 30+ distinct payloads', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(XSS_CORPUS.map((p) => p.name)).size).toBe(XSS_CORPUS.length);
  });

  for (const payload of XSS_CORPUS) {
    it(`neutralises: ${payload.name}`, () => {
      const clean = sanitizeArticleHtml(
        `<p>Before the payload.</p>${payload.html}<p>After it.</p>`,
        'https://news.example/a/b',
      );
      expect(dangers(clean)).toEqual([]);
      expect(clean).toContain('After it.');
    });
  }

  it('neutralises the whole corpus inside a clipped page too', () => {
    const prose =
      '<p>' +
      'A long paragraph of ordinary article prose, with commas, to look like news. '.repeat(12) +
      '</p>';
    const page = `<html><head><title>Corpus</title></head><body><article>${prose}${XSS_CORPUS.map((p) => p.html).join('\n')}${prose}</article></body></html>`;
    const article = clipHtml({ html: page, url: 'https://news.example/a/b' });
    expect(dangers(article.html)).toEqual([]);
  });
});

describe('sanitizeArticleHtml keeps the article', () => {
  it('keeps structure, resolves relative URLs and marks links noopener', () => {
    const clean = sanitizeArticleHtml(
      '<h2 class="x" id="y">Head</h2><p style="color:red">Text <a href="/next" target="_blank">more</a> <em>now</em></p>' +
        '<figure><img src="img/a.jpg" alt="A" data-src="z"><figcaption>Cap</figcaption></figure><ul><li>one</li></ul>' +
        '<a href="mailto:desk@news.example">mail</a>',
      'https://news.example/a/b',
    );
    expect(clean).toBe(
      '<h2>Head</h2><p>Text <a rel="noopener noreferrer" href="https://news.example/next">more</a> <em>now</em></p>' +
        '<figure><img src="https://news.example/a/img/a.jpg" alt="A" /><figcaption>Cap</figcaption></figure><ul><li>one</li></ul>' +
        '<a rel="noopener noreferrer" href="mailto:desk@news.example">mail</a>',
    );
  });

  it('drops relative URLs when there is no page URL, and images without a usable source', () => {
    const clean = sanitizeArticleHtml(
      '<a href="/x">x</a><img src="y.png"><img src="data:image/png;base64,AAAA">',
    );
    expect(clean).toBe('<a rel="noopener noreferrer">x</a>');
  });

  it('keeps the text of unknown and form elements but not of scripts', () => {
    expect(
      sanitizeArticleHtml('<custom-el>kept</custom-el> <label>also kept</label><script>gone()</script>'),
    ).toBe('kept also kept');
  });
});
