/**
 * Generators of hostile input for the fuzz properties: HTML-ish trees built from dangerous tags,
 * attributes and URL schemes mixed with the XSS corpus, raw bytes, article-like text, search input.
 * Sizes are bounded so one case stays small; the properties' run counts bound the total.
 */
import fc from 'fast-check';
import { XSS_CORPUS } from '../clip/xss-corpus';

const TAGS = [
  'p',
  'div',
  'article',
  'main',
  'section',
  'h1',
  'h2',
  'span',
  'a',
  'img',
  'br',
  'table',
  'td',
  'ul',
  'li',
  'script',
  'style',
  'iframe',
  'svg',
  'math',
  'template',
  'noscript',
  'form',
  'input',
  'base',
  'meta',
  'object',
  'embed',
  'link',
  'title',
  'head',
  'body',
  'html',
  'picture',
  'source',
  'video',
  'textarea',
  'xmp',
  'plaintext',
];
const ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'style',
  'class',
  'id',
  'name',
  'onerror',
  'onclick',
  'onload',
  'xlink:href',
  'formaction',
  'action',
  'data-x',
  'http-equiv',
  'content',
  'rel',
  'property',
  'lang',
  'dir',
];
const VALUES = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'vbscript:x',
  'data:text/html,<script>x</script>',
  'http://127.0.0.1:9/canary',
  '//evil.example/x',
  'https://example.org/a.png',
  'refresh',
  '0;url=javascript:x',
  'expression(alert(1))',
  'url(javascript:x)',
  '&#106;avascript:x',
  '\u0000javascript:x',
];

/** Text with the characters parsers trip over. */
export const nastyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '<',
    '>',
    '&',
    '"',
    "'",
    '<!--',
    '-->',
    ']]>',
    '<![CDATA[',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '\r\n',
    '&amp;#x3C;',
  ),
);

const attribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTES), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 20 })))
  .map(([name, value]) => `${name}="${value.replace(/"/g, '&quot;')}"`);

/** HTML-ish documents: random trees of (often dangerous) elements, text and XSS corpus payloads. */
export const hostileHtml: fc.Arbitrary<string> = fc
  .letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 5 },
      nastyText,
      fc.constantFrom(...XSS_CORPUS.map((payload) => payload.html)),
      fc
        .tuple(
          fc.constantFrom(...TAGS),
          fc.array(attribute, { maxLength: 3 }),
          fc.array(tie('node'), { maxLength: 4 }),
          fc.boolean(),
        )
        .map(
          ([tag, attrs, children, close]) =>
            `<${tag}${attrs.length ? ' ' : ''}${attrs.join(' ')}>${children.join('')}${close ? `</${tag}>` : ''}`,
        ),
    ),
  }))
  .node.map((body) => `<html><head><title>t</title></head><body><article>${body}</article></body></html>`);

/** Article-like prose: sentences with names, quotes, dates and cues, plus random noise. */
export const articleText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Mayor Ana Ruiz',
        'the minister',
        'said',
        'told reporters',
        'according to',
        '"We will act,"',
        '\u201cNo,\u201d',
        'on Tuesday',
        'last summer',
        'in March 2024',
        '12/31/1999',
        'Paris',
        'the United Nations',
        'Dr.',
        'Mr.',
        '\u00ab',
        '\u00bb',
        '\u2014',
        ':',
        '.',
        '\n\n',
        '@handle',
        '#tag',
        'http://x.y/z',
        '"',
        "'",
      ),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(' '));

/** What someone might type into search, including its operators. */
export const searchInput: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          '"',
          '-',
          'OR',
          'AND',
          'NOT',
          'NEAR(',
          ')',
          '(',
          '*',
          ':',
          '^',
          'from:',
          'to:',
          'site:',
          'type:',
          'by:',
          'in:title',
          'speaker:',
          'is:',
          '2024-02-30',
          '2024',
          'é',
          '\u0000',
          '{',
          '}',
          'x*',
          '""',
        ),
        fc.string({ maxLength: 10 }),
      ),
      { maxLength: 20 },
    ),
    fc.constantFrom(' ', '', '  '),
  )
  .map(([parts, separator]) => parts.join(separator));

/** Any bytes, and bytes that start like a page or an MHTML archive. */
export const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  fc
    .tuple(
      fc.constantFrom(
        '<html>',
        '\uFEFF<p>',
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n',
        '<?xml ',
      ),
      fc.uint8Array({ maxLength: 500 }),
    )
    .map(([head, tail]) => new Uint8Array([...new TextEncoder().encode(head), ...tail])),
);
