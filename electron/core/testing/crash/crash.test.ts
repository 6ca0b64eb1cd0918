import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../temp-dir';
import { runCrashSeries } from './harness';

// The short version of `npm run test:crash` (which does 50+ runs): the real core in a child process,
// SIGKILLed at random moments, the notebook checked after each kill. Seed 9 kills once while the
// notebook opens and twice while it is being written (a few hundred milliseconds in).
const temp = makeTempDir('dossier-crash-test-');
afterAll(() => temp.remove());

describe('crash safety', () => {
  it(
    'loses no acknowledged write and half-applies none when killed at random',
    { timeout: 120_000 },
    async () => {
      const summary = await runCrashSeries({ baseDir: temp.dir, runs: 3, seed: 9 });
      expect(summary.problems).toEqual([]);
      expect(summary.losses).toBe(0);
      expect(summary.kills).toBe(3);
      // The test proves something only if writes were acknowledged before the kills.
      expect(summary.acked).toBeGreaterThan(0);
    },
  );
});
