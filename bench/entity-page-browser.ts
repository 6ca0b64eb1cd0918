/**
 * The person page as a user opens it, in real Chromium against the built browser host: from the click
 * on the person in the People list until the first frame after the page's quotes are in the DOM. This
 * includes the worker hop, HTTP, JSON and React's render of the page (first 50 quotes and sources).
 */
import { chromium } from '@playwright/test';
import { startHost } from '../e2e/host';
import { CHROMIUM_ARGS } from './startup-browser';

/** `runs` openings of the page of the person named `name` in the notebook in `dataDir`, in ms. */
export async function timePersonPageInChromium(
  dataDir: string,
  name: string,
  runs: number,
): Promise<number[]> {
  const host = await startHost(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByTestId('nav-people').click();
    await page.getByTestId('entity-filter').fill(name);
    const samples: number[] = [];
    // The first opening warms the statements and the page cache; it is not counted.
    for (let i = 0; i <= runs; i++) {
      await page.getByTestId('nav-people').click();
      const row = page.getByTestId('entity-row').filter({ hasText: name }).first();
      await row.waitFor();
      // Timed on the page's clock: from just before the click's events to the painted frame.
      await page.evaluate(() => {
        (window as unknown as { __t0: number }).__t0 = performance.now();
      });
      await row.click();
      await page.getByTestId('entity-quote').first().waitFor();
      const ms = await page.evaluate(
        () =>
          new Promise<number>((done) =>
            requestAnimationFrame(() =>
              done(performance.now() - (window as unknown as { __t0: number }).__t0),
            ),
          ),
      );
      if (i > 0) samples.push(ms);
    }
    return samples;
  } finally {
    await browser.close();
    await host.stop();
  }
}
