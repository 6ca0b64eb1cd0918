import { describe, expect, it } from 'vitest';
import { extractArticle, readArticle } from './index';
import { speakerModel } from './speaker-model';
import { attributeQuotes } from './speakers';

/** The quotes of a text, as "quoted words => speaker". */
function quotes(text: string): string[] {
  return extractArticle(text, { published: '2024-05-10' }).quotes.map(
    (q) => `${q.text} => ${q.speaker ?? 'null'}`,
  );
}

describe('quote speakers', () => {
  it('reads "X said" and "said X, a former ..." after the quote, with curly and straight marks', () => {
    const text =
      'Senator Alice Brennan spoke in Denver.\n' +
      '“We will not wait,” Brennan said on Monday.\n' +
      '"The vote is close," said Brennan, a former judge who rarely gives interviews.';
    expect(quotes(text)).toEqual([
      'We will not wait, => Alice Brennan',
      'The vote is close, => Alice Brennan',
    ]);
  });

  it('ends the phrase after "said" before a preposition, and reads names in scripts without capitals', () => {
    const spanOf = (text: string): string[] =>
      extractArticle(text, { published: '2024-05-10' }).quotes.map((q) =>
        q.speakerSpan === null ? 'null' : text.slice(...q.speakerSpan),
      );
    // Before: the speaker ran to the sentence's end ("… at a rally in New York.").
    expect(spanOf('“We are ready,” said 9/11 widow Terry Strada at a rally in New York.')).toEqual([
      '9/11 widow Terry Strada',
    ]);
    expect(quotes('“We will rebuild,” said 习近平 during a visit to Wuhan on Tuesday.')).toEqual([
      'We will rebuild, => 习近平',
    ]);
    expect(quotes('“We will rebuild,” 习近平 said on Tuesday.')).toEqual(['We will rebuild, => 习近平']);
  });

  it('reads cues before the quote: "according to X", "X told reporters:"', () => {
    expect(quotes('According to Maria Lopez, “the plan is dead.”')).toEqual([
      'the plan is dead. => Maria Lopez',
    ]);
    expect(quotes('Robert Hale told reporters: “We are ready.”')).toEqual(['We are ready. => Robert Hale']);
  });

  it('resolves "he" to the subject of the previous sentence, not the nearest name', () => {
    const text =
      'Governor Tom Walsh met Mayor Linda Park. Walsh said he might call Park later.\n“It went well,” he said.';
    expect(quotes(text)).toEqual(['It went well, => Tom Walsh']);
  });

  it('resolves "the president" to the last person titled president', () => {
    const text = 'President Ana Ruiz met Michael Stone in Lima.\n“This is a good day,” the president said.';
    expect(quotes(text)).toEqual(['This is a good day, => Ana Ruiz']);
  });

  it('gives a quote-only paragraph the previous speaker, and handles a quote running over paragraphs', () => {
    const text =
      '“First part,” Daniel Ortiz said.\n“Second part, still him.”\n' +
      'Daniel Ortiz said: “This one runs on\n“and ends here.”';
    expect(quotes(text)).toEqual([
      'First part, => Daniel Ortiz',
      'Second part, still him. => Daniel Ortiz',
      'This one runs on => Daniel Ortiz',
      'and ends here. => Daniel Ortiz',
    ]);
  });

  it('gives a short uncued quote little confidence, and keeps "what X called the “...”"', () => {
    const result = extractArticle(
      'The so-called “reform” failed. Karen Doyle called it a “disaster” on air.',
      {
        published: '2024-05-10',
      },
    );
    const [reform, disaster] = result.quotes;
    // Nobody is said to have said "reform": either no speaker or one the model does not vouch for.
    expect(reform?.speaker === null || (reform?.confidence ?? 1) < 0.7).toBe(true);
    expect([disaster?.text, disaster?.speaker]).toEqual(['disaster', 'Karen Doyle']);
    expect(disaster?.confidence).toBeGreaterThan(0.8);
  });

  it('attributes both halves of a split quote and a dash byline', () => {
    expect(quotes('“We tried,” Peter Lang said, “and we failed.”\n“Never again.” ― Rosa Diaz')).toEqual([
      'We tried, => Peter Lang',
      'and we failed. => Peter Lang',
      'Never again. => Rosa Diaz',
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
      ['Disgusting Fraud. => Black Lawmakers'],
    );
    expect(quotes('Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.\n\nText.')).toEqual(
      ['The Dealmaker => Lindsey Graham'],
    );
  });

  it('reads a cue later in the sentence and "according to X" after the quote', () => {
    expect(quotes('A cashier who “steals a handful of bills” is held accountable, Ann Warren said.')).toEqual(
      ['steals a handful of bills => Ann Warren'],
    );
    expect(quotes('Many people joined a “walk-in” at schools, according to organizer Kim Park.')).toEqual([
      'walk-in => Kim Park',
    ]);
  });

  it('reads a quantified description as the subject', () => {
    expect(quotes('However, 63 percent said Clinton was “justified” in that.')).toEqual([
      'justified => 63 percent',
    ]);
  });

  // Regression (the model retrained in ffee9cf picked the description "Another critic"): a description
  // and the name set beside it in apposition are one person, so the name is the speaker.
  it('reads a subject with an apposition, giving the name rather than the description', () => {
    expect(
      quotes(
        'Another critic, Laurence H. Tribe, likened the rules to “burning the Constitution” in a letter.',
      ),
    ).toEqual(['burning the Constitution => Laurence H. Tribe']);
    expect(quotes('Her deputy, Omar Little, told the meeting: “We start on Monday.”')).toEqual([
      'We start on Monday. => Omar Little',
    ]);
  });

  it('ends a description before its verb and reads "who" after a description as that description', () => {
    const council = 'The council voted 6-1 for a resolution that called the plan “a disgrace to the city.”';
    const [quote] = extractArticle(council, { published: '2024-05-10' }).quotes;
    expect([quote?.speaker, council.slice(...(quote?.speakerSpan ?? [0, 0]))]).toEqual([
      'The council',
      'The council',
    ]);
    expect(
      quotes(
        'Hundreds marched on Saturday, and the groups who organised the march called the law “a step backwards.”',
      ),
    ).toEqual(['a step backwards. => the groups']);
  });

  it('reads a speaker label inside a paragraph ("Topic - Name: “…”")', () => {
    const text =
      'Rivals had criticised the deal for weeks.\nWeekly roundup - Dana Whitcombe: “The numbers moved, but not by much.”';
    const [quote] = extractArticle(text, { published: '2024-05-10' }).quotes;
    expect(quote?.speaker).toBe('Dana Whitcombe');
    expect(quote?.evidence).toContain('a speaker label (“X: …”)');
  });

  it('opens a quote with ” at a paragraph start, nests curly quotes, and reads "“…?” X demanded."', () => {
    expect(quotes('”I am afraid of what he calls “law and order” in this place.” ― Edwin G. Monroy')).toEqual(
      ['I am afraid of what he calls “law and order” in this place. => Edwin G. Monroy'],
    );
    expect(quotes('Senator David Vitter spoke.\n“Why is this not clear?” Vitter demanded.')).toEqual([
      'Why is this not clear? => David Vitter',
    ]);
    // A comment copied from a social site: a direction mark (U+202A) before the opening ”.
    const comments = quotes(
      'Her post drew replies.\n\n\u202a”Sorry Sarah, you should have said it better!!” posted Sharon Geyer.',
    );
    expect(comments).toEqual(['Sorry Sarah, you should have said it better!! => Sharon Geyer']);
  });
});

describe('what the review panel shows for a quote', () => {
  it('gives each attributed quote a calibrated confidence and two or three reasons in plain words', () => {
    const text =
      'Mayor Ines Caldera opened the new bridge on Friday.\n' +
      '“It took eleven years,” Caldera said. “We finally did it.”\n' +
      'Her rival, Councillor Tom Brandt, was less kind. He called the bridge “a monument to delay.”';
    const result = extractArticle(text, { published: '2024-05-10' });
    const first = result.quotes[0];
    expect(first?.speaker).toBe('Ines Caldera');
    expect(first?.evidence.length).toBeGreaterThanOrEqual(2);
    expect(first?.evidence.length).toBeLessThanOrEqual(3);
    expect(first?.evidence.join(' ')).toMatch(/said/);
    for (const quote of result.quotes) {
      expect(quote.confidence).toBeGreaterThanOrEqual(0);
      expect(quote.confidence).toBeLessThanOrEqual(1);
      if (quote.speaker !== null) expect(quote.evidence.length).toBeGreaterThan(0);
    }
    expect(result.quotes.at(-1)?.speaker).toBe('Tom Brandt');
  });

  it('sets apart a quotation the quote classifier rejects: kind "scare", no speaker, a reason given', () => {
    const text = '“We want our jobs back,” Ana Ruiz said.';
    const reading = readArticle(text);
    const ctx = { text, ...reading, quotes: reading.quoted };
    const shipped = speakerModel();
    const [kept] = attributeQuotes(ctx, shipped);
    expect(kept?.speaker).toBe('Ana Ruiz');
    const [rejected] = attributeQuotes(ctx, { ...shipped, quoteProbability: () => 0 });
    expect(rejected).toMatchObject({ kind: 'scare', speaker: null, speakerSpan: null, confidence: 0 });
    expect(rejected?.evidence[0]).toMatch(/title|term|scare/);
  });
});

// Written for these tests: titles of works and terms in quotation marks are nobody's words.
describe('quotation marks that are not quotes', () => {
  const read = (text: string) => extractArticle(text, { published: '2024-05-10' }).quotes;

  it('sets apart a show, a film or a book named in quotation marks, and keeps the real quote beside it', () => {
    const show = read(
      'Senator Dana Whitfield appeared on “Face the Week” on Sunday. “We will not back down,” Whitfield said.',
    );
    expect(show.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['Face the Week', 'scare', null],
      ['We will not back down,', 'direct', 'Dana Whitfield'],
    ]);
    expect(show[0]?.evidence[0]).toMatch(/title/);
    const film = read(
      'The governor praised the film “The Long Winter” at the festival. “It moved me,” Governor Lena Ortiz said.',
    );
    expect(film.map((q) => [q.kind, q.speaker])).toEqual([
      ['scare', null],
      ['direct', 'Lena Ortiz'],
    ]);
    expect(
      read('Ortiz, who read “War and Peace” twice, told reporters: “Patience wins.”').map((q) => q.kind),
    ).toEqual(['scare', 'direct']);
    expect(
      read('He hosted “Late Hour With Sam” for six years before the network cancelled it.')[0]?.speaker,
    ).toBeNull();
  });

  it('sets apart a so-called term, but keeps a one-word partial quote with a speaker', () => {
    expect(
      read('President Carl Ambers said on Monday that the so-called “reform” would cost jobs.')[0],
    ).toMatchObject({
      kind: 'scare',
      speaker: null,
    });
    const [giveaway] = read(
      'Critics called the plan a “giveaway” to developers, Mayor Paul Fenn said in a statement.',
    );
    expect(giveaway?.kind).toBe('partial');
    // The word is the critics' and Fenn reports it: PolNeAR annotates both attributions (nested), so
    // EVAL.md counts either speaker right; what matters here is that the word keeps one.
    expect(['Paul Fenn', 'Critics']).toContain(giveaway?.speaker);
  });

  it('reads title-case words after a verb of saying, and lower-case words after "report", as someone’s words', () => {
    // Both were set aside as titles before (PolNeAR annotates such marks as direct quotes).
    const said = read('Senator Ruth Amos said “The Voters” and walked off the stage in Dover.');
    expect(said[0]).toMatchObject({ kind: 'partial', speaker: 'Ruth Amos' });
    const chants = read('The rally in Dover ended with chants of “Ruth, Ruth, Ruth” from the crowd.');
    expect(chants[0]?.kind).not.toBe('scare');
    const report = read('Governor Lena Ortiz promised a report “as soon as possible” on the flooding.');
    expect(report[0]).toMatchObject({ kind: 'partial', speaker: 'Lena Ortiz' });
    // A capitalised title after "report" or "the film", and any term after "the phrase", stay apart.
    expect(read('She cited the report “Water and Power” at the hearing in Dover.')[0]?.kind).toBe('scare');
    expect(read('Ortiz avoided the phrase “illegal immigrant” in the debate.')[0]?.kind).toBe('scare');
  });

  it('still reads a short title-case quote that ends a sentence or follows a colon as someone’s words', () => {
    expect(read('Mayor Paul Fenn had one answer: “Never Again.”')[0]).toMatchObject({ speaker: 'Paul Fenn' });
    expect(read('“Vote For Change,” Fenn told the crowd in Dover.')[0]?.speaker).toBe('Fenn');
  });
});
