import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Backups, as a user sees it. */
export class BackupPanelPage {
  readonly panel: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('backup-panel');
    this.rows = page.getByTestId('backup-row');
  }

  /** Opens the Settings screen from the sidebar and waits for the panel. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.panel).toBeVisible();
  }

  /** Presses "Back up now" and waits until the new backup is listed as checked. */
  async backUpNow(): Promise<void> {
    const before = await this.rows.count();
    await this.panel.getByTestId('backup-now').click();
    await expect(this.panel.getByTestId('backup-message')).toHaveText('Backup written and checked.');
    await expect(this.rows).toHaveCount(before + 1);
    await expect(this.rows.first()).toContainText('OK');
  }

  /** Restores the backup in row `index` (0: newest), confirming, and waits for the reload. */
  async restore(index: number): Promise<void> {
    await this.rows.nth(index).getByTestId('backup-restore').click();
    await expect(this.panel.getByTestId('backup-confirm')).toBeVisible();
    await Promise.all([
      this.page.waitForEvent('load'),
      this.panel.getByTestId('backup-confirm-restore').click(),
    ]);
  }
}
