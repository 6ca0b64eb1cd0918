/**
 * The one Markdown serialiser, checked with a real Markdown parser (micromark with GFM, through
 * mdast-util-from-markdown): whatever a note's text says, the Markdown read back holds the same
 * paragraphs with the same text, and plain text never turns into a list, a heading, code, a link,
 * strikethrough or (in the Obsidian flavour) a tag, a block id or a highlight.
 */
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { noteToHtml, noteToMarkdown } from './export';
import { loadMarkdownTools } from './markdown-tools';

// The writers load on first use in the app (markdown-tools.ts); these tests call them directly.
beforeAll(() => loadMarkdownTools());

const text = (t: string, format = 0) => ({
  type: 'text',
  version: 1,
  text: t,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});
const para = (...children: object[]) => ({ type: 'paragraph', version: 1, children });
const state = (...blocks: object[]) =>
  JSON.stringify({ root: { type: 'root', version: 1, children: blocks } });

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The text of a parsed node as a reader sees it (a hard break is a newline). */
function textOf(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if (node.type === 'footnoteReference') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

/** The top-level blocks of parsed Markdown (footnote definitions left out), as [type, text]. */
function blocks(markdown: string): [string, string][] {
  return parse(markdown)
    .children.filter((node) => node.type !== 'footnoteDefinition')
    .map((node) => [node.type, textOf(node)]);
}

/** Text that a naive serialiser turns into Markdown syntax. */
const CORRUPTING = [
  '1986. A great year',
  '1) first',
  '- not a list item',
  '+ plus',
  '* star',
  '    four leading spaces',
  '\tleading tab',
  '~~x~~',
  '~x~',
  '# not a heading',
  '###### six',
  '> not a quote',
  '---',
  '***',
  '___',
  '=',
  '[[not a wiki link]]',
  '[link](https://example.org)',
  '![image](x.png)',
  '[^1] not a footnote',
  '<b>not html</b>',
  '<!-- not a comment -->',
  '&amp; stays an ampersand',
  '*not emphasis* and _not either_',
  '**not strong**',
  '`not code`',
  '```',
  'https://example.org/a_b_c*d',
  'trailing spaces  ',
  'a backslash \\ and \\* star',
  '| a | b |',
  '- [ ] not a task',
];

/** Obsidian-only syntax that must stay text in the vault. */
const OBSIDIAN_CORRUPTING = [
  '#tag',
  'see #2016-election',
  'end ^block-id',
  '%%comment%%',
  '==highlight==',
  '$x^2$',
];

describe('Markdown export keeps plain text plain', () => {
  it.each(CORRUPTING)('%j stays one paragraph with the same text', (value) => {
    const markdown = noteToMarkdown(state(para(text(value))));
    expect(blocks(markdown)).toEqual([['paragraph', value]]);
  });

  it.each([...CORRUPTING, ...OBSIDIAN_CORRUPTING])('%j is escaped for Obsidian too', (value) => {
    const markdown = noteToMarkdown(state(para(text(value))), { flavor: 'obsidian' });
    expect(blocks(markdown)).toEqual([['paragraph', value]]);
    // Obsidian's own syntax is escaped: no tag, block id, comment, highlight or math survives unescaped.
    const body = markdown.replace(/\\./g, '');
    expect(body).not.toMatch(/(^|\s)#[^\s#]|\^[\w-]|%%|==|\$/);
  });

  it('keeps bold, italic, strikethrough and code as marks, spaces outside them', () => {
    const markdown = noteToMarkdown(
      state(
        para(text('a '), text(' bold ', 1), text('it', 2), text('gone', 4), text('x*y', 16), text('both', 3)),
      ),
    );
    expect(markdown).toBe('a  **bold** *it*~~gone~~`x*y`***both***\n');
    const [paragraph] = parse(markdown).children;
    expect(textOf(paragraph!)).toBe('a  bold itgonex*yboth');
  });

  it('writes line breaks, headings, block quotes and nested lists as Markdown structure', () => {
    const markdown = noteToMarkdown(
      state(
        { type: 'heading', tag: 'h3', children: [text('Heading #1')] },
        para(text('one'), { type: 'linebreak', version: 1 }, text('two')),
        { type: 'quote', children: [text('quoted')] },
        {
          type: 'list',
          listType: 'number',
          start: 3,
          children: [
            { type: 'listitem', children: [text('three')] },
            {
              type: 'listitem',
              children: [
                {
                  type: 'list',
                  listType: 'bullet',
                  children: [{ type: 'listitem', children: [text('- inner')] }],
                },
              ],
            },
          ],
        },
      ),
    );
    expect(blocks(markdown)).toEqual([
      ['heading', 'Heading #1'],
      ['paragraph', 'one\ntwo'],
      ['blockquote', 'quoted'],
      ['list', 'three- inner'],
    ]);
    expect(markdown).toContain('3. three\n   - \\- inner');
  });

  it('writes links with their URL, escaped where the URL needs it', () => {
    const markdown = noteToMarkdown(
      state(para({ type: 'link', url: 'https://example.org/a (b)', children: [text('the [source]')] })),
    );
    const link = (parse(markdown).children[0] as { children: Nodes[] }).children[0]!;
    expect(link).toMatchObject({ type: 'link', url: 'https://example.org/a (b)' });
    expect(textOf(link)).toBe('the [source]');
  });

  it('opens with the title as a heading, escaped like any text', () => {
    expect(blocks(noteToMarkdown(state(para(text('x'))), { title: '1986. Talks #' }))).toEqual([
      ['heading', '1986. Talks #'],
      ['paragraph', 'x'],
    ]);
  });
});

// Characters that mean something somewhere in Markdown or Obsidian, mixed with ordinary text.
const SYNTAX = [...'#*_-+=~`>|[]()!^%$\\<&:.0123456789 \t'];
const piece = fc.oneof(
  fc.constantFrom(...SYNTAX),
  fc.constantFrom(...CORRUPTING, ...OBSIDIAN_CORRUPTING, 'é', 'ß', '日本', '😀', 'Ω'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
);
/** Text a note's paragraph can hold: no line breaks (Lexical keeps those as nodes), not blank. */
const paragraphText = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  .map((parts) => parts.join('').replace(/[\r\n\u0000-\u0008\u000b-\u001f\u007f]/g, ''))
  .filter((value) => value.trim() !== '');

describe('round trip: note -> Markdown -> parsed tree', () => {
  it('keeps the text of every paragraph (Markdown and Obsidian flavours)', () => {
    fc.assert(
      fc.property(
        fc.array(paragraphText, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (texts, obsidian) => {
          const markdown = noteToMarkdown(state(...texts.map((t) => para(text(t)))), {
            flavor: obsidian ? 'obsidian' : 'markdown',
          });
          expect(blocks(markdown)).toEqual(texts.map((t) => ['paragraph', t]));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps the text of formatted runs, line breaks and mentions', () => {
    const run = fc.record({ value: paragraphText, format: fc.constantFrom(0, 1, 2, 3, 4, 7, 16) });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 4 }), fc.boolean(), (runs, withBreak) => {
        const children: object[] = runs.map((r) => text(r.value, r.format));
        if (withBreak) children.splice(1, 0, { type: 'linebreak', version: 1 });
        const expected = runs.map((r) => r.value);
        if (withBreak) expected.splice(1, 0, '\n');
        const markdown = noteToMarkdown(state(para(...children)));
        const parsed = blocks(markdown);
        expect(parsed).toHaveLength(1);
        // A line break at the very end of a paragraph is no break in Markdown; nor are spaces at a line's edge.
        const clean = (s: string): string => s.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
        expect(clean(parsed[0]![1])).toBe(clean(expected.join('')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('HTML export', () => {
  const quote = {
    type: 'dossier-quote',
    text: 'We will not retreat',
    quoteId: 'q-1',
    sourceId: 's-1',
    speaker: { name: 'Vladimir Putin', entityId: 'e-1' },
    sourceTitle: 'Talks stall',
    sourceUrl: 'https://example.org/talks?a=1&b=2',
    date: '2026-11-01',
  };
  const content = state(
    para(text('See '), {
      ...text('Background: 2022 / March'),
      type: 'dossier-note-link',
      noteId: 'n-1',
      title: 'Background: 2022 / March',
    }),
    quote,
  );

  it('makes citation URLs and note links real links, and adds byline and publication', () => {
    const html = noteToHtml('Talks', content, {
      source: () => ({
        title: 'Talks stall',
        url: null,
        byline: 'Anna Müller',
        site: 'The Hill',
        published: null,
      }),
    });
    const { document } = parseHTML(html);
    const links = [...document.querySelectorAll('a')];
    expect(links.every((a) => (a.getAttribute('href') ?? '') !== '')).toBe(true);
    const noteLink = document.querySelector('a.note-link')!;
    expect(noteLink.getAttribute('href')).toBe('Background%202022%20March.html');
    expect(noteLink.getAttribute('data-note-id')).toBe('n-1');
    const citation = document.querySelector('[id="user-content-fn-1"]')!;
    expect(citation.textContent).toContain('Vladimir Putin, Talks stall, Anna Müller, The Hill,');
    expect(citation.querySelector('a[href="https://example.org/talks?a=1&b=2"]')).not.toBeNull();
    // The quote's marker points at its citation.
    expect(document.querySelector('blockquote a[href="#user-content-fn-1"]')).not.toBeNull();
  });

  it('never lets text become markup', () => {
    const html = noteToHtml('<script>alert(1)</script>', state(para(text('<img src=x onerror=alert(1)>'))));
    const { document } = parseHTML(html);
    expect(document.querySelector('script, img')).toBeNull();
    expect(document.querySelector('p')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
