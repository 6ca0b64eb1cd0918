import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    // Native SQLite and worker threads: separate processes keep one test's database handles from another's.
    pool: 'forks',
    // Vitest's default leaves one core free, which on a 2-core machine (CI's) is a single worker: the
    // unit tier took 375 s there, 203 s with two (most files wait on SQLite, workers and the disk).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
  },
});
