/**
 * Bad input never hangs or crashes extraction: very large text, text without punctuation, runs of
 * unbalanced quotation marks, right-to-left and Cyrillic scripts, emoji and lone surrogates. Each case
 * must return a well-formed result whose offsets stay inside the text. (No timing assertions: the
 * quadratic loops these inputs once triggered would time the test out instead.)
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';
import type { Extraction, Span } from './types';

function expectWellFormed(text: string, result: Extraction): void {
  const inside = ([start, end]: Span): void => {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(start).toBeLessThanOrEqual(end);
  };
  for (const entity of [...result.people, ...result.places, ...result.organizations]) {
    entity.mentions.forEach(inside);
  }
  for (const date of result.dates) {
    inside(date.span);
    expect(text.slice(...date.span)).toBe(date.text);
  }
  for (const quote of result.quotes) {
    inside(quote.span);
    if (quote.speakerSpan !== null) {
      inside(quote.speakerSpan);
      // A speaker span names someone: never empty (the findings table refuses such a row).
      expect(quote.speakerSpan[1]).toBeGreaterThan(quote.speakerSpan[0]);
    }
    expect(text.slice(...quote.span)).toBe(quote.text);
  }
  for (const event of result.events) inside(event.span);
}

/** A paragraph of news prose built from fixed parts (no evaluation data is copied here). */
const PARAGRAPH =
  '“We will not accept this,” Senator Maria Lopez said on Thursday, according to her office. ' +
  'She met President John Carter in Berlin last summer. “It was a good meeting,” he told reporters.\n';

describe('extractArticle on bad input', () => {
  it.each([
    // Regression: counting a candidate's mentions scanned every mention of the article, once per
    // candidate of every quote, so repeated prose grew quadratically (5 MB took 11 minutes on CI).
    ['5 MB of prose', PARAGRAPH.repeat(Math.ceil(5_000_000 / PARAGRAPH.length))],
    [
      '5 MB without punctuation or line breaks',
      'Maria Lopez said he would go and John Carter said '.repeat(100_000),
    ],
    ['a paragraph of opening marks only', '“ he said ‘ '.repeat(200_000)],
    // 30,000 quotations each: every one goes through the speaker model (about a millisecond each), and a
    // loop over the whole text per quotation, as two had, would take far beyond the ceiling below.
    ['straight marks that alternate', '"a," he said. '.repeat(30_000)],
    ['apostrophes everywhere', 'it’s ‘don’t ’n’ '.repeat(30_000)],
    ['right-to-left text', 'قال الرئيس «مرحبا» اليوم. وأضاف: "نحن متفقون" يوم الخميس.'],
    ['Cyrillic text', 'Путин сказал в четверг: «Мы согласны». Зеленский ответил: "Нет".'],
    ['emoji and lone surrogates', '🎉 “Great” \uD83D said Tom Reed \uDC00 on Friday 🇺🇦. \uD800'],
    ['control characters and NUL', 'Tom\u0000 Reed said\u0007 “hi”\r\n\r\n\u2028on Monday.'],
    // A cue after a comma phrase that trims to nothing (found on real pages): no empty speaker span.
    [
      'a scare quote, a comma phrase, then a cue verb',
      'Carl Dunn voted for measures viewed as "anti-gay", including the ban on marriage.[30][31] ' +
        'Yagan claims he did not know about it.',
    ],
    [
      'a title in quotes followed by a clause and a cue verb',
      'She came to be known as “The Hunter”, and the Space Pirates learned that they will always be hunted down.',
    ],
    ['empty', ''],
    ['white space only', ' \n\t\n   '],
  ])(
    'returns a well-formed result for %s',
    (_name, text) => {
      const result = extractArticle(text, { published: '2025-03-14' });
      expectWellFormed(text, result);
    },
    // A generous ceiling for a busy machine: the point is that it ends, not how fast.
    180_000,
  );

  it('still finds the people, dates and quotes of a long repeated article', () => {
    const text = PARAGRAPH.repeat(2_000);
    const result = extractArticle(text, { published: '2025-03-14' });
    expect(result.people.map((p) => p.name).sort()).toEqual(['John Carter', 'Maria Lopez']);
    expect(result.quotes).toHaveLength(4_000);
    expect(result.quotes[1]?.speaker).toBe('John Carter');
    expect(result.dates.map((d) => d.value)).toContain('2025-03-13');
  });

  it('refuses a malformed publication date with a message that says how to write it', () => {
    expect(() => extractArticle('Text.', { published: 'yesterday' })).toThrow(/YYYY-MM-DD/);
  });

  // Regression (issue 19): these never returned. A day that does not exist made the reference an
  // Invalid Date, and the search for "Thursday" stepped towards a weekday NaN never equals.
  it.each(['2025-13-45', '2025-00-10', '2025-12-32', '2025-02-30'])(
    'refuses the publication date %s, which is no calendar day, instead of hanging or moving it',
    (published) => {
      const text = 'The mayor said on Thursday that the vote would wait until next Friday.';
      expect(() => extractArticle(text, { published })).toThrow(/not a calendar date/);
    },
  );
});
