import { describe, expect, it } from 'vitest';
import { MAX_CONTEXT_LENGTH, backlinkContext, excerptAround } from './backlink-context';
import { NODE_TYPES } from './links';

const text = (t: string) => ({ type: 'text', text: t, format: 0 });
const para = (...children: object[]) => ({ type: 'paragraph', children });
const noteLink = (noteId: string, title: string) => ({
  ...text(title),
  type: NODE_TYPES.noteLink,
  noteId,
  title,
});
const mention = (entityId: string, name: string) => ({
  ...text(name),
  type: NODE_TYPES.mention,
  entityId,
  name,
});
const quote = {
  type: NODE_TYPES.quote,
  text: 'We agree with the proposals to cease hostilities',
  quoteId: 'q-1',
  sourceId: 's-1',
  speaker: { name: 'Vladimir Putin', entityId: 'e-putin' },
};
const state = (...blocks: object[]) => JSON.stringify({ root: { type: 'root', children: blocks } });

describe('backlinkContext', () => {
  it('gives the sentence around a note link, found inside lists and links too', () => {
    const content = state(para(text('Nothing here.')), {
      type: 'list',
      children: [
        { type: 'listitem', children: [text('First')] },
        {
          type: 'listitem',
          children: [
            text('See '),
            { type: 'link', url: 'x', children: [noteLink('n-b', 'Background')] },
            text(' for why.'),
          ],
        },
      ],
    });
    expect(backlinkContext(content, { kind: 'note', id: 'n-b' })).toBe('See Background for why.');
    expect(backlinkContext(content, { kind: 'note', id: 'n-other' })).toBe('');
  });

  it('gives the quoted words for a source, a quote or a speaker cited by a quote block', () => {
    const content = state(para(text('Intro')), quote);
    const words = '“We agree with the proposals to cease hostilities”';
    expect(backlinkContext(content, { kind: 'source', id: 's-1' })).toBe(words);
    expect(backlinkContext(content, { kind: 'quote', id: 'q-1' })).toBe(words);
    expect(backlinkContext(content, { kind: 'entity', id: 'e-putin' })).toBe(words);
  });

  it('gives the paraphrased words of a paraphrase that cites the source', () => {
    const content = state({
      type: NODE_TYPES.paraphrase,
      sourceId: 's-1',
      quoteId: 'q-1',
      children: [text('He said they agree in principle')],
    });
    expect(backlinkContext(content, { kind: 'source', id: 's-1' })).toBe('“He said they agree in principle”');
  });

  it('finds the first mention of an entity in document order', () => {
    const content = state(para(text('Met '), mention('e-putin', 'Vladimir Putin'), text(' in Moscow.')));
    expect(backlinkContext(content, { kind: 'entity', id: 'e-putin' })).toBe('Met Vladimir Putin in Moscow.');
  });

  it('is empty for a note never edited or content that is not a state', () => {
    expect(backlinkContext('', { kind: 'note', id: 'n' })).toBe('');
    expect(backlinkContext('{not json', { kind: 'note', id: 'n' })).toBe('');
    expect(backlinkContext('{"root":5}', { kind: 'note', id: 'n' })).toBe('');
  });
});

describe('excerptAround', () => {
  it('keeps short text whole and cuts long text around the reference on word boundaries', () => {
    expect(excerptAround('  a   short\ntext ', 3)).toBe('a short text');
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const at = words.indexOf('word60');
    const excerpt = excerptAround(words, at);
    expect(excerpt.length).toBeLessThanOrEqual(MAX_CONTEXT_LENGTH + 2);
    expect(excerpt).toContain('word60');
    expect(excerpt.startsWith('…word')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    // No word is cut in half at either end.
    expect(
      excerpt
        .slice(1, -1)
        .split(' ')
        .every((w) => /^word\d+$/.test(w)),
    ).toBe(true);
  });
});
