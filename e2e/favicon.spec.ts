/**
 * The browser host shows Dossier's icon in the tab, and loading the app asks for nothing that is
 * missing (issue 20 saw a 404 for /favicon.ico on every load). Real Chromium against the browser host.
 *
 * Chromium fetches a tab's icon from its browser process, outside the page's network events, so the
 * test fetches the URL the browser would use (the page's <link rel="icon">, else /favicon.ico) in the
 * page's own context and has Chromium decode it, as the tab does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { NotebookPage } from './pages/NotebookPage';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('the tab gets Dossier’s icon, and loading the app meets no 404', async ({ page }) => {
  host = await startHost(tempDataDir());
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // A call the page itself abandons when it reloads is not a missing file.
    const reason = request.failure()?.errorText;
    if (reason !== 'net::ERR_ABORTED') failures.push(`failed ${request.url()}: ${reason}`);
  });

  await new NotebookPage(page).open(host.url);
  await page.waitForLoadState('networkidle');

  // The icon the tab shows: the page's link, or the browser's default /favicon.ico.
  const iconUrl = await page.evaluate(
    () =>
      document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ??
      new URL('/favicon.ico', location.href).href,
  );
  expect(new URL(iconUrl).pathname).toBe('/favicon.ico');
  const icon = await page.request.get(iconUrl);
  expect(icon.status(), `GET ${iconUrl}`).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');
  expect(await icon.body()).toEqual(
    readFileSync(join(import.meta.dirname, '..', 'renderer/public/favicon.ico')),
  );
  // Chromium decodes it (the largest image of the .ico is 48 px).
  const size = await page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  }, iconUrl);
  expect(size).toEqual([48, 48]);

  await page.reload();
  await new NotebookPage(page).open(host.url);
  await page.waitForLoadState('networkidle');
  expect(failures).toEqual([]);
});
