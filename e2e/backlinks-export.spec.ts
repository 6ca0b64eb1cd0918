/**
 * Backlinks and export as a user meets them in Chromium against the browser host: a note that links
 * [[Background]] shows in Background's Backlinks panel and opens from there (mouse and keyboard), and
 * leaves it when trashed; a note quoting the seed article shows in the reader's Backlinks; that note
 * exported as Markdown (the quote a footnote with speaker, source, URL and date), as HTML, and copied.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { AnalysisPage } from './pages/AnalysisPage';
import { BacklinksPage } from './pages/BacklinksPage';
import { EditorPage } from './pages/EditorPage';
import { LibraryPage } from './pages/LibraryPage';
import { NotebookPage } from './pages/NotebookPage';
import { SEED_TEXT, seedAvailable, seedPage } from './seed';

const QUOTE = 'We agree with the proposals to cease hostilities';
const SOURCE_TITLE = 'Putin backs a ceasefire, with conditions';
const SOURCE_URL = 'https://example.org/world/putin-ceasefire';
const SPEAKER = 'Vladimir Putin';
const PUBLISHED = '2025-03-14';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** Opens the note "Background" from the list (its title also appears in the excerpt of the note linking it). */
async function openBackground(notes: NotebookPage): Promise<void> {
  await notes.noteItems().filter({ hasText: 'Context for the talks' }).click();
  await expect(notes.title).toHaveValue('Background');
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(join('test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join('test-results', 'screenshots', `${name}.png`) });
}

test('a note linking [[Background]] is in its Backlinks, opens from there, and leaves when trashed', async ({
  page,
}) => {
  host = await startHost(tempDataDir());
  const notes = new NotebookPage(page);
  const editor = new EditorPage(page);
  const backlinks = new BacklinksPage(page);
  await notes.open(host.url);

  await notes.writeNewNote('Background', 'Context for the talks.');
  await notes.waitUntilSaved();
  await expect(backlinks.notePanel.getByTestId('backlinks-empty')).toHaveText('No notes link here yet.');

  await notes.writeNewNote('Ceasefire talks', 'Read ');
  await editor.insertReference('[[', 'Backgr', 'Background');
  await page.keyboard.type('before the meeting.');
  await notes.waitUntilSaved();
  // Nothing links to the linking note itself.
  await expect(backlinks.notePanel.getByTestId('backlinks-empty')).toBeVisible();

  await openBackground(notes);
  const entry = backlinks.entry(backlinks.notePanel, 'Ceasefire talks');
  await expect(backlinks.entries(backlinks.notePanel)).toHaveCount(1);
  await expect(entry).toContainText('links here');
  await expect(entry.getByTestId('backlink-context')).toHaveText('Read Background before the meeting.');
  await expect(backlinks.notePanel.getByTestId('backlinks-count')).toHaveText('1');
  await screenshot(page, 'backlinks-note');

  // The mouse opens the linking note.
  await entry.click();
  await expect(notes.title).toHaveValue('Ceasefire talks');

  // Back through the note link; the keyboard folds the panel and opens the entry.
  await editor.noteLinks().first().click();
  await expect(notes.title).toHaveValue('Background');
  // The panel loads its list once the page is idle: Tab can only reach an entry that is there.
  await expect(entry).toBeVisible();
  const toggle = backlinks.notePanel.getByTestId('backlinks-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(entry).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(entry).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notes.title).toHaveValue('Ceasefire talks');

  // The same backlink a second time (the route already names that note) still opens it.
  await openBackground(notes);
  await backlinks.entry(backlinks.notePanel, 'Ceasefire talks').click();
  await expect(notes.title).toHaveValue('Ceasefire talks');

  // Trashing the linking note from the list while Background is open empties its panel at once.
  await openBackground(notes);
  await expect(entry).toBeVisible();
  const item = notes.noteItems().filter({ hasText: 'Ceasefire talks' });
  await item.hover();
  await item.getByTestId('note-item-delete').click();
  await expect(backlinks.notePanel.getByTestId('backlinks-empty')).toBeVisible();
});

test('the reader lists the note quoting its article; the note exports with the quote cited', async ({
  page,
  context,
}) => {
  test.skip(!seedAvailable(), `the seed article is not at ${SEED_TEXT}`);
  test.setTimeout(120_000);
  host = await startHost(tempDataDir());
  const clip = (await AnalysisPage.callApi(host.url, 'clipFile', [
    { name: 'putin-ceasefire.html', data: Buffer.from(seedPage()).toString('base64'), url: SOURCE_URL },
  ])) as { status: string };
  expect(clip.status).toBe('created');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });

  const app = new AnalysisPage(page);
  const notes = new NotebookPage(page);
  const editor = new EditorPage(page);
  const library = new LibraryPage(page);
  const backlinks = new BacklinksPage(page);
  await notes.open(host.url);
  // A title with characters no file name may hold.
  await notes.writeNewNote('Moscow: "yes, but" / conditions', 'What the Kremlin said: ');
  await notes.waitUntilSaved();

  await library.open();
  await library.openSource(SOURCE_TITLE);
  await expect(backlinks.readerPanel.getByTestId('backlinks-empty')).toHaveText('No notes link here yet.');

  // "Quote in note" from the reader's panel puts the quote in the open note.
  await app.panelQuote(QUOTE).getByTestId('quote-in-note').click();
  await expect(editor.quotes()).toHaveCount(1);
  await notes.waitUntilSaved();

  // Back in the reader, the note is listed with the quoted words.
  await library.open();
  await library.openSource(SOURCE_TITLE);
  const entry = backlinks.entry(backlinks.readerPanel, 'Moscow: "yes, but" / conditions');
  await expect(backlinks.entries(backlinks.readerPanel)).toHaveCount(1);
  await expect(entry).toContainText('quotes it');
  await expect(entry.getByTestId('backlink-context')).toContainText(QUOTE);
  await screenshot(page, 'backlinks-reader');
  await entry.click();
  await expect(notes.title).toHaveValue('Moscow: "yes, but" / conditions');

  // Markdown: the quote as a blockquote with a footnote citing speaker, source, URL and date.
  const markdown = await backlinks.exportNote('markdown');
  expect(markdown.name).toBe('Moscow yes, but conditions.md');
  const lines = markdown.text.split('\n');
  expect(lines[0]).toBe('# Moscow: "yes, but" / conditions');
  expect(markdown.text).toContain('What the Kremlin said:');
  expect(lines.find((line) => line.startsWith('> '))).toMatch(new RegExp(`^> “.*${QUOTE}.*”\\[\\^1\\]$`));
  const footnote = lines.find((line) => line.startsWith('[^1]: '));
  expect(footnote).toMatch(new RegExp(`^\\[\\^1\\]: ".*${QUOTE}.*" — `));
  // Speaker, source, the source's byline and publication when the clip found them, the URL as a link, date.
  expect(footnote).toMatch(
    new RegExp(
      ` — ${SPEAKER}, ${SOURCE_TITLE}, (?:[^,]+, )*<${SOURCE_URL.replace(/[.?]/g, '\\$&')}>, ${PUBLISHED}$`,
    ),
  );

  // HTML: a standalone document with the quote, its numbered citation, and the source's URL as a link.
  const html = await backlinks.exportNote('html');
  expect(html.name).toBe('Moscow yes, but conditions.html');
  expect(html.text).toMatch(/^<!doctype html>/);
  expect(html.text).toContain('<title>Moscow: "yes, but" / conditions</title>');
  expect(html.text).toMatch(
    new RegExp(`<blockquote>\\s*<p>[^<]*${QUOTE}[^<]*<sup><a href="#user-content-fn-1"`),
  );
  expect(html.text).toMatch(
    new RegExp(
      `${SPEAKER}, ${SOURCE_TITLE}, (?:[^,]+, )*<a href="${SOURCE_URL}">${SOURCE_URL}</a>, ${PUBLISHED}`,
    ),
  );
  await expect(page.getByTestId('export-outcome')).toContainText(
    'Exported “Moscow yes, but conditions.html”',
  );

  // The clipboard holds the same Markdown as the file.
  expect(await backlinks.copyAsMarkdown()).toBe(markdown.text);

  // The menu, open, closes with Escape and gives the focus back to its button.
  await page.getByTestId('export-note').click();
  const menu = page.getByRole('menu', { name: 'Export note' });
  await expect(menu).toBeVisible();
  await screenshot(page, 'export-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('export-note')).toBeFocused();

  // With the notebook gone, the export says it failed and nothing is downloaded.
  await host!.stop();
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByTestId('export-note').click();
  await page.getByTestId('export-markdown').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Export failed:' })).toBeVisible();
  expect(downloaded).toBe(false);
});
