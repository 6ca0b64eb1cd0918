import { expect, type Locator, type Page } from '@playwright/test';

/** The sidebar's Trash: trashed notes and trashed sources, each restorable. */
export class TrashPage {
  readonly view: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('trash-view');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-trash').click();
    await expect(this.view).toBeVisible();
  }

  /** A trashed source's entry. */
  source(title: string): Locator {
    return this.view.getByTestId('trash-source').filter({ hasText: title });
  }

  /** A trashed note's entry. */
  note(title: string): Locator {
    return this.view.getByTestId('trash-item').filter({ hasText: title });
  }
}
