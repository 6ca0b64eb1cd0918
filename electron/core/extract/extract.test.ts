import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';

describe('extractArticle', () => {
  it('merges two mentions of one meeting into one event named from its parts', () => {
    const text =
      'Prime Minister Lena Vogel met Carlos Mendes in Berlin on Tuesday. ' +
      'Vogel and Mendes met in Berlin on Tuesday, officials said. Nothing else happened.';
    const { events } = extractArticle(text, { published: '2025-03-14' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: 'Vogel and Mendes meet in Berlin',
      kind: 'meeting',
      date: '2025-03-11',
      precision: 'day',
      dateSource: 'text',
      participants: ['Lena Vogel', 'Carlos Mendes'],
      place: 'Berlin',
    });
    expect(events[0]!.mentions).toHaveLength(2);
  });

  it('makes no event of saying: "said", "wrote" and the quote are not happenings', () => {
    const text =
      '“We will sign nothing today,” Lena Vogel said in Berlin on Tuesday.\n\n' +
      '— Carlos Mendes wrote to Vogel on Wednesday.';
    expect(extractArticle(text, { published: '2025-03-14' }).events).toEqual([]);
  });

  it('rejects a publication date that is not YYYY-MM-DD', () => {
    expect(() => extractArticle('Text.', { published: '14/03/2025' })).toThrow(/YYYY-MM-DD/);
  });

  it.each([
    ['empty', ''],
    ['no punctuation', 'word '.repeat(5000)],
    ['unbalanced marks', '“Open and never closed, said Anna Berg.\n"Another ‘one'],
    ['right-to-left and Cyrillic', 'قال الرئيس «مرحبا» اليوم. Путин сказал: «Мы согласны».'],
    ['emoji and lone surrogates', 'Great day 🎉 \uD83D said “Tom Reed” \uDC00 on Friday.'],
  ])('returns a result for %s input', (_name, text) => {
    const result = extractArticle(text, { published: '2025-03-14' });
    expect(Array.isArray(result.quotes)).toBe(true);
    for (const quote of result.quotes) expect(quote.span[1]).toBeLessThanOrEqual(text.length);
  });
});
