/**
 * Exports and imports in the app (issue 20 item 5, issue 17), in Chromium against the browser host:
 * Settings → Export and import writes a JSON export and an Obsidian vault with progress and shows where
 * they are; citations of all sources download as BibTeX; a JSON export imports into a second notebook
 * (from Settings and from the Ctrl+K palette); a source and a quote are copied as citations in a chosen
 * style; the note's Export menu offers its cited sources. The article is written here, not shared data.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { AnalysisPage } from './pages/AnalysisPage';
import { ExportPanel } from './pages/ExportPanel';
import { LibraryPage } from './pages/LibraryPage';
import { NotebookPage } from './pages/NotebookPage';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour talks stall over fishing rights</title>
<meta name="author" content="Anna Müller">
<meta property="og:site_name" content="The Coastal Times">
<meta property="article:published_time" content="2016-11-03T09:00:00Z">
<link rel="canonical" href="https://coastal.example/news/harbour-talks">
</head><body><article><h1>Harbour talks stall over fishing rights</h1>
<p>Negotiators for the two fishing towns met on Thursday in the harbour office and failed to agree on the
quotas for the coming season, officials said after the meeting ended late in the evening.</p>
<p>“We will not give up the northern grounds,” Maria Lindqvist, the mayor of Nordhavn, said after the meeting.
She added that the town would ask the regional council to decide the matter before the spring.</p>
<p>The mayor of Sudhavn, Peter Holm, said the town had offered a compromise and was still waiting for an answer.
“Our boats cannot wait another season,” Holm told reporters outside the office.</p>
</article></body></html>`;

const hosts: RunningHost[] = [];

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

async function start(): Promise<RunningHost> {
  const host = await startHost(tempDataDir());
  hosts.push(host);
  return host;
}

/** A notebook with the article and a note, through the UI. */
async function fill(page: Page, host: RunningHost): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-article-'));
  const file = join(dir, 'harbour-talks.html');
  writeFileSync(file, ARTICLE);
  const notes = new NotebookPage(page);
  await notes.open(host.url);
  await notes.writeNewNote('Harbour: who said what?', 'The quotas are the whole story.');
  await notes.waitUntilSaved();
  const library = new LibraryPage(page);
  await library.open();
  await library.importFiles([file]);
  await expect(library.row('Harbour talks stall')).toBeVisible();
}

test('Settings exports the notebook as JSON and as an Obsidian vault, with progress and where they are', async ({
  page,
}) => {
  const host = await start();
  await fill(page, host);
  const panel = new ExportPanel(page);
  await panel.open();
  await panel.screenshot('settings-exports');

  const json = await panel.exportNotebook('export-json');
  expect(json).toMatch(/exports[/\\]Dossier export \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2}\.jsonl$/);
  expect(json.startsWith(join(host.dataDir, 'exports'))).toBe(true);
  const lines = readFileSync(json, 'utf8').trimEnd().split('\n');
  expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'dossier-export', version: 1 });
  expect(lines.some((line) => line.includes('Harbour talks stall over fishing rights'))).toBe(true);
  // In a browser the result's button copies the path (Electron shows the folder instead).
  await expect(panel.status.getByTestId('interop-reveal')).toHaveText('Copy path');
  await panel.screenshot('settings-export-done');

  const vault = await panel.exportNotebook('export-obsidian');
  expect(readdirSync(join(vault, 'Notes'))).toEqual(['Harbour who said what.md']);
  expect(readdirSync(join(vault, 'Sources'))).toEqual(['Harbour talks stall over fishing rights.md']);
  expect(
    readFileSync(join(vault, 'Sources', 'Harbour talks stall over fishing rights.md'), 'utf8'),
  ).toContain('byline: Anna Müller');

  // Citations of all sources, saved as a file.
  await panel.panel.getByTestId('citation-format').selectOption('bibtex');
  const download = page.waitForEvent('download');
  await panel.panel.getByTestId('export-citations').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Dossier sources.bib');
  const bib = readFileSync((await saved.path())!, 'utf8');
  expect(bib).toMatch(/^@article\{Muller2016Harbour,/);
  expect(bib).toContain('title = {Harbour talks stall over fishing rights}');
  await expect(panel.status).toContainText('Saved 1 source(s) as BibTeX citations');
});

test('a JSON export imports into another notebook from Settings, and from the palette with a backup first', async ({
  page,
}) => {
  const first = await start();
  await fill(page, first);
  const panel = new ExportPanel(page);
  await panel.open();
  const json = await panel.exportNotebook('export-json');

  const second = await start();
  const notes = new NotebookPage(page);
  await notes.open(second.url);
  await panel.open();
  await panel.panel.getByTestId('import-json').click();
  await page.getByTestId('import-json-file').setInputFiles(json);
  await expect(panel.status).toHaveAttribute('data-state', 'imported', { timeout: 60_000 });
  await expect(panel.status).toContainText(
    /Imported Dossier export .*\.jsonl: \d+ record\(s\) added, 0 updated\./,
  );
  await panel.status.getByRole('button', { name: 'Show the imported records' }).click();
  await expect(notes.noteItems().filter({ hasText: 'Harbour: who said what?' })).toBeVisible();

  // The same file again, from the palette: the notebook now holds records, so it is backed up first.
  await panel.open();
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('import json');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(json);
  await expect(panel.status).toHaveAttribute('data-state', 'imported', { timeout: 60_000 });
  await expect(panel.status).toContainText('0 record(s) added, 0 updated');
  await expect(panel.status).toContainText(/backed up first \(dossier-\d{8}T\d{9}Z-before-import\.sqlite\)/);
  expect(
    readdirSync(join(second.dataDir, 'backups')).some((name) => name.endsWith('-before-import.sqlite')),
  ).toBe(true);

  // A file that is not an export is refused with the reason, and nothing changes.
  const bad = join(mkdtempSync(join(tmpdir(), 'dossier-e2e-bad-')), 'notes.jsonl');
  writeFileSync(
    bad,
    '{"format":"dossier-export","version":1,"schemaVersion":1,"appVersion":"x","exportedAt":"2020-01-01T00:00:00.000Z"}\n{"table":"notes","row":{"id":"n","title":12345}}\n',
  );
  await panel.open();
  await panel.panel.getByTestId('import-json').click();
  await page.getByTestId('import-json-file').setInputFiles(bad);
  await expect(panel.status).toHaveAttribute('data-state', 'failed');
  await expect(panel.status).toContainText('notes.jsonl was not imported');
  await expect(panel.status).toContainText('Nothing was imported; the notebook was not changed.');
});

test('the palette runs exports, and the note Export menu offers the sources it cites', async ({ page }) => {
  const host = await start();
  await fill(page, host);
  const panel = new ExportPanel(page);
  const notes = new NotebookPage(page);
  await page.getByTestId('nav-library').click();
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('export obsidian');
  await panel.screenshot('palette-export');
  await page.keyboard.press('Enter');
  await expect(panel.status).toHaveAttribute('data-state', 'exported', { timeout: 60_000 });
  const vault = (await panel.status.getByTestId('interop-path').textContent())!;
  expect(existsSync(join(vault, 'Notes', 'Harbour who said what.md'))).toBe(true);

  await page.getByTestId('nav-notes').click();
  await notes.openNote('Harbour: who said what?');
  await page.getByTestId('export-note').click();
  await expect(page.getByTestId('export-note-bibtex')).toBeVisible();
  await panel.screenshot('note-export-menu');
  await page.getByTestId('export-note-bibtex').click();
  // The note quotes no source yet: it says so rather than saving an empty file.
  await expect(page.getByTestId('export-outcome')).toContainText('This note quotes no stored source yet');
});

test('Copy citation gives a source and a quote in APA, Chicago or MLA', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const host = await start();
  await fill(page, host);
  const library = new LibraryPage(page);
  await library.openSource('Harbour talks stall');

  const cite = library.reader.getByTestId('cite-button');
  await cite.click();
  const popover = page.getByTestId('cite-popover');
  await expect(popover.getByTestId('cite-preview')).toHaveText(
    'Müller, A. (2016, November 3). Harbour talks stall over fishing rights. The Coastal Times. https://coastal.example/news/harbour-talks',
    { timeout: 60_000 },
  );
  await expect(popover.getByTestId('cite-preview').locator('i')).toHaveText('The Coastal Times');
  await popover.getByTestId('cite-style').selectOption('modern-language-association');
  await expect(popover.getByTestId('cite-preview')).toHaveText(
    'Müller, Anna. “Harbour Talks Stall over Fishing Rights.” The Coastal Times, 3 Nov. 2016, https://coastal.example/news/harbour-talks.',
    { timeout: 60_000 },
  );
  await new AnalysisPage(page).screenshot('copy-citation-source');
  await popover.getByTestId('cite-copy').click();
  await expect(popover.getByTestId('cite-copied')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'Müller, Anna. “Harbour Talks Stall',
  );
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // A quote in the side panel: its words, its speaker, and the source it was quoted in.
  const analysis = new AnalysisPage(page);
  const quote = analysis.panelQuote('We will not give up the northern grounds');
  await expect(quote).toBeVisible({ timeout: 60_000 });
  await quote.getByTestId('cite-button').click();
  const quotePopover = quote.getByTestId('cite-popover');
  await quotePopover.getByTestId('cite-style').selectOption('apa');
  await expect(quotePopover.getByTestId('cite-preview')).toContainText(
    '“We will not give up the northern grounds” — Maria Lindqvist (as cited in Müller, 2016)',
    { timeout: 60_000 },
  );
  await analysis.screenshot('copy-citation-quote');
});
