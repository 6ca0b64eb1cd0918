/**
 * Hostile and tracking HTML for testing the clipper's sanitizer now and the reader's display later
 * (the e2e reader test renders these in Chromium with a canary server). Each payload is a fragment
 * placed inside an article body. `CANARY` is the address a payload would contact if anything got
 * through; tests rewrite it to their own server.
 */

/** The host every remote reference in the corpus points at. */
export const CANARY = 'http://127.0.0.1:9/canary';

/** One hostile fragment. */
export interface XssPayload {
  /** Short unique name, used in test titles. */
  name: string;
  /** The attack it tries. */
  kind:
    | 'event-handler'
    | 'script-url'
    | 'mutation'
    | 'svg'
    | 'frame'
    | 'base'
    | 'meta'
    | 'navigation'
    | 'remote-request'
    | 'form'
    | 'clobbering'
    | 'style'
    | 'script';
  html: string;
}

/** 40 payloads; see {@link XssPayload}. */
export const XSS_CORPUS: readonly XssPayload[] = [
  { name: 'script tag', kind: 'script', html: `<script>fetch('${CANARY}?script')</script>` },
  { name: 'script src', kind: 'script', html: `<script src="${CANARY}.js"></script>` },
  { name: 'img onerror', kind: 'event-handler', html: `<img src="x" onerror="fetch('${CANARY}?onerror')">` },
  {
    name: 'body onload',
    kind: 'event-handler',
    html: `<body onload="fetch('${CANARY}?onload')">text</body>`,
  },
  { name: 'div onmouseover', kind: 'event-handler', html: `<div onmouseover="alert(1)">hover me</div>` },
  { name: 'uppercase handler', kind: 'event-handler', html: `<p ONCLICK="alert(1)">click</p>` },
  {
    name: 'details ontoggle',
    kind: 'event-handler',
    html: `<details open ontoggle="alert(1)"><summary>s</summary></details>`,
  },
  { name: 'javascript href', kind: 'script-url', html: `<a href="javascript:alert(1)">link</a>` },
  { name: 'javascript tab entity', kind: 'script-url', html: `<a href="jav&#x09;ascript:alert(1)">link</a>` },
  {
    name: 'javascript newline entity',
    kind: 'script-url',
    html: `<a href="jav&#10;ascript:alert(1)">link</a>`,
  },
  {
    name: 'javascript decimal entities',
    kind: 'script-url',
    html: `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>`,
  },
  {
    name: 'javascript colon entity',
    kind: 'script-url',
    html: `<a href="javascript&colon;alert(1)">link</a>`,
  },
  {
    name: 'javascript mixed case and spaces',
    kind: 'script-url',
    html: `<a href="  JaVaScRiPt:alert(1)">link</a>`,
  },
  { name: 'vbscript href', kind: 'script-url', html: `<a href="vbscript:msgbox(1)">link</a>` },
  {
    name: 'data text/html href',
    kind: 'script-url',
    html: `<a href="data:text/html,<script>alert(1)</script>">link</a>`,
  },
  { name: 'javascript img src', kind: 'script-url', html: `<img src="javascript:alert(1)">` },
  {
    name: 'noscript mutation',
    kind: 'mutation',
    html: `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
  },
  { name: 'comment mutation', kind: 'mutation', html: `<!--<img src="--><img src=x onerror=alert(1)//">` },
  {
    name: 'style mutation',
    kind: 'mutation',
    html: `<style><img src=x onerror=alert(1)></style><p>after</p>`,
  },
  {
    name: 'textarea mutation',
    kind: 'mutation',
    html: `<textarea></textarea><img src=x onerror=alert(1)></textarea>`,
  },
  { name: 'svg onload', kind: 'svg', html: `<svg onload="alert(1)"><circle r="5"/></svg>` },
  { name: 'svg script', kind: 'svg', html: `<svg><script>alert(1)</script></svg>` },
  {
    name: 'svg animate href',
    kind: 'svg',
    html: `<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">x</text></a></svg>`,
  },
  {
    name: 'math mglyph mutation',
    kind: 'mutation',
    html: `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
  },
  { name: 'iframe srcdoc', kind: 'frame', html: `<iframe srcdoc="<script>alert(1)</script>"></iframe>` },
  { name: 'iframe src', kind: 'frame', html: `<iframe src="${CANARY}?iframe"></iframe>` },
  { name: 'object data', kind: 'frame', html: `<object data="${CANARY}.swf"></object>` },
  { name: 'embed src', kind: 'frame', html: `<embed src="${CANARY}.swf">` },
  { name: 'base href', kind: 'base', html: `<base href="${CANARY}/"><a href="relative">rel</a>` },
  {
    name: 'meta refresh',
    kind: 'meta',
    html: `<meta http-equiv="refresh" content="0;url=${CANARY}?refresh">`,
  },
  { name: 'link stylesheet', kind: 'remote-request', html: `<link rel="stylesheet" href="${CANARY}.css">` },
  {
    name: 'link target _top',
    kind: 'navigation',
    html: `<a href="https://example.com/" target="_top">top</a>`,
  },
  {
    name: 'form target _blank',
    kind: 'navigation',
    html: `<a href="https://example.com/" target="_blank">blank</a>`,
  },
  {
    name: 'img srcset',
    kind: 'remote-request',
    html: `<img src="https://example.com/a.jpg" srcset="${CANARY}?srcset 2x">`,
  },
  {
    name: 'picture source',
    kind: 'remote-request',
    html: `<picture><source srcset="${CANARY}?source"><img src="https://example.com/a.jpg"></picture>`,
  },
  {
    name: 'video poster',
    kind: 'remote-request',
    html: `<video poster="${CANARY}?poster" src="${CANARY}.mp4"></video>`,
  },
  { name: 'style url', kind: 'style', html: `<p style="background:url(${CANARY}?style)">styled</p>` },
  { name: 'style expression', kind: 'style', html: `<p style="width:expression(alert(1))">old IE</p>` },
  {
    name: 'style tag import',
    kind: 'style',
    html: `<style>@import '${CANARY}.css'; body{background:url(${CANARY})}</style>`,
  },
  {
    name: 'form action',
    kind: 'form',
    html: `<form action="${CANARY}?form"><input name="q"><button>go</button></form>`,
  },
  { name: 'button formaction', kind: 'form', html: `<button formaction="javascript:alert(1)">x</button>` },
  {
    name: 'data attributes',
    kind: 'clobbering',
    html: `<div data-src="${CANARY}" data-bind="alert(1)">data</div>`,
  },
  {
    name: 'clobber id',
    kind: 'clobbering',
    html: `<img id="getElementById" name="cookie" src="https://example.com/a.jpg">`,
  },
  {
    name: 'clobber form name',
    kind: 'clobbering',
    html: `<form name="body"><input name="attributes"></form><a id="location" href="https://example.com/">x</a>`,
  },
  {
    name: 'protocol-relative img',
    kind: 'remote-request',
    html: `<img src="//127.0.0.1:9/canary?protorel">`,
  },
  { name: 'template content', kind: 'mutation', html: `<template><img src=x onerror=alert(1)></template>` },
];

const FORBIDDEN_TAGS =
  /^(script|style|noscript|template|iframe|frame|frameset|object|embed|applet|svg|math|base|link|meta|form|input|button|textarea|select|option|video|audio|source|picture|animate|set|body|html|head)$/i;
/** Written out here, not read from shared/html-policy.ts: the check must not trust what it checks. */
const ALLOWED_ATTRIBUTES = new Set(
  ['href', 'src', 'alt', 'title', 'width', 'height', 'rel', 'colspan', 'rowspan', 'scope', 'start'].concat([
    'reversed',
    'datetime',
  ]),
);

/** The DOM a test parsed the sanitized HTML into (linkedom in the core, jsdom for the reader). */
export interface CheckedNode {
  nodeType: number;
  tagName?: string;
  attributes?: Iterable<{ name: string; value: string }>;
  childNodes: ArrayLike<CheckedNode>;
  getAttribute?(name: string): string | null;
}

/**
 * Every way sanitized article HTML could still run code, request something or navigate, for one stage:
 * at `clip` time images may still be the page's http(s) URLs (the import downloads them); at `display`
 * only inlined data:image sources may remain. `html` is the sanitizer's output and `root` its parse.
 * (Text is checked too: a payload that survives as text is harmless, but a sign the parse went
 * differently than expected.)
 */
export function dangersIn(html: string, root: CheckedNode, stage: 'clip' | 'display'): string[] {
  const found: string[] = [];
  if (/javascript:|vbscript:|data:text|expression\(|url\(|@import/i.test(html))
    found.push(`dangerous text in ${html}`);
  const image = stage === 'clip' ? /^https?:/i : /^data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,/i;
  const stack: CheckedNode[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element !== root) {
      const tag = element.tagName!.toLowerCase();
      if (FORBIDDEN_TAGS.test(tag)) found.push(`<${tag}>`);
      for (const { name, value } of element.attributes ?? []) {
        if (!ALLOWED_ATTRIBUTES.has(name)) found.push(`${tag}[${name}]`);
        if (name === 'href' && !/^(https?:|mailto:)/i.test(value)) found.push(`href=${value}`);
        if (name === 'src' && !image.test(value)) found.push(`src=${value}`);
        // Remote <img src> is kept at clip time on purpose: the import step downloads it into the
        // store. Any other attribute pointing at the canary would be a request the reader cannot stop.
        if (value.includes(new URL(CANARY).host) && !(stage === 'clip' && tag === 'img' && name === 'src'))
          found.push(`${tag}[${name}]=${value}`);
      }
      if (tag === 'a' && element.getAttribute?.('rel') !== 'noopener noreferrer')
        found.push('link without rel');
    }
    for (const child of Array.from(element.childNodes)) if (child.nodeType === 1) stack.push(child);
  }
  return found;
}

/**
 * An article with every element of shared/html-policy.ts's allow-list and every allowed attribute, for
 * checking that the clip-time and display-time sanitizers keep the same things. Table parts and list
 * items sit inside their table and list, where any HTML parser leaves them. Images are left out: each
 * stage keeps images from its own sources (the page's URLs, then the store's data), tested apart.
 */
export function policySample(tags: readonly string[]): string {
  const placed = ['caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'table', 'li', 'dt', 'dd'];
  const loose = tags
    .filter((tag) => ![...placed, 'img', 'a', 'br', 'hr', 'wbr'].includes(tag))
    .map((tag) => `<${tag}>${tag}</${tag}>`)
    .join('');
  return (
    `<div>${loose}</div><ol start="3" reversed><li>x</li></ol>` +
    '<table><caption>c</caption><thead><tr><th scope="col" colspan="2">h</th></tr></thead>' +
    '<tbody><tr><td rowspan="2">d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>' +
    '<ul><li>u</li></ul><dl><dt>t</dt><dd>d</dd></dl><p>a<br>b<wbr>c</p><hr>' +
    '<p><time datetime="2025-03-13">13 March</time> <abbr title="North Atlantic">NATO</abbr>' +
    ' <a href="https://news.example/x" title="t">link</a> <a href="mailto:a@news.example">mail</a></p>'
  );
}

/** What {@link policySample} must keep: its attributes, as name="value". */
export const POLICY_SAMPLE_ATTRIBUTES: readonly string[] = [
  'start="3"',
  'scope="col"',
  'colspan="2"',
  'rowspan="2"',
  'datetime="2025-03-13"',
  'title="North Atlantic"',
  'title="t"',
  'href="mailto:a@news.example"',
];

/** The element names of some HTML, in order (a sanitizer's output is well formed). */
export function tagsOf(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]!);
}
