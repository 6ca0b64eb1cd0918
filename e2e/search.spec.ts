import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDatabase } from '../electron/core/db/open';
import { DATABASE_FILE } from '../electron/core/paths';
import { SearchSeeder } from '../electron/core/search/testing';
import { startHost, tempDataDir, type RunningHost } from './host';
import { NotebookPage } from './pages/NotebookPage';
import { SearchPage } from './pages/SearchPage';

const ARTICLE =
  'Vladimir Putin said on Thursday: We agree with the proposals to cease hostilities. ' +
  'But the ceasefire must lead to lasting peace, he told reporters in Moscow.';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** A notebook holding one clipped article with a quote by Putin, written before the host starts. */
function seededDataDir(): string {
  const dataDir = tempDataDir();
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const seed = new SearchSeeder(db);
  const putin = seed.entity('person', 'Vladimir Putin', ['Putin']);
  const source = seed.source({
    title: 'Putin answers the ceasefire proposal',
    plainText: ARTICLE,
    siteName: 'Reuters',
    publishedAt: '2025-03-13',
  });
  seed.quote(source, ARTICLE, 'We agree with the proposals to cease hostilities', putin);
  db.close();
  return dataDir;
}

test('notes, sources, quotes and people are found from the Search screen', async ({ page }) => {
  host = await startHost(seededDataDir());
  const notebook = new NotebookPage(page);
  const search = new SearchPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Talks diary', 'The Jeddah ceasefire meeting went long.');
  await notebook.waitUntilSaved();

  await search.open();
  await search.search('ceasefire');
  await expect(search.hit('source', 'Putin answers the ceasefire proposal')).toBeVisible();
  await expect(search.hit('note', 'Talks diary')).toBeVisible();
  // Matches are marked in the snippet as text, never as injected HTML.
  await expect(search.hit('note', 'Talks diary').locator('mark')).toHaveText(['ceasefire']);
  await page.screenshot({ path: 'test-results/screenshots/search-screen.png' });

  await search.search('speaker:putin cease');
  await expect(search.hit('quote', 'We agree with the proposals to cease hostilities')).toBeVisible();
  await expect(search.hit('quote', 'Vladimir Putin').locator('mark')).toHaveText(['cease']);

  await search.search('putin');
  await expect(search.hit('entity', 'Vladimir Putin')).toBeVisible();

  // Malformed queries answer with results or "no results", never an error.
  for (const query of [
    '"unbalanced ceasefire',
    'NEAR(putin',
    'ceasefire AND OR (',
    '*^:',
    '🎉',
    'title:{x}',
  ]) {
    await search.search(query);
    await search.expectAnswered();
  }
  await search.search('"unbalanced quote ceasefire');
  await expect(page.getByTestId('search-warnings')).toContainText('not closed');

  // Keyboard: arrows move through the hits, Enter opens the note.
  await search.search('jeddah');
  await expect(search.hits()).toHaveCount(1);
  await search.input.press('ArrowDown');
  await search.input.press('Enter');
  await expect(notebook.title).toHaveValue('Talks diary');

  // A source hit opens the reader (the Library section).
  await search.open();
  await search.search('lasting peace');
  await search.hit('source', 'Putin answers').click();
  await expect(page.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page');
});

test('Ctrl/⌘+K opens the command palette anywhere: search as you type, commands, Esc', async ({ page }) => {
  host = await startHost(seededDataDir());
  const notebook = new NotebookPage(page);
  const search = new SearchPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Talks diary', 'The Jeddah ceasefire meeting went long.');
  await notebook.waitUntilSaved();
  await page.getByTestId('nav-settings').click();

  await search.openPalette();
  await search.paletteInput.fill('jedd');
  await expect(search.hit('note', 'Talks diary')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/command-palette.png' });
  await search.paletteInput.press('ArrowDown');
  await search.paletteInput.press('ArrowUp');
  await search.paletteInput.press('Enter');
  await expect(search.palette).toBeHidden();
  await expect(notebook.title).toHaveValue('Talks diary');

  // Commands: "Go to Library" by typing part of it.
  await page.getByTestId('nav-settings').click();
  await search.openPalette();
  await search.paletteInput.fill('library');
  await search.paletteInput.press('Enter');
  await expect(page.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page');

  // A malformed query: results or "no results", never an error; Esc closes.
  await search.openPalette();
  await search.paletteInput.fill('"NEAR( 🎉');
  await expect(page.getByTestId('palette-empty').or(search.hits().first())).toBeVisible();
  await expect(page.locator('.search-error')).toHaveCount(0);
  await search.paletteInput.press('Escape');
  await expect(search.palette).toBeHidden();

  // "Search everything" hands the query to the Search screen.
  await search.openPalette();
  await search.paletteInput.fill('hostilities');
  await expect(search.hit('quote', 'hostilities')).toBeVisible();
  await page.getByTestId('palette-search-all').click();
  await expect(search.input).toHaveValue('hostilities');
  await expect(search.hit('quote', 'hostilities')).toBeVisible();
});
