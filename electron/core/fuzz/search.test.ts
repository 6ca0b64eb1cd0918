import { describe, it } from 'vitest';
import { assertFuzz, type FuzzName } from './properties';

const names: FuzzName[] = [
  'search: parseQuery never throws and its FTS5 expression is always valid',
  'API validators on malicious arguments: only INVALID_ARGUMENT',
];

describe('fuzzing search input and API arguments', () => {
  for (const name of names) {
    it(name, { timeout: 120_000 }, () => {
      assertFuzz(name);
    });
  }
});
