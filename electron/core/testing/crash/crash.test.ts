import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../temp-dir';
import { runCrashSeries, seedWithBackup } from './harness';

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

  it(
    'loses nothing when the notebook file is emptied beside its backups or the kill lands in a large clip',
    { timeout: 240_000 },
    async () => {
      // The notebook starts with a saved note and a backup of it, so every run whose newest backup was
      // acknowledged (the first run's at least) starts from a file emptied to 0 bytes (the child
      // restores that backup), and about half the runs start with a 1.4 MB clip; the kill lands during
      // the restore, the clip, or the writes after them.
      const summary = await runCrashSeries({
        baseDir: path.join(temp.dir, 'empty-and-large'),
        runs: 6,
        seed: 21,
        runsPerNotebook: 6,
        emptyFileChance: 1,
        largeClipChance: 0.5,
        seedNotebook: seedWithBackup,
      });
      expect(summary.problems).toEqual([]);
      expect(summary.losses).toBe(0);
      expect(summary.kills).toBe(6);
      expect(summary.emptied).toBeGreaterThan(0);
      expect(summary.killsByStage.restoring + summary.killsByStage['large-clip']).toBeGreaterThan(0);
    },
  );
});
