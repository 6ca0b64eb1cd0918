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
  // Each spec starts its own host on its own data folder and port, so files run side by side. CI runs two
  // at a time (the e2e tier is most of CI's time, and much of it is waiting); a developer's run keeps one,
  // so a failing spec's output is not interleaved. DOSSIER_E2E_WORKERS overrides both.
  workers: Number(process.env.DOSSIER_E2E_WORKERS ?? (process.env.CI ? 2 : 1)),
  retries: 0,
  timeout: 60_000,
  // How long an expectation waits for the UI to reach it (Playwright's default is 5 s). A loaded machine
  // (two spec files at a time on two cores, or other work beside the tests) can take longer than 5 s to
  // open a notebook; the expectation still has to come true, it is only given longer to.
  expect: { timeout: 15_000 },
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
