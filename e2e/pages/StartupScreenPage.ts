import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What a user sees when the notebook could not be opened normally: the damaged-notebook screen with its
 * choices, and afterwards the read-only banner or the notice of the file kept aside.
 */
export class StartupScreenPage {
  readonly screen: Locator;
  readonly heading: Locator;
  readonly restoreButton: Locator;
  readonly readOnlyButton: Locator;
  readonly keepAsIsButton: Locator;
  readonly startNewButton: Locator;
  readonly backupDate: Locator;
  readonly readOnlyBanner: Locator;
  readonly keptAsideNotice: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('damaged-notebook');
    this.heading = this.screen.getByRole('heading', { level: 1 });
    this.restoreButton = page.getByTestId('restore-last-good');
    this.readOnlyButton = page.getByTestId('open-read-only');
    this.keepAsIsButton = page.getByTestId('open-without-lost-changes');
    this.startNewButton = page.getByTestId('start-new-notebook');
    this.backupDate = page.getByTestId('last-good-backup-date');
    this.readOnlyBanner = page.getByTestId('read-only-banner');
    this.keptAsideNotice = page.getByTestId('kept-aside-notice');
  }

  /** Opens Dossier and waits for the damaged-notebook screen of `kind` (corrupt, too-new ...). */
  async open(url: string, kind: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.screen).toBeVisible();
    await expect(this.screen).toHaveAttribute('data-kind', kind);
  }

  /** Clicks "Restore from last good backup" and waits for the notebook to open. */
  async restoreLastGoodBackup(): Promise<void> {
    await this.restoreButton.click();
    await expect(this.screen).toBeHidden();
    await expect(this.keptAsideNotice).toBeVisible();
  }

  /** Clicks "Open read-only" and waits for the read-only banner. */
  async openReadOnly(): Promise<void> {
    await this.readOnlyButton.click();
    await expect(this.screen).toBeHidden();
    await expect(this.readOnlyBanner).toBeVisible();
  }
}
