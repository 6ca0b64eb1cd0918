/**
 * The trained tagger on text unlike its Reuters 1996 training data. Every sentence here is written for
 * this test.
 */
import { describe, expect, it } from 'vitest';
import { layoutText } from '../text';
import { isUpperCaseDocument } from './model';
import { shippedNerModel, tagEntities } from './tagger';

function entities(text: string): string[] {
  const sentences = layoutText(text).sentences.map((s): [number, number] => [s.start, s.end]);
  return tagEntities(text, sentences, shippedNerModel()).map(
    (e) => `${e.type} ${text.slice(e.start, e.end)}`,
  );
}

describe('the entity tagger', () => {
  it('finds people, places and organisations in ordinary news prose', () => {
    const found = entities(
      'Finance Minister Ingrid Halvorsen told Reuters in Oslo on Monday that NATO would meet in Brussels.',
    );
    expect(found).toEqual(
      expect.arrayContaining(['PER Ingrid Halvorsen', 'ORG Reuters', 'LOC Oslo', 'ORG NATO', 'LOC Brussels']),
    );
  });

  it('finds the organisations news names most: a ministry, a football club, an agency', () => {
    const found = entities(
      'Officials at the Ministry of Defence in London said Arsenal and Bayern Munich ' +
        'would play in May. The World Health Organization warned of a new outbreak.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'ORG Ministry of Defence',
        'LOC London',
        'ORG Arsenal',
        'ORG Bayern Munich',
        'ORG World Health Organization',
      ]),
    );
  });

  it('reads an all-capitals headline, with what its article says about the same names', () => {
    const found = entities(
      'MERKEL MEETS MACRON IN PARIS AS EU TALKS STALL\n' +
        'German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.',
    );
    expect(found).toEqual(
      expect.arrayContaining(['PER MERKEL', 'PER MACRON', 'LOC PARIS', 'ORG EU', 'PER Angela Merkel']),
    );
  });

  it('reads a headline in capitals on names it has seen', () => {
    expect(entities('CLINTON TO MEET YELTSIN IN MOSCOW')).toEqual([
      'PER CLINTON',
      'PER YELTSIN',
      'LOC MOSCOW',
    ]);
  });

  it('reads an article written all in capitals as text without capitals, whole names included', () => {
    // The cased passes read "HELGA" as a name and "BRANDT" as another word; capitals say nothing here.
    const found = entities(
      'FOREIGN MINISTER HELGA BRANDT FLEW TO WARSAW ON TUESDAY FOR TALKS WITH THE POLISH GOVERNMENT. ' +
        'BRANDT SAID THE EUROPEAN COMMISSION WOULD SEND EXPERTS TO KRAKOW.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'PER HELGA BRANDT',
        'LOC WARSAW',
        'PER BRANDT',
        'ORG EUROPEAN COMMISSION',
        'LOC KRAKOW',
      ]),
    );
  });

  it('takes a document for one in capitals only when nearly every word is', () => {
    expect(isUpperCaseDocument([['CLINTON', 'TO', 'MEET', 'YELTSIN', 'IN', 'MOSCOW']])).toBe(true);
    expect(
      isUpperCaseDocument([
        ['NATO', 'SUMMIT'],
        ['Leaders', 'met', 'in', 'Vilnius', '.'],
      ]),
    ).toBe(false);
    expect(isUpperCaseDocument([['I', '.', '2024']])).toBe(false);
  });

  it('reads a lower-case post, at least where the words are names it knows', () => {
    const found = entities('just saw obama and merkel in berlin, the crowd was huge');
    expect(found).toEqual(expect.arrayContaining(['LOC berlin']));
    expect(found.filter((e) => e.startsWith('PER')).length).toBeGreaterThanOrEqual(1);
  });

  it('takes names written in another script', () => {
    const found = entities(
      'President Volodymyr Zelensky (Володимир Зеленський) met Olaf Scholz in Kyiv. ' +
        'Later Владимир Путин said nothing.',
    );
    expect(found).toEqual(expect.arrayContaining(['PER Volodymyr Zelensky', 'PER Olaf Scholz', 'LOC Kyiv']));
    expect(found.some((e) => e.includes('Путин'))).toBe(true);
  });

  it('takes names in a script without capitals, written inside English text, for names', () => {
    // Han, Hangul and Arabic have no capitals: such a word reads as a capitalised one in an English text.
    const found = entities(
      'Prime Minister 岸田文雄 met President 윤석열 in Seoul on Friday, officials said. ' +
        'Crown Prince محمد بن سلمان joined them later, and Joe Biden sent a message.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'PER 岸田文雄',
        'PER 윤석열',
        'LOC Seoul',
        'PER محمد بن سلمان',
        'PER Joe Biden',
      ]),
    );
  });

  it('does not take every word of a text written in a script without capitals for a name', () => {
    // Mostly caseless words: read as they are, as before (nothing found rather than every clause a name).
    expect(entities('岸田文雄 会见 윤석열 在 首尔 . 他们 讨论 了 贸易 .')).toEqual([]);
  });

  it('takes photo agencies and studios for organisations and a bay area for a place, not for people', () => {
    const found = entities(
      'Photo: Getty Images. Marvel Studios will film in the San Francisco Bay Area next spring.',
    );
    expect(found).toEqual(
      expect.arrayContaining(['ORG Getty Images', 'ORG Marvel Studios', 'LOC San Francisco Bay Area']),
    );
    expect(found.filter((e) => e.startsWith('PER'))).toEqual([]);
  });
});
