import { describe, expect, it } from 'vitest';
import { clipHtml } from './clip-html';
import { parseFragment } from './dom';
import { sanitizeArticleHtml } from './sanitize';
import { ARTICLE_TAGS } from '../../../shared/html-policy';
import { dangersIn, POLICY_SAMPLE_ATTRIBUTES, policySample, tagsOf, XSS_CORPUS } from './xss-corpus';

/** Every way a sanitized fragment could still run code, request something or navigate. */
const dangers = (html: string): string[] => dangersIn(html, parseFragment(html), 'clip');

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

describe('one policy with the reader (renderer/reader/frameDocument.test.ts runs the same sample)', () => {
  it('keeps every allowed element and attribute', () => {
    const sample = policySample(ARTICLE_TAGS);
    const clipped = sanitizeArticleHtml(sample, 'https://news.example/');
    expect(tagsOf(clipped)).toEqual(tagsOf(sample));
    expect(new Set(tagsOf(clipped))).toEqual(new Set(ARTICLE_TAGS.filter((tag) => tag !== 'img')));
    for (const attribute of POLICY_SAMPLE_ATTRIBUTES) expect(clipped).toContain(attribute);
    expect(clipped).toContain('reversed');
  });
});
