import { describe, expect, it } from 'vitest';
import { extractArticle, readArticle } from './index';

const people = (text: string): Array<[string, string[]]> =>
  extractArticle(text, { published: '2024-05-10' }).people.map((p) => [p.name, p.aliases]);

describe('people', () => {
  it('merges titled forms and bare surnames into one person, titles stripped from the name', () => {
    expect(
      people('French President Marie Dubois arrived. President Marie Dubois spoke. Later Dubois left.'),
    ).toEqual([
      ['Marie Dubois', ['French President Marie Dubois', 'Marie Dubois', 'President Marie Dubois', 'Dubois']],
    ]);
  });

  it('keeps a lower-case role after an organisation as part of the titled alias', () => {
    expect(people('UN chief Paul Berger met reporters.')).toEqual([
      ['Paul Berger', ['UN chief Paul Berger', 'Paul Berger']],
    ]);
  });

  it('meets transliterations of a surname (-yy, -y, -iy) in one person', () => {
    expect(people('Volodymyr Zelenskyy spoke. Zelensky later said more. Zelenskiy agreed.')).toEqual([
      ['Volodymyr Zelenskyy', ['Volodymyr Zelenskyy', 'Zelensky', 'Zelenskiy']],
    ]);
  });

  it('gives each mention span the text of an alias, possessives excluded, never a pronoun', () => {
    // (A surname that is also a common noun, "Park’s" opening a sentence, is read as a place by the
    // tagger; this test is about spans, so its name is unambiguous.)
    const text = 'Helen Okafor won. Okafor’s rival, he said, lost to Okafor.';
    const [person] = extractArticle(text, { published: '2024-05-10' }).people;
    expect(person?.mentions.map(([a, b]) => text.slice(a, b))).toEqual(['Helen Okafor', 'Okafor', 'Okafor']);
  });

  it('finds a titled bare surname and keeps two people with different first names apart', () => {
    expect(people('Mr. Ward arrived. Paul Grant and Susan Grant spoke.').map(([name]) => name)).toEqual([
      'Ward',
      'Paul Grant',
      'Susan Grant',
    ]);
  });
});

describe('people merged only on evidence', () => {
  const names = (text: string): Array<[string, string[]]> => people(text);

  it('keeps a titled bare surname apart from a person of the same surname with another role', () => {
    expect(
      names(
        'First Lady Michelle Obama visited a school in Ohio. President Obama spoke in Texas. Obama left.',
      ),
    ).toEqual([
      ['Michelle Obama', ['First Lady Michelle Obama', 'Michelle Obama']],
      ['Obama', ['President Obama', 'Obama']],
    ]);
  });

  it('does not let a full name take over a person known by a titled surname of another role', () => {
    const found = names('President Obama spoke in Texas. Later Michelle Obama visited a school.');
    expect(found.map(([name]) => name)).toEqual(['Obama', 'Michelle Obama']);
  });

  it('takes short forms of one given name for one person', () => {
    expect(names('Josh Apte won the prize on Monday. Joshua Apte thanked his team.')).toEqual([
      ['Josh Apte', ['Josh Apte', 'Joshua Apte']],
    ]);
  });

  it('takes a bare family name written first ("Xi" after "Xi Jinping") for that person, either way round', () => {
    // Before, "Xi" and "Kim" were people of their own, and "Xi"'s quote went to neither.
    const xi = extractArticle(
      'Chinese President Xi Jinping met Joe Biden in Bali. “We must work together,” Xi said.',
      { published: '2024-05-10' },
    );
    expect(xi.people.map((p) => p.name)).toEqual(['Xi Jinping', 'Joe Biden']);
    expect(xi.quotes.map((q) => q.speaker)).toEqual(['Xi Jinping']);
    const kim = names('North Korean leader Kim Jong Un fired a missile. Kim said the test was a success.');
    expect(kim.map(([n]) => n)).toEqual(['Kim Jong Un']);
    expect(kim[0]?.[1]).toContain('Kim');
    expect(names('Xi warns Taiwan\n\nPresident Xi Jinping warned Taiwan on Monday.').map(([n]) => n)).toEqual(
      ['Xi Jinping'],
    );
  });

  it('takes a surname opened by a particle or joined to "al-" for the person named in full', () => {
    // Before: "bin Salman" and "von der Leyen" were people of their own ("bin" read as a given name).
    expect(
      names('Crown Prince Mohammed bin Salman met officials. “We are open,” bin Salman said.').map(
        ([n]) => n,
      ),
    ).toEqual(['Mohammed bin Salman']);
    const vdl = names(
      'Commission President Ursula von der Leyen spoke. “Europe is ready,” von der Leyen said.',
    );
    expect(vdl.map(([n]) => n)).toContain('Ursula von der Leyen');
    expect(vdl.map(([n]) => n)).not.toContain('von der Leyen');
    const assad = names('Bashar al-Assad addressed parliament. Assad said the war was over.');
    expect(assad.map(([n]) => n)).toEqual(['Bashar al-Assad']);
    expect(assad[0]?.[1]).toContain('Assad');
  });

  it('takes a bare given name for the one person of that given name, either way round', () => {
    // Before: "Hillary" was a second person beside "Hillary Clinton".
    expect(names('Hillary Clinton spoke in Ohio. Later Hillary said she would win.').map(([n]) => n)).toEqual(
      ['Hillary Clinton'],
    );
    const headline = names(
      'Hillary wins Ohio\n\nHillary Clinton won Ohio on Tuesday. Clinton thanked voters.',
    );
    expect(headline.map(([n]) => n)).toEqual(['Hillary Clinton']);
    expect(headline[0]?.[1]).toEqual(expect.arrayContaining(['Hillary', 'Clinton']));
    // Two people of that given name: the bare name stays apart.
    expect(names('Donald Trump and Donald Tusk met. Donald said nothing.').map(([n]) => n)).toEqual([
      'Donald Trump',
      'Donald Tusk',
      'Donald',
    ]);
  });

  it('leaves a bare family name alone when two people open their names with it', () => {
    expect(
      names('Kim Jong Un and Kim Yo Jong met officials. Kim said the test was a success.').map(([n]) => n),
    ).toEqual(['Kim Jong Un', 'Kim Yo Jong', 'Kim']);
  });

  it('does not take the title of a film or show in quotation marks for a person', () => {
    const found = names('Tom Reed watched "Mary Poppins" again before he went on "Meet the Press".');
    expect(found.map(([name]) => name)).toEqual(['Tom Reed']);
  });
});

describe('people from context', () => {
  const names = (text: string): string[] =>
    extractArticle(text, { published: '1996-08-30' }).people.map((p) => p.name);

  it('reads initials, particles and surnames that are also common words', () => {
    expect(
      names('Scores: S. Waugh 50 , M. Butcher 70 .\nLex van Drooge told reporters.\nMichael Green won.'),
    ).toEqual(['S. Waugh', 'M. Butcher', 'Lex van Drooge', 'Michael Green']);
  });

  it('takes the other names of a list of people, and a relative "who" or an age as person cues', () => {
    expect(names('Australia - Ian Healy , Michael Bevan , Stuart Lawton , Glenn McGrath .')).toContain(
      'Stuart Lawton',
    );
    expect(
      names('Mr. Ortiz left early . Pellegrino , who climbed back , won . Dagayev , 45 , lost .'),
    ).toEqual(['Ortiz', 'Pellegrino', 'Dagayev']);
  });

  it('names another member of a known family in full instead of taking the bare surname', () => {
    expect(names('Boris Yeltsin left.\nNaina Yeltsin said she was fine.')).toEqual([
      'Boris Yeltsin',
      'Naina Yeltsin',
    ]);
  });

  it('does not take a company or agency before "said" for a person', () => {
    expect(names('Interfax news agency said on Friday. Later Interfax said more.')).toEqual([]);
    expect(names('Shares of Cofinec S.A. fell. Cofinec said it would recover.')).toEqual([]);
    expect(names('Hong Kong Financial Secretary Donald Tsang spoke. He said Hong Kong will grow.')).toEqual([
      'Donald Tsang',
    ]);
  });

  it('counts each person’s mentions once per article and ranks people by them', () => {
    const { people } = readArticle(
      'Ines Caldera met Tom Brandt on Monday. Caldera spoke first and Brandt listened. Caldera left at noon.',
    );
    expect(people.people.map((p) => [p.name, p.mentionCount, p.salience])).toEqual([
      ['Ines Caldera', 3, 0],
      ['Tom Brandt', 2, 1],
    ]);
  });
});
