import { describe, it } from 'vitest';
import { assertFuzz } from './properties';

describe('fuzzing the JSON import', () => {
  const name = 'JSON import of spoiled exports: only ApiError, and a refused file changes nothing' as const;
  it(name, { timeout: 120_000 }, () => {
    assertFuzz(name);
  });
});
