/**
 * The trigger model scores a word from its weights by template (no feature strings built); training
 * reads the feature strings. The two must give the same probability to the last bit. Every sentence
 * here is written for this test.
 */
import { describe, expect, it } from 'vitest';
import { triggerModel, triggerProbability, triggerProbabilityOfFeatures } from './trigger-model';
import { wordsOf } from './words';

const SENTENCES = [
  'Armed robbers stole diamonds from the Paris branch of a jeweller on Thursday, police said.',
  'EARTHQUAKE STRIKES INDONESIA, KILLING AT LEAST 12',
  'the talks in brussels collapsed after the ministers met at 10:30',
  'She resigned.',
  '“We will not sign,” he said | and the ceasefire proposal was rejected by Moscow’s envoy.',
];

describe('the trigger model’s score by template', () => {
  it('equals the score of the feature strings for every word, first and second time', () => {
    const model = triggerModel();
    let compared = 0;
    for (let round = 0; round < 2; round++) {
      for (const sentence of SENTENCES) {
        const words = wordsOf(sentence, 0, sentence.length);
        words.forEach((_, i) => {
          expect(triggerProbability(model, words, i)).toBe(triggerProbabilityOfFeatures(model, words, i));
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
