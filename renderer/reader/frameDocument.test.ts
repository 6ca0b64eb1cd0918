// @vitest-environment jsdom
/**
 * The reader's display-time sanitizer against the same XSS corpus as the clipper's
 * (electron/core/clip/sanitize.test.ts), each payload given to it raw, as if the stored HTML had
 * escaped the clipper; and keeping the same article as the clipper does (the same sample and checks
 * run there), because both read shared/html-policy.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  dangersIn,
  POLICY_SAMPLE_ATTRIBUTES,
  policySample,
  tagsOf,
  XSS_CORPUS,
  type CheckedNode,
} from '../../electron/core/clip/xss-corpus';
import { ARTICLE_TAGS } from '../../shared/html-policy';
import { frameDocument, sanitizeForReader } from './frameDocument';

function parse(html: string): CheckedNode {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content as unknown as CheckedNode;
}

const dangers = (html: string): string[] => dangersIn(html, parse(html), 'display');

describe('sanitizeForReader with the XSS corpus', () => {
  for (const payload of XSS_CORPUS) {
    it(`neutralises: ${payload.name}`, () => {
      const clean = sanitizeForReader(`<p>Before the payload.</p>${payload.html}<p>After it.</p>`);
      expect(dangers(clean)).toEqual([]);
      // jsdom parses a hostile <noscript> with scripting off, and DOMPurify then drops the rest of the
      // fragment as a mutation attempt: text lost after an attack, nothing run. Chromium's own parse is
      // checked end to end by e2e/reader-xss.spec.ts.
      if (payload.name !== 'noscript mutation') expect(clean).toContain('After it.');
    });
  }
});

describe('one policy at clip time and at display', () => {
  it('keeps every allowed element and attribute, as the clipper does', () => {
    const sample = policySample(ARTICLE_TAGS);
    const shown = sanitizeForReader(sample);
    expect(tagsOf(shown)).toEqual(tagsOf(sample));
    expect(new Set(tagsOf(shown))).toEqual(new Set(ARTICLE_TAGS.filter((tag) => tag !== 'img')));
    for (const attribute of POLICY_SAMPLE_ATTRIBUTES) expect(shown).toContain(attribute);
    expect(shown).toContain('reversed');
  });

  it('drops what the policy drops: content of scripts and forms, unknown tags but not their text', () => {
    const html =
      '<custom-el>kept</custom-el> <label>also kept</label><script>gone()</script><style>p{}</style>';
    // electron/core/clip/sanitize.test.ts expects the same of the clipper.
    expect(sanitizeForReader(html)).toBe('kept also kept');
  });

  it('shows only inlined images in the frame, and attributes only where the policy allows them', () => {
    const shown = sanitizeForReader(
      '<img src="https://news.example/a.png" alt="remote"><img src="data:image/png;base64,AAAA" alt="kept" width="2">' +
        '<p title="no" lang="en">text</p><td colspan="2" width="3">x</td>',
    );
    expect(shown).toMatch(
      /<img (?=[^>]*src="data:image\/png;base64,AAAA")(?=[^>]*alt="kept")(?=[^>]*width="2")[^>]*>/,
    );
    expect(shown).not.toContain('remote');
    expect(shown).toContain('<p>text</p>');
  });

  it('builds the frame document around the sanitized article with its CSP', () => {
    const doc = frameDocument('<p onclick="x()">Hi</p>', 'fr', 'Titre <b>');
    expect(doc).toContain('<html lang="fr">');
    expect(doc).toContain('<title>Titre &lt;b></title>');
    expect(doc).toContain('<article id="article"><p>Hi</p></article>');
    expect(doc).toContain("default-src 'none'");
  });
});
