/**
 * Issue 20, item 2: searches made of filters alone (`type:quote from:2019-11-01`, `site:vox.com`,
 * `type:quote from:2019-11-19 to:2019-11-20`) answered "No results"; they list everything they match,
 * newest first. And Enter in the search box shows the list (focuses it) instead of opening the first hit.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDatabase } from '../electron/core/db/open';
import { DATABASE_FILE } from '../electron/core/paths';
import { SearchSeeder } from '../electron/core/search/testing';
import { startHost, tempDataDir, type RunningHost } from './host';
import { NotebookPage } from './pages/NotebookPage';
import { SearchPage } from './pages/SearchPage';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** A small library written for this test: three sites, November 2019 and earlier, with quotes. */
function seededDataDir(): string {
  const dataDir = tempDataDir();
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const seed = new SearchSeeder(db);
  const sondland = seed.entity('person', 'Gordon Sondland', ['Sondland']);
  const hill = seed.entity('person', 'Fiona Hill', ['Hill']);
  const article = (
    title: string,
    site: string,
    url: string,
    publishedAt: string,
    quote: string,
    speaker: string,
  ): void => {
    const text = `${title}. In testimony, the witness said: “${quote}” Lawmakers pressed for details.`;
    const id = seed.source({ title, plainText: text, siteName: site, url, publishedAt });
    seed.quote(id, text, quote, speaker);
  };
  article(
    'Sondland testifies about the call',
    'Vox',
    'https://www.vox.com/2019/11/20/sondland',
    '2019-11-20',
    'We followed the president’s orders.',
    sondland,
  );
  article(
    'Hill warns about a fictional narrative',
    'The Hill',
    'https://thehill.com/2019/11/21/hill',
    '2019-11-21',
    'This is a fictional narrative that has been perpetrated.',
    hill,
  );
  article(
    'What the first week of hearings showed',
    'Vox',
    'https://www.vox.com/2019/11/19/hearings',
    '2019-11-19',
    'Everyone was in the loop, it was no secret.',
    sondland,
  );
  article(
    'Earlier: the whistleblower complaint',
    'Los Angeles Times',
    'https://www.latimes.com/2019/10/politics/complaint',
    '2019-10-02',
    'I am deeply concerned about what I learned.',
    hill,
  );
  db.close();
  return dataDir;
}

test('filters alone list everything they match, newest first; Enter shows the list', async ({ page }) => {
  host = await startHost(seededDataDir());
  const notebook = new NotebookPage(page);
  const search = new SearchPage(page);
  await notebook.open(host.url);
  await search.open();

  await search.search('type:quote from:2019-11-01');
  await expect(search.hits()).toHaveCount(3);
  expect(await search.hitLabels()).toEqual([
    'quote: Fiona Hill',
    'quote: Gordon Sondland',
    'quote: Gordon Sondland',
  ]);
  await expect(search.hits().nth(1)).toContainText('We followed the president’s orders.');
  await expect(page.getByTestId('search-count')).toContainText('newest first');

  await search.search('type:quote from:2019-11-19 to:2019-11-20');
  await expect(search.hits()).toHaveCount(2);
  await expect(search.hits().first()).toContainText('We followed the president’s orders.');
  await expect(search.hits().last()).toContainText('Everyone was in the loop');

  await search.search('site:vox.com');
  await expect(search.hits()).toHaveCount(4);
  expect(await search.hitLabels()).toEqual([
    'source: Sondland testifies about the call',
    'quote: Gordon Sondland',
    'source: What the first week of hearings showed',
    'quote: Gordon Sondland',
  ]);
  await page.screenshot({ path: 'test-results/screenshots/filter-only-search.png' });

  // Enter shows the list: the search stays on screen and the list takes the focus, first hit chosen.
  await search.input.press('Enter');
  await expect(search.results).toBeFocused();
  await expect(search.selectedHit()).toContainText('Sondland testifies about the call');
  await expect(search.input).toHaveValue('site:vox.com');
  // Down moves, Enter opens the chosen hit.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(search.selectedHit()).toContainText('What the first week of hearings showed');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).toHaveText('What the first week of hearings showed');

  // Typed and Enter at once, before the answer: the list still shows, nothing opens by itself.
  await search.open();
  await search.input.fill('site:latimes.com');
  await search.input.press('Enter');
  await expect(search.results).toBeFocused();
  expect(await search.hitLabels()).toEqual([
    'source: Earlier: the whistleblower complaint',
    'quote: Fiona Hill',
  ]);
  await expect(page.getByTestId('search-screen')).toBeVisible();
});
