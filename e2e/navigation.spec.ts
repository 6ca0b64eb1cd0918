/**
 * Issue 20, item 7: a reload kept nothing (it always landed on Notes); the sidebar's Trash showed notes
 * only, trashed sources hid behind a Library checkbox; a citation to a trashed source opened it with no
 * sign that it was trashed. Now screens have addresses (#/…) that survive a reload, Back works, a note
 * can link to a screen, the Trash lists sources, and the reader says a source is trashed, with Restore.
 */
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { AnalysisPage } from './pages/AnalysisPage';
import { LibraryPage } from './pages/LibraryPage';
import { NotebookPage } from './pages/NotebookPage';
import { QuoteInsertPage } from './pages/QuoteInsertPage';
import { SearchPage } from './pages/SearchPage';
import { TrashPage } from './pages/TrashPage';

const TITLE = 'Council approves the harbour plan';
const QUOTE = 'This harbour will carry our town for fifty years';
// An article written for this test: a mayor quoted with "said", dated by its metadata.
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta property="article:published_time" content="2024-05-02T09:00:00Z">
<meta property="og:site_name" content="Harbour Gazette"></head>
<body><article><h1>${TITLE}</h1>
<p>The town council voted on Tuesday to approve the new harbour plan after a long debate.</p>
<p>“${QUOTE},” said Mayor Ingrid Halvorsen after the vote.</p>
<p>Opponents said the cost of the dredging had not been explained and asked for a second study.</p>
</article></body></html>`;

let host: RunningHost | undefined;

test.beforeEach(async () => {
  host = await startHost(tempDataDir());
  const clip = (await AnalysisPage.callApi(host.url, 'clipFile', [
    { name: 'harbour.html', data: Buffer.from(ARTICLE).toString('base64') },
  ])) as { status: string };
  expect(clip.status).toBe('created');
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a reader, a person and a search survive a reload; Back returns; a note links to a screen', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  const search = new SearchPage(page);
  const notebook = new NotebookPage(page);
  await page.goto(host!.url);
  await library.open();
  await library.openSource(TITLE);
  await expect(page).toHaveURL(/#\/source\//);
  await page.reload();
  await expect(page.getByTestId('reader-title')).toHaveText(TITLE);
  await expect(library.articleFrame().locator('#article')).toContainText('harbour plan');

  // A person's page, from the panel beside the reader.
  await page
    .getByTestId('found-entity')
    .filter({ hasText: 'Ingrid Halvorsen' })
    .getByTestId('open-entity-page')
    .click();
  await expect(page).toHaveURL(/#\/entity\//);
  await page.reload();
  await expect(page.getByTestId('entity-name')).toHaveText('Ingrid Halvorsen');

  // Back goes to the reader again.
  await page.goBack();
  await expect(page.getByTestId('reader-title')).toHaveText(TITLE);

  // A search keeps its words.
  await search.open();
  await search.search('site:harbour');
  await expect(search.hits().first()).toBeVisible();
  await expect(page).toHaveURL(/#\/search\?q=site%3Aharbour/);
  await page.reload();
  await expect(search.input).toHaveValue('site:harbour');
  await expect(search.hit('source', TITLE)).toBeVisible();

  // A note links to that search: the link box takes the address, clicking the link opens it.
  await notebook.open(host!.url);
  await notebook.writeNewNote('Harbour story', 'Everything from the Gazette: ');
  await page.keyboard.press('ControlOrMeta+Shift+k');
  await page.getByLabel('Link address').fill('#/search?q=site%3Aharbour');
  await page.getByLabel('Link address').press('Enter');
  await notebook.waitUntilSaved();
  await notebook.editor.locator('a[href="#/search?q=site%3Aharbour"]').click();
  await expect(search.input).toHaveValue('site:harbour');
  // The open note is in the address too: a reload reopens it.
  await page.goBack();
  await expect(notebook.title).toHaveValue('Harbour story');
  await page.reload();
  await expect(notebook.title).toHaveValue('Harbour story');
});

test('the Trash lists trashed sources; a citation to one opens it marked as trashed, with Restore', async ({
  page,
}) => {
  const notebook = new NotebookPage(page);
  const quotes = new QuoteInsertPage(page);
  const library = new LibraryPage(page);
  const trash = new TrashPage(page);
  await notebook.open(host!.url);
  await notebook.newNote();
  await notebook.setTitle('Harbour quotes');
  const options = await quotes.searchQuotes('fifty years');
  await options.filter({ hasText: QUOTE }).first().click();
  await expect(quotes.quote(QUOTE)).toBeVisible();
  await notebook.waitUntilSaved();

  await library.open();
  await library.row(TITLE).getByTestId('source-trash').click();
  await expect(library.row(TITLE)).toHaveCount(0);

  await trash.open();
  await expect(trash.source(TITLE)).toBeVisible();
  await expect(trash.source(TITLE)).toContainText('Harbour Gazette');

  // The note's citation still opens the source, which says it is in the trash.
  await page.getByTestId('nav-notes').click();
  await notebook.openNote('Harbour quotes');
  await quotes.quote(QUOTE).getByTestId('quote-open-source').click();
  await expect(page.getByTestId('reader-title')).toHaveText(TITLE);
  await expect(page.getByTestId('reader-trashed')).toContainText('This source is in the trash');
  await page.screenshot({ path: 'test-results/screenshots/trashed-source-citation.png' });

  await page.getByTestId('reader-restore').click();
  await expect(page.getByTestId('reader-trashed')).toHaveCount(0);
  await library.open();
  await expect(library.row(TITLE)).toHaveCount(1);
  await trash.open();
  await expect(trash.source(TITLE)).toHaveCount(0);
});
