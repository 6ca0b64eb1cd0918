/**
 * Page furniture built in the shape of The Hill's author hover card (issue 20): the author's name as a
 * link, then a card that appears on hover holding the name again, the full name, the latest headline
 * and "MORE", which Readability read into the article as one run of words. Every page here is written
 * for this test.
 */
import { describe, expect, it } from 'vitest';
import { clipHtml } from './clip-html';
import { parseDocument } from './dom';
import { furnitureReason, hasFurnitureName } from './furniture';

const PARAGRAPHS = [
  'The county board voted on Tuesday to close the old ferry landing after an inspection found the pilings unsafe.',
  'Residents who rely on the ferry said they were given two weeks of notice and no plan for the crossing.',
  'The board chair said a temporary dock could be built by summer if the state agrees to share the cost.',
  'A spokesperson for the state transport office said the request would be reviewed at the next meeting.',
];

function page(inside: string, after = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry landing to close</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article class="article-body">
<h1>Ferry landing to close</h1>
<p>County board member <a href="/people/mara-lindqvist">Mara Lindqvist</a>${inside} said the landing should have been repaired years ago.</p>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
${after}
</article></main>
<footer>© The Gazette</footer></body></html>`;
}

// Shown on hover by the site's stylesheet, so nothing in the markup says it is hidden.
const HOVER_CARD = `<span class="hovercard"><span>Mara Lindqvist</span>
<span>Mara Elin Lindqvist</span><a href="/story/ferry-dock">County board doubles down on ferry dock plan…</a>
<a href="/author/mara-lindqvist">MORE</a> <span>(R)</span></span>`;

const PROMO = `<section class="c-newsletter c-newsletter--promo"><p>Counties change fast. Keep up with the
Daily Gazette newsletter, the best way to follow the issues you care about.</p></section>`;

const RELATED = `<div class="related-links"><h3>Related</h3><ul>
<li><a href="/a">Bridge tolls rise again in the county</a></li>
<li><a href="/b">Ferry operator seeks new contract</a></li></ul></div>`;

describe('page furniture', () => {
  it('keeps an author hover card, "MORE" and "(R)" out of the article', () => {
    const article = clipHtml({ html: page(HOVER_CARD), url: 'https://gazette.example/ferry' });
    expect(article.text).not.toContain('Mara Elin Lindqvist');
    expect(article.text).not.toContain('doubles down');
    expect(article.text).not.toMatch(/\bMORE\b/);
    expect(article.text).not.toContain('(R)');
    // The sentence the name is in reads as written, and every paragraph of the article is kept.
    expect(article.text).toContain(
      'County board member Mara Lindqvist said the landing should have been repaired years ago.',
    );
    for (const paragraph of PARAGRAPHS) expect(article.text).toContain(paragraph);
  });

  it('finds the card by its structure alone: hidden, or a tooltip role, whatever its class', () => {
    for (const card of [
      HOVER_CARD.replace('class="hovercard"', 'class="x1" aria-hidden="true"'),
      HOVER_CARD.replace('class="hovercard"', 'class="x1" style="display: none"'),
      HOVER_CARD.replace('class="hovercard"', 'class="x1" role="tooltip"'),
      HOVER_CARD.replace('class="hovercard"', 'class="profilePopover"'),
    ]) {
      const article = clipHtml({ html: page(card) });
      expect(article.text).not.toContain('Mara Elin Lindqvist');
      expect(article.text).toContain('County board member Mara Lindqvist said');
      for (const paragraph of PARAGRAPHS) expect(article.text).toContain(paragraph);
    }
  });

  it('takes out newsletter promos and related links inside the article container', () => {
    const article = clipHtml({ html: page('', `${PROMO}\n${RELATED}`) });
    for (const word of ['Keep up with', 'Bridge tolls rise', 'Ferry operator seeks']) {
      expect(article.text).not.toContain(word);
    }
    for (const paragraph of PARAGRAPHS) expect(article.text).toContain(paragraph);
  });

  it('keeps long hidden text (a collapsed half of the article) and prose under a furniture-like class', () => {
    const collapsed = `<div style="display:none">${PARAGRAPHS.map((p) => `<p>${p} More on this later.</p>`).join('')}</div>`;
    const document = parseDocument(
      `<body>${collapsed}<div class="related-story">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></body>`,
    );
    const [hidden, related] = Array.from(document.querySelectorAll('body > div'));
    expect(furnitureReason(hidden!)).toBeNull();
    expect(furnitureReason(related!)).toBeNull();
  });

  it('reads class names as words, not substrings', () => {
    const named = (cls: string) =>
      hasFurnitureName(parseDocument(`<body><div class="${cls}"></div></body>`).querySelector('div')!);
    expect(named('c-share-bar')).toBe(true);
    expect(named('articleRelatedLinks')).toBe(true);
    expect(named('author-card')).toBe(true);
    expect(named('shareholders-report')).toBe(false);
    expect(named('unrelated-content')).toBe(false);
  });
});
