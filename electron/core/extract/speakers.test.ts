import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';

/** The quotes of a text, as "quoted words => speaker (rule)". */
function quotes(text: string): string[] {
  return extractArticle(text, { published: '2024-05-10' }).quotes.map(
    (q) => `${q.text} => ${q.speaker ?? 'null'} (${q.rule})`,
  );
}

describe('quote speakers', () => {
  it('reads "X said" and "said X, a former ..." after the quote, with curly and straight marks', () => {
    const text =
      'Senator Alice Brennan spoke in Denver.\n' +
      '“We will not wait,” Brennan said on Monday.\n' +
      '"The vote is close," said Brennan, a former judge who rarely gives interviews.';
    expect(quotes(text)).toEqual([
      'We will not wait, => Alice Brennan (after-speaker-cue)',
      'The vote is close, => Alice Brennan (after-cue-speaker)',
    ]);
  });

  it('reads cues before the quote: "according to X", "X told reporters:"', () => {
    expect(quotes('According to Maria Lopez, “the plan is dead.”')).toEqual([
      'the plan is dead. => Maria Lopez (before-cue-speaker)',
    ]);
    expect(quotes('Robert Hale told reporters: “We are ready.”')).toEqual([
      'We are ready. => Robert Hale (before)',
    ]);
  });

  it('resolves "he" to the subject of the previous sentence, not the nearest name', () => {
    const text =
      'Governor Tom Walsh met Mayor Linda Park. Walsh said he might call Park later.\n“It went well,” he said.';
    expect(quotes(text)).toEqual(['It went well, => Tom Walsh (after-speaker-cue+pronoun)']);
  });

  it('resolves "the president" to the last person titled president', () => {
    const text = 'President Ana Ruiz met Michael Stone in Lima.\n“This is a good day,” the president said.';
    expect(quotes(text)).toEqual(['This is a good day, => Ana Ruiz (after-speaker-cue+description)']);
  });

  it('gives a quote-only paragraph the previous speaker, and handles a quote running over paragraphs', () => {
    const text =
      '“First part,” Daniel Ortiz said.\n“Second part, still him.”\n' +
      'Daniel Ortiz said: “This one runs on\n“and ends here.”';
    expect(quotes(text)).toEqual([
      'First part, => Daniel Ortiz (after-speaker-cue)',
      'Second part, still him. => Daniel Ortiz (continuation)',
      'This one runs on => Daniel Ortiz (before)',
      'and ends here. => Daniel Ortiz (continuation)',
    ]);
  });

  it('marks short uncued quotes as scare quotes and keeps "what X called the “...”"', () => {
    const result = extractArticle(
      'The so-called “reform” failed. Karen Doyle called it a “disaster” on air.',
      {
        published: '2024-05-10',
      },
    );
    expect(result.quotes.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['reform', 'scare', null],
      ['disaster', 'scare', 'Karen Doyle'],
    ]);
  });

  it('attributes both halves of a split quote and a dash byline', () => {
    expect(quotes('“We tried,” Peter Lang said, “and we failed.”\n“Never again.” ― Rosa Diaz')).toEqual([
      'We tried, => Peter Lang (after-speaker-cue)',
      'and we failed. => Peter Lang (before)',
      'Never again. => Rosa Diaz (after-dash)',
    ]);
  });

  it('reads an embedded social post from its "— Name (@handle) date" line', () => {
    const text = 'Our team had a good meeting today.\n— Jane Carter (@janecarter) May 9, 2024\nMore to come…';
    const result = extractArticle(text, { published: '2024-05-10' });
    expect(result.quotes.map((q) => [q.text, q.speaker, q.kind])).toEqual([
      ['Our team had a good meeting today.', 'Jane Carter', 'social'],
      ['More to come', 'Jane Carter', 'social'],
    ]);
    expect(result.people[0]?.aliases).toEqual(['Jane Carter', '@janecarter']);
  });

  it('leaves apostrophes alone and spans exclude the marks', () => {
    const text = 'It’s the voters’ choice, “not ours,” said Sen. Mark Olsen.';
    const [quote] = extractArticle(text, { published: '2024-05-10' }).quotes;
    expect(quote?.text).toBe('not ours,');
    expect(text.slice(...(quote?.span ?? [0, 0]))).toBe('not ours,');
    expect(text.slice(...(quote?.speakerSpan ?? [0, 0]))).toBe('Sen. Mark Olsen');
  });
});

describe('quote speakers beyond the cue next to the quote', () => {
  it('gives a headline quote to the headline subject, or to the "…, X Says." at its end', () => {
    expect(quotes('Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nThe story follows.')).toEqual(
      ['Disgusting Fraud. => Black Lawmakers (headline-subject)'],
    );
    expect(quotes('Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.\n\nText.')).toEqual(
      ['The Dealmaker => Lindsey Graham (later-speaker-cue)'],
    );
  });

  it('reads a cue later in the sentence, "according to X" after the quote, and "X’s claim that"', () => {
    expect(quotes('A cashier who “steals a handful of bills” is held accountable, Ann Warren said.')).toEqual(
      ['steals a handful of bills => Ann Warren (later-speaker-cue)'],
    );
    expect(quotes('Many people joined a “walk-in” at schools, according to organizer Kim Park.')).toEqual([
      'walk-in => Kim Park (later-according)',
    ]);
    expect(
      quotes('Fact-checkers looked at Donald Trump’s claim that there were “thousands of shootings” here.'),
    ).toEqual(['thousands of shootings => Donald Trump (possessive-words)']);
  });

  it('reads a subject with an apposition, a quantified description and a participle after a name', () => {
    expect(
      quotes(
        'Another critic, Laurence H. Tribe, likened the rules to “burning the Constitution” in a letter.',
      ),
    ).toEqual(['burning the Constitution => Another critic (sentence-subject)']);
    expect(quotes('However, 63 percent said Clinton was “justified” in that.')).toEqual([
      'justified => 63 percent (before)',
    ]);
    expect(quotes('The ad uses footage of Hillary Clinton asking, “Why aren’t I ahead?”')).toEqual([
      'Why aren’t I ahead? => Hillary Clinton (before-participle)',
    ]);
  });

  it('opens a quote with ” at a paragraph start, nests curly quotes, and reads "“…?” X demanded."', () => {
    expect(quotes('”I am afraid of what he calls “law and order” in this place.” ― Edwin G. Monroy')).toEqual(
      ['I am afraid of what he calls “law and order” in this place. => Edwin G. Monroy (after-dash)'],
    );
    expect(quotes('Senator David Vitter spoke.\n“Why is this not clear?” Vitter demanded.')).toEqual([
      'Why is this not clear? => David Vitter (after-speaker-cue)',
    ]);
  });
});
