import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Events as a user meets them: the Events screen, an event's page (its facts, sources, quotes and
 * possible duplicates), the publication date in the paste dialog and in the reader.
 */
export class EventsPage {
  constructor(readonly page: Page) {}

  async openEvents(): Promise<void> {
    await this.page.getByTestId('nav-events').click();
    await expect(this.page.getByTestId('events-screen')).toBeVisible();
  }

  eventRows(): Locator {
    return this.page.getByTestId('event-row');
  }

  eventRow(name: string | RegExp): Locator {
    return this.eventRows().filter({ hasText: name });
  }

  async openEvent(name: string | RegExp): Promise<void> {
    await this.eventRow(name).first().click();
    await expect(this.page.getByTestId('entity-screen')).toHaveAttribute('data-entity-kind', 'event');
  }

  facts(): Locator {
    return this.page.getByTestId('event-facts');
  }

  reports(): Locator {
    return this.page.getByTestId('event-report');
  }

  // Paste dialog
  async openPasteDialog(): Promise<void> {
    await this.page.getByTestId('nav-library').click();
    await this.page.getByTestId('clip-paste').click();
    await expect(this.page.getByTestId('clip-paste-dialog')).toBeVisible();
  }

  async pasteText(text: string): Promise<void> {
    await this.page.getByTestId('clip-paste-text').fill(text);
  }

  publishedInput(): Locator {
    return this.page.getByTestId('clip-published');
  }

  publishedNote(): Locator {
    return this.page.getByTestId('clip-published-note');
  }

  async clip(): Promise<void> {
    await this.page.getByTestId('clip-submit').click();
    await expect(this.page.getByTestId('reader')).toBeVisible();
  }

  // The reader's publication date
  readerDate(): Locator {
    return this.page.getByTestId('published-date');
  }

  /** Sets the article's date in the reader (YYYY-MM-DD) and waits until its dates were re-read. */
  async setReaderDate(day: string): Promise<void> {
    await this.page.getByTestId('published-change').click();
    await this.page.getByTestId('published-input').fill(day);
    await this.page.getByTestId('published-save').click();
    await expect(this.page.getByTestId('published-status')).toContainText('Dates re-read');
  }

  /** The events the analysis panel lists for the open source. */
  panelEvents(): Locator {
    return this.page.getByTestId('analysis-panel').getByTestId('panel-event');
  }
}
