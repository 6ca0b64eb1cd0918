/**
 * The tagger sums the weights of each distinct word's features once (TaggerPass.tagSentence); training
 * and TaggerPass.decode read every key of every token from sentenceFeatures. Both must give the same
 * scores to the last bit. Every sentence here is written for this test.
 */
import { describe, expect, it } from 'vitest';
import { LABEL_COUNT } from './decode';
import {
  documentContext,
  FeatureBuffer,
  readSentence,
  sentenceContextKeys,
  sentenceFeatures,
  withFirstPass,
} from './features';
import { nerTokenize } from './tokenize';
import { shippedNerModel } from './tagger';

const SENTENCES = [
  'Finance Minister Ingrid Halvorsen told Reuters in Oslo on Monday that NATO would meet in Brussels.',
  'HALVORSEN QUITS AS NATO TALKS STALL IN BRUSSELS',
  'halvorsen said the talks in brussels would go on',
  'Oslo.',
  'Yes',
  '“We will not sign,” Halvorsen said, and Halvorsen left; the Kremlin and the Kremlin’s envoy stayed.',
  'Владимир Путин встретился с Halvorsen в Москве.',
];

describe('the tagger’s per-word sums', () => {
  it('score every token exactly as the keys of sentenceFeatures do, in both passes', () => {
    const model = shippedNerModel();
    const sentences = SENTENCES.map((s) => nerTokenize(s, 0, s.length).map((t) => t.text));
    // Twice over, so the second round reads every word from the sums the first one stored.
    for (let round = 0; round < 2; round++) {
      let doc = documentContext(sentences);
      let previous: Int32Array[] = [];
      model.passes.forEach((pass, p) => {
        if (p > 0) doc = withFirstPass(doc, sentences, previous);
        previous = sentences.map((words, s) => {
          const firstPass = p > 0 ? previous[s] : undefined;
          const buf = new FeatureBuffer();
          sentenceFeatures(words, doc, model.lexicons, buf, firstPass);
          const expected = new Float64Array(words.length * LABEL_COUNT);
          const expectedLabels = new Int32Array(words.length);
          pass.decode(buf, expected, expectedLabels);
          const reading = readSentence(words, model.lexicons);
          // The context keys as the first pass writes them, and for a later pass from the first's.
          const context = new FeatureBuffer();
          const kept = p > 0 ? sentenceContextKeys(reading, doc, context) : undefined;
          sentenceContextKeys(reading, doc, context, firstPass, kept);
          const actual = new Float64Array(words.length * LABEL_COUNT);
          const labels = new Int32Array(words.length);
          pass.tagSentence(reading, context, actual, labels);
          expect([...actual]).toEqual([...expected]);
          expect([...labels]).toEqual([...expectedLabels]);
          return labels;
        });
      });
    }
  });

  it('read no stale sums after the word cache starts over', () => {
    const model = shippedNerModel();
    const pass = model.passes[0]!;
    const doc = documentContext([]);
    const emissionsOf = (words: string[]): number[] => {
      const reading = readSentence(words, model.lexicons);
      const context = new FeatureBuffer();
      sentenceContextKeys(reading, doc, context);
      const out = new Float64Array(words.length * LABEL_COUNT);
      pass.tagSentence(reading, context, out, new Int32Array(words.length));
      return [...out];
    };
    const words = nerTokenize(SENTENCES[0]!, 0, SENTENCES[0]!.length).map((t) => t.text);
    const before = emissionsOf(words);
    // More distinct words than the cache holds (1 << 14), so it starts over and their sums take the
    // places the sentence's words had.
    for (let k = 0; k < 180; k++) emissionsOf(Array.from({ length: 100 }, (_, i) => `Zq${k}x${i}`));
    expect(emissionsOf(words)).toEqual(before);
  });
});
