import { defineConfig } from '@playwright/test';

/**
 * e2e specs drive Debian's Chromium (Playwright cannot download its own browser here) against the
 * browser host, which serves the same renderer and NotebookApi as the Electron app.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The real-Electron tier has its own config (playwright.electron.config.ts) and runner.
  testIgnore: 'electron/**',
  // Playwright empties its output folder on every run; screenshots live beside it and survive.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
