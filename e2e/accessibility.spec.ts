/**
 * Issue 20, item 10: axe-core on every screen, the reader's article frame included: no serious or
 * critical finding (it found colour contrast on reader counts, note excerpts and times, toolbar H1/H2
 * buttons whose accessible name lacked their visible label, a hidden "Typeahead menu" region on every
 * screen and empty table headers).
 */
import { expect, test, type Page } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { axeFindings } from './pages/Accessibility';
import { AnalysisPage } from './pages/AnalysisPage';
import { LibraryPage } from './pages/LibraryPage';
import { NotebookPage } from './pages/NotebookPage';
import { SearchPage } from './pages/SearchPage';

const TITLE = 'Council approves the harbour plan';
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta property="article:published_time" content="2024-05-02T09:00:00Z">
<meta property="og:site_name" content="Harbour Gazette"></head>
<body><article><h1>${TITLE}</h1>
<p>The town council voted on Tuesday, May 1, 2024 to approve the new harbour plan after a long debate.</p>
<p>“This harbour will carry our town for fifty years,” said Mayor Ingrid Halvorsen after the vote.</p>
<p>“We have not seen a single figure for the cost,” said councillor Tomas Berg.</p>
<figure><img src="missing.png" alt="The harbour at dawn"><figcaption>The harbour at dawn.</figcaption></figure>
</article></body></html>`;

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** Lesser findings the issue named (the hidden "Typeahead menu" outside landmarks, empty table headers). */
const NAMED_LESSER = ['region', 'empty-table-header', 'skip-link'];

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const all = await axeFindings(page, ['minor', 'moderate', 'serious', 'critical']);
  const findings = all.filter(
    (f) => f.impact === 'serious' || f.impact === 'critical' || NAMED_LESSER.includes(f.rule),
  );
  // Soft: every screen is checked and reported, not only the first that fails.
  expect.soft(findings, `${screen}: ${JSON.stringify(findings, null, 1)}`).toEqual([]);
}

test('every screen has no serious or critical axe-core finding', async ({ page }) => {
  test.setTimeout(360_000);
  host = await startHost(tempDataDir());
  await page.goto(host.url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expectAccessible(page, 'welcome');

  await AnalysisPage.callApi(host.url, 'clipFile', [
    { name: 'harbour.html', data: Buffer.from(ARTICLE).toString('base64') },
  ]);
  const notebook = new NotebookPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Harbour notes', 'The mayor said the harbour will carry the town.');
  await notebook.waitUntilSaved();
  await expectAccessible(page, 'notes');

  const library = new LibraryPage(page);
  await library.open();
  await expectAccessible(page, 'library');
  await library.openSource(TITLE);
  await expect(page.getByTestId('panel-quote').first()).toBeVisible();
  await expectAccessible(page, 'reader (with its article frame)');

  for (const [nav, ready] of [
    ['nav-people', 'people-screen'],
    ['nav-events', 'events-screen'],
    ['nav-timeline', 'timeline-screen'],
    ['nav-settings', 'clip-endpoint-panel'],
    ['nav-trash', 'trash-view'],
  ] as const) {
    await page.getByTestId(nav).click();
    await expect(page.getByTestId(ready)).toBeVisible();
    await expectAccessible(page, nav.slice(4));
  }

  await page.getByTestId('nav-people').click();
  await page.getByTestId('people-screen').getByText('Ingrid Halvorsen').first().click();
  await expect(page.getByTestId('entity-name')).toHaveText('Ingrid Halvorsen');
  await expectAccessible(page, 'entity page');

  const search = new SearchPage(page);
  await search.open();
  await search.search('harbour');
  await expect(search.hits().first()).toBeVisible();
  await expectAccessible(page, 'search');

  await search.openPalette();
  await search.paletteInput.fill('harb');
  await expect(search.hits().first()).toBeVisible();
  await expectAccessible(page, 'command palette');
});
