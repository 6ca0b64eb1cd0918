/**
 * Bad input in the browser UI: a 50 MB page picked together with ordinary ones. The browser version
 * sends files as base64 JSON in one request, which a 50 MB page cannot fit; the user must get a clear
 * message naming that file and what to do instead, while the rest of the import goes on and what was
 * stored before stays as it was.
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { LibraryPage } from './pages/LibraryPage';
import { SearchPage } from './pages/SearchPage';

const MB = 1024 * 1024;

/** An ordinary article page about `topic`, long enough for the extractor to call it an article. */
function articlePage(title: string, topic: string): string {
  const sentence = `The city council debated ${topic} late into the night before a narrow vote was taken. `;
  const paragraphs = Array.from({ length: 6 }, () => `<p>${sentence.repeat(5)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><article><h1>${title}</h1>${paragraphs}</article></body></html>`;
}

/** A page of exactly `bytes` bytes: real markup, a real article, padded with more paragraphs. */
function hugePage(bytes: number): string {
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge page</title></head><body><article><h1>Huge page</h1>';
  const tail = '</article></body></html>';
  const paragraph =
    '<p>The harbour board met again and postponed the vote on the ferry timetable once more.</p>\n';
  const room = bytes - head.length - tail.length;
  const body = paragraph.repeat(Math.floor(room / paragraph.length));
  return head + body + ' '.repeat(room - body.length) + tail;
}

let host: RunningHost | undefined;
let folder: string | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

test('a 50 MB page fails on its own with a clear message; the rest imports, the library is untouched', async ({
  page,
}) => {
  test.setTimeout(180_000);
  folder = tempDataDir();
  const files = {
    before: join(folder, 'before.html'),
    huge: join(folder, 'huge-page.html'),
    after: join(folder, 'after.html'),
  };
  writeFileSync(files.before, articlePage('Bridge repairs approved', 'the bridge repairs'));
  writeFileSync(files.after, articlePage('Library hours extended', 'the library opening hours'));
  writeFileSync(files.huge, hugePage(50 * MB));
  expect(statSync(files.huge).size).toBe(50 * MB);

  host = await startHost(join(folder, 'data'));
  const library = new LibraryPage(page);
  await page.goto(host.url);
  await library.open();

  await library.importFiles([files.before]);
  await expect(page.getByTestId('import-summary')).toHaveText('1 stored.');
  await page.getByRole('button', { name: 'Close' }).click();

  const clipCalls: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/clipFile')) clipCalls.push(request.postDataBuffer()?.length ?? 0);
  });
  await library.importFiles([files.huge, files.after]);
  await expect(page.getByTestId('import-summary')).toHaveText('1 stored, 1 could not be imported:');
  await expect(page.getByTestId('import-errors')).toHaveText(
    'huge-page.html: huge-page.html is 50.0 MB; the browser version of Dossier accepts files of up to ' +
      '45.0 MB. Import it with `npx dossier import "huge-page.html"`, or in the Dossier app.',
  );
  await page.screenshot({ path: 'test-results/screenshots/large-file-import.png' });
  // The huge page was never sent: the one request was the small page's.
  expect(clipCalls).toHaveLength(1);
  expect(clipCalls[0]!).toBeLessThan(MB);

  await expect(library.items).toHaveCount(2);
  await expect(library.row('Library hours extended')).toBeVisible();
  await library.openSource('Bridge repairs approved');
  await expect(library.articleFrame().locator('#article')).toContainText('debated the bridge repairs');
});

test('a long article is stored in parts, read to its end, and found by a word from its last paragraph', async ({
  page,
}) => {
  test.setTimeout(180_000);
  folder = tempDataDir();
  const file = join(folder, 'long-report.html');
  // About 4 MB: well above the size where an article is stored in parts (schema 12).
  const page4 = hugePage(4 * MB).replace(
    '</article>',
    '<p>The final clause names the lighthouse keeper Oskarsdottir as the new chair.</p></article>',
  );
  writeFileSync(file, page4);
  host = await startHost(join(folder, 'data'));
  const library = new LibraryPage(page);
  await page.goto(host.url);
  await library.open();
  await library.importFiles([file]);
  await expect(page.getByTestId('import-summary')).toHaveText('1 stored.');
  await page.getByRole('button', { name: 'Close' }).click();

  await library.openSource('Huge page');
  const article = library.articleFrame().locator('#article');
  await expect(article).toContainText('postponed the vote on the ferry timetable');
  await expect(article).toContainText('lighthouse keeper Oskarsdottir as the new chair');

  const search = new SearchPage(page);
  await search.open();
  await search.search('Oskarsdottir');
  await expect(search.hit('source', 'Huge page')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/large-file-search.png' });
  // Typed halfway, as in the search box: the word is still found in the article's last part.
  await search.search('Oskarsdot');
  await expect(search.hit('source', 'Huge page')).toBeVisible();
});
