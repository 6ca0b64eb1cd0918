import { expect, type Locator, type Page } from '@playwright/test';

/** The Library screen and the reader, as a user sees them. */
export class LibraryPage {
  readonly list: Locator;
  readonly items: Locator;
  readonly reader: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('library-list');
    this.items = page.getByTestId('source-item');
    this.reader = page.getByTestId('reader');
  }

  /** Opens the Library from the sidebar. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-library').click();
    await expect(this.page.getByTestId('library')).toBeVisible();
  }

  /** Imports files through the file picker and waits until the import has finished. */
  async importFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(paths);
    await expect(this.page.getByTestId('import-summary')).toBeVisible({ timeout: 120_000 });
  }

  /** The row of the source whose title contains `title`. */
  row(title: string | RegExp): Locator {
    return this.items.filter({ hasText: title });
  }

  /** Opens a source in the reader by clicking its title. */
  async openSource(title: string | RegExp): Promise<void> {
    await this.row(title).locator('.library-open').click();
    await expect(this.reader).toBeVisible();
    await expect(this.articleFrame().locator('#article')).toBeVisible();
  }

  /** The article inside the reader's sandboxed frame. */
  articleFrame() {
    return this.page.frameLocator('[data-testid="reader-frame"]');
  }
}
