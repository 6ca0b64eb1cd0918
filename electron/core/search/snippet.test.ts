import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query';
import { buildSnippet, highlightAll } from './snippet';

const terms = (text: string) => parseQuery(text).query.terms;
const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

describe('buildSnippet', () => {
  it('centres on the first match deep in a long text and highlights every match in the window', () => {
    const text = `${'Lorem ipsum dolor. '.repeat(2_000)}Then the Élysée said the ceasefire holds; ceasefire talks resume.\n${'More text. '.repeat(500)}`;
    const { snippet, match } = buildSnippet(text, terms('elysee cease'));
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThan(240);
    expect(marked(snippet.text, snippet.highlights)).toEqual(['Élysée', 'ceasefire', 'ceasefire']);
    expect(text.slice(match!.start, match!.end)).toBe('Élysée');
    expect(snippet.text).not.toMatch(/\n/);
  });

  it('matches phrases only as adjacent words', () => {
    const text = 'cease the hostilities; we cease hostilities now';
    const { snippet } = buildSnippet(text, terms('"cease hostilities"'));
    expect(snippet.highlights).toHaveLength(1);
    expect(marked(snippet.text, snippet.highlights)).toEqual(['cease hostilities']);
  });

  it('starts at the beginning when only the title matched', () => {
    const { snippet, match } = buildSnippet('Nothing relevant here.', terms('ceasefire'));
    expect(match).toBeNull();
    expect(snippet).toEqual({ text: 'Nothing relevant here.', highlights: [] });
  });

  it('highlights titles without cutting them', () => {
    const title = 'Putin answers the ceasefire proposal';
    expect(marked(title, highlightAll(title, terms('putin propos')))).toEqual(['Putin', 'proposal']);
  });
});

describe('firstMatch', () => {
  it('agrees with full tokenization on plain and accented texts', async () => {
    const { firstMatch, matchRanges } = await import('./snippet');
    const { tokenize } = await import('./tokens');
    const cases: [string, string][] = [
      ['The ceasefire held; a cease-fire was agreed.', 'cease fire'],
      ['Discontinued: ceasefire, then Ceasefire again', 'ceasefire'],
      ['L’Élysée said “no”. Elysee staff agreed.', 'elysee'],
      ['prefix test: presidents and the president', 'presid'],
      ['nothing here', 'absent'],
      ['phrase: lasting and peace; lasting peace.', '"lasting peace"'],
    ];
    for (const [text, query] of cases) {
      const terms = parseQuery(query).query.terms;
      expect(firstMatch(text, terms)).toEqual(matchRanges(tokenize(text), terms)[0]);
    }
  });
});
