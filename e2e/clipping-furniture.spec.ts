/**
 * Issue 20, item 6, as a user meets it: an article with an author hover card inside a sentence (the
 * shape of The Hill's, written for this test) reads without the card; a figure whose image could not
 * be stored shows a placeholder above its caption instead of a bare caption.
 */
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { AnalysisPage } from './pages/AnalysisPage';
import { LibraryPage } from './pages/LibraryPage';

const TITLE = 'Ferry landing to close';
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><main><article><h1>${TITLE}</h1>
<p>County board member <a href="/people/mara-lindqvist">Mara Lindqvist</a><span class="hovercard"><span>Mara
Lindqvist</span><span>Mara Elin Lindqvist</span><a href="/story/dock">County board doubles down on ferry dock plan…</a>
<a href="/people/mara-lindqvist">MORE</a> <span>(R)</span></span> said the landing should have been repaired years ago.</p>
<p>The county board voted on Tuesday to close the old ferry landing after an inspection found the pilings unsafe.</p>
<figure><img src="https://images.invalid/ferry.jpg" alt="The ferry landing"><figcaption>The old ferry landing.</figcaption></figure>
<p>Residents who rely on the ferry said they were given two weeks of notice and no plan for the crossing.</p>
</article></main></body></html>`;

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a hover card stays out of the article; a figure without its image shows a placeholder', async ({
  page,
}) => {
  host = await startHost(tempDataDir());
  await AnalysisPage.callApi(host.url, 'clipFile', [
    {
      name: 'ferry.html',
      data: Buffer.from(ARTICLE).toString('base64'),
      url: 'https://gazette.example/ferry',
    },
  ]);
  const library = new LibraryPage(page);
  await page.goto(host.url);
  await library.open();
  await library.openSource(TITLE);
  const article = library.articleFrame().locator('#article');
  await expect(article).toContainText(
    'County board member Mara Lindqvist said the landing should have been repaired years ago.',
  );
  await expect(article).not.toContainText('Mara Elin Lindqvist');
  await expect(article).not.toContainText('MORE');
  // Nobody named "Lindqvist Mara Elin…" was found: the card's words never reached the extractor.
  await expect(page.getByTestId('found-entity').filter({ hasText: 'Elin' })).toHaveCount(0);

  const figure = library.articleFrame().locator('figure');
  await expect(figure.locator('figcaption')).toHaveText('The old ferry landing.');
  await expect(figure.locator('img')).toHaveCount(0);
  const placeholder = await figure.evaluate((element) => getComputedStyle(element, '::before').content);
  expect(placeholder).toContain('Image not kept');
  await page.screenshot({ path: 'test-results/screenshots/figure-placeholder.png' });
});
