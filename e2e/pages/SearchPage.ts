import { expect, type Locator, type Page } from '@playwright/test';

/** The Search screen and the Ctrl/⌘+K command palette, as a user sees them. */
export class SearchPage {
  readonly input: Locator;
  readonly results: Locator;
  readonly empty: Locator;
  readonly palette: Locator;
  readonly paletteInput: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('search-input');
    this.results = page.getByTestId('search-results');
    this.empty = page.getByTestId('search-empty');
    this.palette = page.getByTestId('command-palette');
    this.paletteInput = page.getByTestId('palette-input');
  }

  /** Opens the Search screen from the sidebar. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-search').click();
    await expect(this.input).toBeFocused();
  }

  /** Replaces the query, as typing would. */
  async search(query: string): Promise<void> {
    await this.input.fill(query);
  }

  /** The hits of the Search screen (or of the palette, when it is open). */
  hits(): Locator {
    return this.page.getByTestId('search-hit');
  }

  /** Each hit as `type: title`, in the order shown. */
  async hitLabels(): Promise<string[]> {
    return this.hits().evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.getAttribute('data-type')}: ${item.querySelector('.search-hit-title')?.textContent ?? ''}`,
      ),
    );
  }

  /** The hit the keyboard has chosen (aria-selected). */
  selectedHit(): Locator {
    return this.page.locator('[data-testid="search-hit"][aria-selected="true"]');
  }

  /** Hits of one type whose text contains `text`. */
  hit(type: 'source' | 'note' | 'quote' | 'entity', text: string | RegExp): Locator {
    return this.page.locator(`[data-testid="search-hit"][data-type="${type}"]`).filter({ hasText: text });
  }

  /** Waits until the query has answered: some hits, or "no results". Never an error. */
  async expectAnswered(): Promise<void> {
    await expect(this.results.or(this.empty)).toBeVisible();
    await expect(this.page.locator('.search-error')).toHaveCount(0);
  }

  /** Presses Ctrl/⌘+K and waits for the palette. */
  async openPalette(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+k');
    await expect(this.palette).toBeVisible();
    await expect(this.paletteInput).toBeFocused();
  }
}
