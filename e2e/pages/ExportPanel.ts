import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Export and import, and the export/import status panel, as a user sees them. */
export class ExportPanel {
  readonly panel: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('export-panel');
    this.status = page.getByTestId('interop-status');
  }

  /** Opens Settings from the sidebar. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.panel).toBeVisible();
  }

  /** Clicks an export button, watches its progress end, and returns the path the result shows. */
  async exportNotebook(testId: 'export-json' | 'export-obsidian'): Promise<string> {
    await this.panel.getByTestId(testId).click();
    await expect(this.status).toHaveAttribute('data-state', 'exported', { timeout: 60_000 });
    return (await this.status.getByTestId('interop-path').textContent())!;
  }

  /** Saves a screenshot to test-results/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(join('test-results', 'screenshots'), { recursive: true });
    await this.page.screenshot({ path: join('test-results', 'screenshots', `${name}.png`) });
  }
}
