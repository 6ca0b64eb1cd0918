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
    testTimeout: 30_000,
  },
});
