import { expect, type Locator, type Page } from '@playwright/test';

/** The note editor's references: mentions, note links and quotes, with the typeahead that makes them. */
export class EditorPage {
  readonly editor: Locator;
  readonly typeahead: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('note-editor');
    this.typeahead = page.getByTestId('reference-typeahead');
  }

  /** Types `trigger + query` at the end of the body and picks the option whose label is `option`. */
  async insertReference(
    trigger: '@' | '#' | '[[' | '/quote ',
    query: string,
    option: string | RegExp,
  ): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(`${trigger}${query}`);
    const choice = this.typeahead.getByTestId('reference-option').filter({ hasText: option });
    await expect(choice.first()).toBeVisible();
    await choice.first().click();
    await expect(this.typeahead).toHaveCount(0);
  }

  mentions(): Locator {
    return this.editor.getByTestId('mention');
  }

  noteLinks(): Locator {
    return this.editor.getByTestId('note-link');
  }

  quotes(): Locator {
    return this.editor.getByTestId('quote-block');
  }
}
