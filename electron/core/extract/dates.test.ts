import { describe, expect, it } from 'vitest';
import { titleCaseCapitalLines } from './date-rules';
import { extractArticle } from './index';
import { inferPublished } from './published';
import { isoWeek, resolveTimex, tenseOf } from './timex';

const dates = (text: string, published = '2025-03-14'): string[] =>
  extractArticle(text, { published }).dates.map((d) => `${d.text}=${d.value}/${d.precision}`);

describe('dates', () => {
  it('puts a weekday in a past-tense sentence on or before publication, and after it in a future one', () => {
    expect(dates('The minister resigned on Thursday.')).toEqual(['Thursday=2025-03-13/day']);
    expect(dates('The minister will resign on Monday.')).toEqual(['Monday=2025-03-17/day']);
  });

  it('puts a month later in the year into last year when the sentence is past tense', () => {
    expect(dates('The troops crossed the river in August.')).toEqual(['August=2024-08/month']);
    expect(dates('The talks will resume in August.')).toEqual(['August=2025-08/month']);
  });

  it('resolves seasons, years, "mid-2024" and leaves quantities alone', () => {
    expect(dates('Prices have risen since mid-2024 and peaked last summer.')).toEqual([
      'mid-2024=2024/fuzzy',
      'last summer=2024-SU/season',
    ]);
    expect(dates('The war began in 1939. The lake covers 1300 square kilometres.')).toEqual([
      '1939=1939/year',
    ]);
  });

  it('reads a house number as no year ("at 2088 Philip Street")', () => {
    // Before: 2088 became the year of the arrest.
    expect(dates('Gary Gomes was arrested late Tuesday night at 2088 Philip Street.')).toEqual([
      'late Tuesday night=2025-03-11/day',
    ]);
    expect(dates('He lived at 1600 Pennsylvania Ave. until 2009.')).toEqual(['2009=2009/year']);
    expect(dates('In 2009 Street artists painted the wall.')).toEqual(['2009=2009/year']);
  });

  it('maps open recogniser values', () => {
    const ref = new Date('2025-03-14T12:00:00Z');
    expect(resolveTimex('XXXX-WXX-5', ref, 'past')).toEqual({ value: '2025-03-14', precision: 'day' });
    expect(resolveTimex('(2024-07-01,2024-10-01,P3M)', ref, 'past')).toEqual({
      value: '2024-Q3',
      precision: 'quarter',
    });
    expect(resolveTimex('PRESENT_REF', ref, 'present')).toEqual({ value: 'PRESENT_REF', precision: 'fuzzy' });
    expect(isoWeek(ref)).toBe('2025-W11');
    expect(tenseOf('He will go.')).toBe('future');
    expect(tenseOf('He went.')).toBe('past');
  });

  it('reads explicit dates, relative units, quarters, decades and holidays', () => {
    expect(dates('The deal was signed on March 13, 2025, and on 2 February.')).toEqual([
      'March 13, 2025=2025-03-13/day',
      '2 February=2025-02-02/day',
    ]);
    expect(dates('Sales fell last week, two months ago and in the third quarter.')).toEqual([
      'last week=2025-W10/week',
      'two months ago=2025-01/month',
      'the third quarter=2024-Q3/quarter',
    ]);
    expect(dates('Rents doubled in the 1990s and peaked at Christmas.')).toEqual([
      'the 1990s=199X/fuzzy',
      'Christmas=2024-12-25/day',
    ]);
  });

  it('reads a full date followed by a time ("March 11, 2013, 10:34 PM"), which it missed altogether', () => {
    expect(dates('The vote was held on Monday, March 11, 2013, 10:34 PM local time.')).toEqual([
      'Monday, March 11, 2013=2013-03-11/day',
    ]);
    expect(dates('The vote was held on 11 March 2013, 10:34 local time.')).toEqual([
      '11 March 2013=2013-03-11/day',
    ]);
    // Without a year, a number after the date is still no part of it ("on March 11, 12 people died").
    expect(dates('On March 11, 12 people died.')).toEqual([]);
  });

  it('reads dates in a line written in capitals, a dateline or a headline, at their own offsets', () => {
    const text =
      'PUBLISHED : MONDAY , MARCH 11 , 2013 , 10 : 34 PM\nPolice arrested a man in Brooklyn on Monday.';
    expect(dates(text)).toEqual(['MONDAY , MARCH 11 , 2013=2013-03-11/day', 'Monday=2025-03-10/day']);
    // Before: no publication date read from such a dateline, so "on Monday" stayed unresolved.
    expect(inferPublished(text, null, new Date('2025-03-14T12:00:00Z'))).toMatchObject({
      value: '2013-03-11',
      from: 'dateline',
      evidence: 'MONDAY , MARCH 11 , 2013',
    });
    // Title case changes letters one for one and leaves lines with a lower-case letter as they are.
    const mixed = 'NATO met in MARCH.\nQUAKE HITS IRAN ON SUNDAY';
    expect(titleCaseCapitalLines(mixed)).toBe('NATO met in MARCH.\nQUAKE HITS IRAN ON Sunday');
    expect(titleCaseCapitalLines(text).length).toBe(text.length);
    // Only weekdays and months with a number: a march in a headline, a newspaper's name are no dates.
    expect(dates('A MARCH ON WASHINGTON DRAWS THOUSANDS, USA TODAY REPORTS')).toEqual([]);
  });

  it('leaves the verbs "may" and "march" and amounts alone, and reads tense outside the quote', () => {
    expect(dates('They may march on the capital with 2000 people.')).toEqual([]);
    expect(dates('“We will win,” she said on Thursday.')).toEqual(['Thursday=2025-03-13/day']);
  });
});
