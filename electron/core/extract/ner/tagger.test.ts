/**
 * The trained tagger on text unlike its Reuters 1996 training data. Every sentence here is written for
 * this test.
 */
import { describe, expect, it } from 'vitest';
import { layoutText } from '../text';
import { shippedNerModel, tagEntities } from './tagger';

function entities(text: string): string[] {
  const sentences = layoutText(text).sentences.map((s): [number, number] => [s.start, s.end]);
  return tagEntities(text, sentences, shippedNerModel()).map((e) => `${e.type} ${text.slice(e.start, e.end)}`);
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

  it('finds the organisations news names most: the Kremlin, a ministry, a football club, an agency', () => {
    const found = entities(
      'The Kremlin rejected the plan. The Ministry of Defence in London said Arsenal and Bayern Munich ' +
        'would play in May. The World Health Organization warned of a new outbreak.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'ORG Kremlin',
        'ORG Ministry of Defence',
        'LOC London',
        'ORG Arsenal',
        'ORG Bayern Munich',
        'ORG World Health Organization',
      ]),
    );
  });

  it('reads an all-capitals headline', () => {
    expect(entities('MERKEL MEETS MACRON IN PARIS AS EU TALKS STALL')).toEqual(
      expect.arrayContaining(['PER MERKEL', 'PER MACRON', 'LOC PARIS', 'ORG EU']),
    );
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

  it('does not take photo credits, studios or places for people, nor common words for organisations', () => {
    const found = entities(
      'Photo: Getty Images. Marvel Studios will film in the San Francisco Bay Area next spring.\n' +
        'Watch it on TV. MORE: the SD card is OUT. The Department said the University would close.',
    );
    const people = found.filter((e) => e.startsWith('PER'));
    expect(people).toEqual([]);
    for (const word of ['TV', 'SD', 'OUT', 'MORE', 'Department', 'University'])
      expect(found).not.toContain(`ORG ${word}`);
  });
});
