import { describe, expect, it } from 'vitest';
import { clipText } from './clip-text';

describe('clipText', () => {
  it('takes the first line of plain text as title and keeps paragraphs', () => {
    const article = clipText({
      text: 'Notes from the hearing\n\nFirst point,\nsame paragraph.\r\n\r\n\nSecond <b>point</b>.',
      format: 'plain',
    });
    expect(article.title).toBe('Notes from the hearing');
    expect(article.text).toBe(
      'Notes from the hearing\n\nFirst point,\nsame paragraph.\n\nSecond <b>point</b>.',
    );
    expect(article.html).toBe(
      '<p>Notes from the hearing</p>\n<p>First point,<br>\nsame paragraph.</p>\n<p>Second &lt;b&gt;point&lt;/b&gt;.</p>',
    );
    expect(article.wordCount).toBe(10);
  });

  it('reads Markdown headings, emphasis and links', () => {
    const article = clipText({
      text: 'Intro line\n\n# The **real** title\n\nSee [the report](https://example.com) and `code`.\n\nSub\n---',
      format: 'markdown',
    });
    expect(article.title).toBe('The real title');
    expect(article.text).toBe('Intro line\n\nThe real title\n\nSee the report and code.\n\nSub');
    expect(article.html).toContain('<h1>The real title</h1>');
    expect(article.html).toContain('<h2>Sub</h2>');
  });

  it('decodes windows-1252 bytes and refuses empty or binary files', () => {
    const bytes = new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9]);
    expect(clipText({ text: bytes, format: 'plain' }).text).toBe('“Hi” – café');
    expect(() => clipText({ text: '\n\n  ', format: 'plain', what: 'a.txt' })).toThrow(
      /a\.txt contains only whitespace/,
    );
    expect(() => clipText({ text: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1]), format: 'plain' })).toThrow(
      /binary/,
    );
  });
});
