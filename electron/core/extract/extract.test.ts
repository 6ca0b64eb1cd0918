import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';

describe('extractArticle', () => {
  it('proposes one event per dated sentence with a participant, deduplicated', () => {
    const text =
      'Prime Minister Lena Vogel met Carlos Mendes in Berlin on Tuesday. ' +
      'Vogel and Mendes met in Berlin on Tuesday, officials said. Nothing else happened.';
    const { events } = extractArticle(text, { published: '2025-03-14' });
    expect(events).toEqual([
      {
        name: 'Prime Minister Lena Vogel met Carlos Mendes in Berlin on Tuesday',
        date: '2025-03-11',
        participants: ['Lena Vogel', 'Carlos Mendes'],
        place: 'Berlin',
        span: [0, 65],
      },
    ]);
  });

  it('names an event from the words after a leading quote or dash, not from "…" or "—"', () => {
    const text =
      '“We will sign nothing today,” Lena Vogel said in Berlin on Tuesday.\n\n' +
      '— Carlos Mendes wrote to Vogel on Wednesday.';
    const { events } = extractArticle(text, { published: '2025-03-14' });
    expect(events.map((event) => event.name)).toEqual([
      'Lena Vogel said in Berlin on Tuesday',
      'Carlos Mendes wrote to Vogel on Wednesday',
    ]);
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
