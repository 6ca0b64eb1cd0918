import { defineConfig } from '@playwright/test';

/**
 * The real-Electron tier (`npm run test:electron`, electron/scripts/test-electron.mjs): the built app in
 * Electron through Playwright's Electron launcher, with the browser e2e's page objects.
 */
export default defineConfig({
  testDir: 'e2e/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright-electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
