import { describe, it } from 'vitest';
import { assertFuzz, type FuzzName } from './properties';

const names: FuzzName[] = [
  'extractArticle on any text: never throws, every span inside the text',
  'extractArticle with a bad publication date: only its documented error',
];

describe('fuzzing the extractor', () => {
  for (const name of names) {
    it(name, { timeout: 120_000 }, () => {
      assertFuzz(name);
    });
  }
});
