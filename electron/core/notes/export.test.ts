import { beforeAll, describe, expect, it } from 'vitest';
import { noteToHtml, noteToMarkdown } from './export';
import { loadMarkdownTools } from './markdown-tools';

// The writers load on first use in the app (markdown-tools.ts); these tests call them directly.
beforeAll(() => loadMarkdownTools());

const text = (t: string, format = 0) => ({ type: 'text', text: t, format });
const para = (...children: object[]) => ({ type: 'paragraph', children });
const quote = {
  type: 'dossier-quote',
  text: 'We will not retreat',
  quoteId: 'q-1',
  sourceId: 's-1',
  speaker: { name: 'Vladimir Putin', entityId: 'e-1' },
  sourceTitle: 'Talks stall',
  sourceUrl: 'https://example.org/talks',
  date: '2026-11-01',
  span: { start: 0, end: 19 },
};
const content = JSON.stringify({
  root: {
    type: 'root',
    children: [
      { type: 'heading', tag: 'h2', children: [text('Summary')] },
      para(
        text('Met '),
        {
          type: 'dossier-mention',
          text: 'Vladimir Putin',
          name: 'Vladimir Putin',
          entityId: 'e-1',
          kind: 'person',
        },
        text(' — '),
        text('important', 1),
        text(', see '),
        { type: 'dossier-note-link', text: 'Background', title: 'Background', noteId: 'n-1' },
      ),
      quote,
      { ...quote, type: 'dossier-paraphrase', text: undefined, children: [text('He said he would stay')] },
      { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('<one>')] }] },
    ],
  },
});

describe('noteToMarkdown', () => {
  it('writes quotes as footnotes with speaker, source, URL and date', () => {
    expect(noteToMarkdown(content).split('\n')).toEqual([
      '## Summary',
      '',
      'Met Vladimir Putin — **important**, see [[Background]]',
      '',
      '> “We will not retreat”[^1]',
      '',
      'He said he would stay[^2]',
      '',
      '- \\<one>',
      '',
      '[^1]: "We will not retreat" — Vladimir Putin, Talks stall, <https://example.org/talks>, 2026-11-01',
      '[^2]: Paraphrased from Vladimir Putin, Talks stall, <https://example.org/talks>, 2026-11-01',
      '',
    ]);
  });

  it('writes mentions as wiki links when asked (Obsidian)', () => {
    expect(noteToMarkdown(content, { mentions: 'wiki' })).toContain('Met [[Vladimir Putin]] — ');
  });

  it('gives an empty document for a note never edited', () => {
    expect(noteToMarkdown('')).toBe('\n');
  });
});

describe('noteToHtml', () => {
  it('escapes text and keeps the citation of quotes and paraphrases', () => {
    const html = noteToHtml('A <b>title</b>', content);
    expect(html).toContain('<title>A &#x3C;b>title&#x3C;/b></title>');
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('<strong>important</strong>');
    expect(html).toContain('<li>&#x3C;one></li>');
    // The quote and the paraphrase point at numbered citations that keep speaker, source, URL and date.
    expect(html).toContain('<p>“We will not retreat”<sup><a href="#user-content-fn-1"');
    expect(html).toContain('<p>He said he would stay<sup><a href="#user-content-fn-2"');
    expect(html).toContain(
      '"We will not retreat" — Vladimir Putin, Talks stall, <a href="https://example.org/talks">https://example.org/talks</a>, 2026-11-01',
    );
    expect(html).not.toContain('<one>');
  });
});
