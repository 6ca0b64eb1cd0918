/**
 * Clipping into the library as a user does: import the seed article and three real pages through the
 * file picker, sort and filter, read one, restart the host, and read it again offline — with no request
 * ever leaving 127.0.0.1.
 */
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { evalDataDir, requireEvalData } from '../electron/core/testing/eval-data';
import { startHost, tempDataDir } from './host';
import { LibraryPage } from './pages/LibraryPage';

const DATA = evalDataDir();
const SEED = join(DATA, 'seed/article.txt');
const PAGES = ['ars-1', 'bbc-1', 'guardian-1'].map((name) =>
  join(DATA, 'extraction/readability-test-pages', name, 'source.html'),
);

test('imported articles are listed, read, and read again offline after a restart', async ({ page }) => {
  // Fails under CI when a file is missing (requireEvalData throws); skips with a message otherwise.
  test.skip(
    ![SEED, ...PAGES].every((file) => requireEvalData(relative(DATA, file), 'the library spec') !== null),
    `${DATA} is missing: the shared data is not beside the repo.`,
  );
  test.setTimeout(240_000);
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      !['127.0.0.1', 'localhost'].includes(url.hostname) &&
      !['data:', 'about:', 'blob:'].includes(url.protocol)
    ) {
      outside.push(request.url());
    }
  });

  const dataDir = tempDataDir();
  let host = await startHost(dataDir);
  const library = new LibraryPage(page);
  await page.goto(host.url);
  await library.open();
  await expect(page.getByTestId('library-empty')).toBeVisible();

  await library.importFiles([SEED, ...PAGES]);
  await expect(page.getByTestId('import-summary')).toHaveText('4 stored.');
  await expect(library.items).toHaveCount(4);
  await expect(library.row(/Minecraft exploit/)).toBeVisible();

  // Importing the same page again is recognised as a duplicate and can be skipped.
  await page.getByTestId('import-file-input').setInputFiles([PAGES[0]!]);
  await expect(page.getByTestId('duplicate-question')).toBeVisible();
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('0 stored, 1 skipped.');
  await expect(library.items).toHaveCount(4);

  // Sorting by title puts the titles in order. The sorted list comes back from the notebook after the
  // click: the rows are read until they are the four in order (read once right after the click, they
  // were sometimes still the previous order on a loaded machine, and the test failed).
  await page.getByRole('button', { name: 'Title' }).click();
  await expect
    .poll(async () => {
      const titles = await library.items.locator('.library-open').allTextContents();
      const sorted = [...titles].sort((a, b) => a.localeCompare(b));
      return titles.length === 4 && titles.every((t, i) => t === sorted[i]) ? 'in order' : titles;
    })
    .toBe('in order');

  // Filtering by site keeps that site's sources only.
  await page.getByTestId('filter-site').selectOption({ label: 'Ars Technica (1)' });
  await expect(library.items).toHaveCount(1);
  await page.getByTestId('filter-site').selectOption('');
  await page.screenshot({ path: join('test-results', 'screenshots', 'library.png'), fullPage: true });

  await library.openSource(/Minecraft exploit/);
  await expect(library.articleFrame().locator('#article')).toContainText('Minecraft');
  await page.screenshot({ path: join('test-results', 'screenshots', 'reader.png') });

  // "View original HTML" shows the page as text, never rendered.
  await page.getByTestId('view-original').click();
  await expect(page.getByTestId('original-html')).toContainText('<html');
  await page.getByTestId('view-original').click();

  // Restart: the article is still there and reads with no network.
  await host.stop();
  host = await startHost(dataDir);
  await page.goto(host.url);
  await library.open();
  await expect(library.items).toHaveCount(4);
  await library.openSource(/Minecraft exploit/);
  await expect(library.articleFrame().locator('#article')).toContainText('Minecraft');
  await host.stop();

  expect(outside).toEqual([]);
});
