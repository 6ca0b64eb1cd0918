/**
 * Issue 20, item 9, the small things that got in the way: `/quote` showed nothing until a space and
 * Enter left the text; j/k did nothing unless a card had the focus and c confirmed one card only; merge
 * happened on the picker's Enter; the import error omitted .mhtml; reaching the seventh library row took
 * about 40 Tab presses (no skip link, four stops per date field).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { AnalysisPage } from './pages/AnalysisPage';
import { LibraryPage } from './pages/LibraryPage';
import { NotebookPage } from './pages/NotebookPage';
import { QuoteInsertPage } from './pages/QuoteInsertPage';

/** An article written for these tests: two people, three quotes. */
function article(n: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour report ${n}</title>
<meta property="article:published_time" content="2024-05-0${n}T09:00:00Z"></head>
<body><article><h1>Harbour report ${n}</h1>
<p>The town council met again on Tuesday to discuss the harbour plan, part ${n} of our series.</p>
<p>“The dredging will start in the spring and finish before the storms,” said Mayor Ingrid Halvorsen.</p>
<p>“We have not seen a single figure for the cost of the dredging,” said councillor Tomas Berg.</p>
<p>“The harbour must stay open to the fishing fleet while the work goes on,” Halvorsen added.</p>
</article></body></html>`;
}

let host: RunningHost | undefined;

test.beforeEach(async () => {
  host = await startHost(tempDataDir());
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function clip(n: number): Promise<void> {
  await AnalysisPage.callApi(host!.url, 'clipFile', [
    { name: `harbour-${n}.html`, data: Buffer.from(article(n)).toString('base64') },
  ]);
}

test('/quote opens its menu without a space; /quote + Enter opens the quote picker', async ({ page }) => {
  await clip(1);
  const notebook = new NotebookPage(page);
  const quotes = new QuoteInsertPage(page);
  await notebook.open(host!.url);
  await notebook.newNote();
  await notebook.editor.click();
  await page.keyboard.type('/quote');
  await expect(quotes.typeahead.getByTestId('reference-option').first()).toHaveText(/Choose a quote/);
  // Enter takes the highlighted option: wait until the menu has filled in the newest quotes after the
  // picker and shows the picker highlighted.
  // Regression: the pointer rests where the editor was clicked, under the menu; when the quotes filled
  // in, the row that came to lie under it took the highlight, and Enter inserted that quote.
  await expect.poll(() => quotes.typeahead.getByTestId('reference-option').count()).toBeGreaterThan(1);
  const highlighted = quotes.typeahead.locator('[data-testid="reference-option"][aria-selected="true"]');
  await expect(highlighted).toHaveText(/Choose a quote/);
  // Moving the pointer still highlights the row under it; the arrow keys take it back.
  await quotes.typeahead.getByTestId('reference-option').nth(1).hover();
  await expect(highlighted).not.toHaveText(/Choose a quote/);
  await page.keyboard.press('ArrowUp');
  await expect(highlighted).toHaveText(/Choose a quote/);
  await page.keyboard.press('Enter');
  await expect(quotes.panel).toBeVisible();
  await expect(page.getByTestId('note-quote-search')).toBeFocused();
  await expect(notebook.editor).not.toContainText('/quote');
  // Words after it still search the quotes.
  await notebook.editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('/quote fishing');
  await expect(quotes.option('fishing fleet')).toBeVisible();
});

test('j/k move between review cards from anywhere on the reader; x selects; c confirms the selection', async ({
  page,
}) => {
  await clip(1);
  const library = new LibraryPage(page);
  await page.goto(host!.url);
  await library.open();
  await library.openSource('Harbour report 1');
  const cards = page.getByTestId('panel-quote');
  await expect(cards).toHaveCount(3);
  // The focus is on the page, not in the panel: the keys still work.
  await page.getByTestId('reader-title').click();
  await page.keyboard.press('j');
  await expect(page.locator('.quote-item.is-focused')).toHaveCount(1);
  const first = await page.locator('.quote-item.is-focused').getAttribute('data-quote-id');
  await page.keyboard.press('j');
  const second = await page.locator('.quote-item.is-focused').getAttribute('data-quote-id');
  expect(second).not.toBe(first);
  await page.keyboard.press('k');
  await expect(page.locator('.quote-item.is-focused')).toHaveAttribute('data-quote-id', first!);
  // From inside the article frame too.
  await library.articleFrame().locator('p').first().click();
  await page.keyboard.press('j');
  await expect(page.locator('.quote-item.is-focused')).toHaveAttribute('data-quote-id', second!);
  // Select two cards and confirm both with one key.
  await page.keyboard.press('x');
  await page.keyboard.press('Shift+J');
  await expect(page.locator('.quote-item.is-picked')).toHaveCount(2);
  await expect(page.getByTestId('review-keys-hint')).toContainText('2 selected');
  await page.keyboard.press('c');
  await expect(cards.and(page.locator('[data-status="confirmed"]'))).toHaveCount(2);
  await expect(page.locator('.quote-item.is-picked')).toHaveCount(0);
});

test('merge waits for a second Enter and says Undo follows', async ({ page }) => {
  await clip(1);
  const library = new LibraryPage(page);
  await page.goto(host!.url);
  await library.open();
  await library.openSource('Harbour report 1');
  const berg = page.getByTestId('found-entity').filter({ hasText: 'Tomas Berg' });
  await berg.getByRole('button', { name: 'Merge…' }).click();
  const picker = page.getByTestId('merge-picker');
  await picker.locator('.entity-picker-input').fill('Halvorsen');
  await expect(picker.getByTestId('entity-picker-option').first()).toContainText('Ingrid Halvorsen');
  await page.keyboard.press('Enter');
  // Not merged yet: a confirmation names both and says Undo is there.
  const confirm = page.getByTestId('merge-confirm');
  await expect(confirm).toContainText('Merge Tomas Berg into Ingrid Halvorsen?');
  await expect(confirm).toContainText('Undo');
  await expect(page.getByTestId('found-entity').filter({ hasText: 'Tomas Berg' })).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('found-entity').filter({ hasText: 'Tomas Berg' })).toHaveCount(0);
  await expect(page.getByTestId('undo-button')).toBeVisible();
});

test('the import error names .mhtml among the files Dossier reads', async ({ page }) => {
  const dir = tempDataDir();
  const file = join(dir, 'photo.html');
  // A PNG saved under a page's name.
  writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  const library = new LibraryPage(page);
  await page.goto(host!.url);
  await library.open();
  await library.importFiles([file]);
  await expect(page.getByTestId('import-errors')).toContainText('.html, .htm, .mhtml, .txt and .md');
});

test('a skip link and one Tab stop per control reach the seventh library row quickly', async ({ page }) => {
  for (let n = 1; n <= 8; n++) await clip(n);
  const library = new LibraryPage(page);
  await page.goto(host!.url);
  await library.open();
  await expect(library.items).toHaveCount(8);

  // The skip link is the first stop of the page; it lands on the current row.
  await page.reload();
  await expect(library.items).toHaveCount(8);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(library.items.nth(0).locator('.library-open')).toBeFocused();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await expect(library.items.nth(6).locator('.library-open')).toBeFocused();

  // Tab alone: from the top of the page to the rows is one stop per control, and the rows are one stop.
  await page.reload();
  await expect(library.items).toHaveCount(8);
  let presses = 0;
  const rowFocused = () =>
    page.evaluate(() => document.activeElement?.closest('[data-testid="source-item"]') !== null);
  while (!(await rowFocused()) && presses < 60) {
    await page.keyboard.press('Tab');
    presses++;
  }
  expect(presses).toBeLessThanOrEqual(22);
  // The Published range is one field (one stop), not two date inputs of four stops each.
  await expect(page.locator('.library-filters input[type="date"]')).toHaveCount(0);
  await expect(page.getByTestId('filter-published')).toHaveCount(1);
  // Past the current row, Tab leaves the table instead of walking every row.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await rowFocused()).toBe(false);
});
