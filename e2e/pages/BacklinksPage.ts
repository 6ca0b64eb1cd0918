import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/**
 * The Backlinks panels (under the open note, and beside an article in the reader) and the note's Export
 * menu, as a user sees them.
 */
export class BacklinksPage {
  /** The panel under the open note. */
  readonly notePanel: Locator;
  /** The panel beside the article in the reader. */
  readonly readerPanel: Locator;

  constructor(readonly page: Page) {
    this.notePanel = page.locator('[data-testid="backlinks"][data-target-kind="note"]');
    this.readerPanel = page.locator('[data-testid="backlinks"][data-target-kind="source"]');
  }

  /** The entries of a panel. */
  entries(panel: Locator): Locator {
    return panel.getByTestId('backlink');
  }

  /** The entry of the note titled `title` in a panel. */
  entry(panel: Locator, title: string): Locator {
    return this.entries(panel).filter({ has: this.page.locator('.backlink-title', { hasText: title }) });
  }

  /** Exports the open note with its Export menu and returns the file the browser received. */
  async exportNote(format: 'markdown' | 'html'): Promise<{ name: string; text: string }> {
    await this.page.getByTestId('export-note').click();
    const item = this.page.getByTestId(format === 'markdown' ? 'export-markdown' : 'export-html');
    await expect(item).toBeVisible();
    const [download] = await Promise.all([this.page.waitForEvent('download'), item.click()]);
    return { name: download.suggestedFilename(), text: await textOf(download) };
  }

  /** Copies the open note as Markdown with its Export menu and returns what the clipboard holds. */
  async copyAsMarkdown(): Promise<string> {
    await this.page.getByTestId('export-note').click();
    await this.page.getByTestId('copy-markdown').click();
    await expect(this.page.getByTestId('export-outcome')).toHaveText('Copied as Markdown');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

async function textOf(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}
