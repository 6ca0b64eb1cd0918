import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The ways a quote gets into a note, as a user sees them: the `/quote` search in the editor and the
 * Quotes panel beside it, plus the quote and paraphrase blocks they make.
 */
export class QuoteInsertPage {
  readonly editor: Locator;
  readonly typeahead: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('note-editor');
    this.typeahead = page.getByTestId('reference-typeahead');
    this.panel = page.getByTestId('note-quote-panel');
  }

  /** Types `/quote words` at the end of the note and waits for the search's options. */
  async searchQuotes(words: string): Promise<Locator> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(`/quote ${words}`);
    const options = this.typeahead.getByTestId('reference-option');
    // The list first shows the answer to shorter words ("/quote ", "/quote c"); wait for the answer to
    // all of them, or a row picked by its index may move or vanish under the arrow keys.
    await expect(this.typeahead).toHaveAttribute('data-query', words);
    await expect(this.typeahead).toHaveAttribute('aria-busy', 'false');
    await expect(options.first()).toBeVisible();
    return options;
  }

  /** The `/quote` option whose words contain `text`. */
  option(text: string): Locator {
    return this.typeahead.getByTestId('reference-option').filter({ hasText: text });
  }

  /** Moves the highlight with the arrow keys until it is on the option with `text`, then presses Enter. */
  async pickWithKeyboard(text: string): Promise<void> {
    const options = this.typeahead.getByTestId('reference-option');
    const count = await options.count();
    const target = await options.evaluateAll(
      (items, words) => items.findIndex((item) => item.textContent?.includes(words)),
      text,
    );
    expect(target, `no /quote option contains "${text}"`).toBeGreaterThanOrEqual(0);
    for (let step = 0; step < count; step += 1) {
      if ((await options.nth(target).getAttribute('aria-selected')) === 'true') break;
      await this.page.keyboard.press('ArrowDown');
    }
    await expect(options.nth(target)).toHaveAttribute('aria-selected', 'true');
    await this.page.keyboard.press('Enter');
    await expect(this.typeahead).toHaveCount(0);
  }

  quotes(): Locator {
    return this.editor.getByTestId('quote-block');
  }

  quote(text: string): Locator {
    return this.quotes().filter({ hasText: text });
  }

  paraphrases(): Locator {
    return this.editor.getByTestId('paraphrase');
  }

  /** Opens the Quotes panel beside the note with the toolbar button. */
  async openPanel(): Promise<void> {
    await this.page.getByTestId('toggle-quote-panel').click();
    await expect(this.panel).toBeVisible();
  }

  /** A quote listed in the Quotes panel. */
  panelQuote(text: string): Locator {
    return this.panel.getByTestId('note-panel-quote').filter({ hasText: text });
  }
}
