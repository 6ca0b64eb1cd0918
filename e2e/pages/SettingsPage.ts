import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Browser clipping, as a user sees it. */
export class SettingsPage {
  readonly panel: Locator;
  readonly state: Locator;
  readonly enabled: Locator;
  readonly bookmarklet: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('clip-endpoint-panel');
    this.state = page.getByTestId('clip-endpoint-state');
    this.enabled = page.getByTestId('clip-endpoint-enabled');
    this.bookmarklet = page.getByTestId('clip-bookmarklet');
  }

  /** Types a port and applies it with "Use this port". */
  async setPort(port: number): Promise<void> {
    await this.panel.getByLabel('Port').fill(String(port));
    await this.panel.getByRole('button', { name: 'Use this port' }).click();
    await expect(this.panel.getByRole('button', { name: 'Use this port' })).toBeDisabled();
  }

  /** Opens the Settings screen from the sidebar. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.panel).toBeVisible();
  }

  /** Turns the endpoint on at `port` and waits until it listens. */
  async enableEndpoint(port: number): Promise<void> {
    await this.panel.getByLabel('Port').fill(String(port));
    await this.panel.getByRole('button', { name: 'Use this port' }).click();
    await expect(this.panel.getByRole('button', { name: 'Use this port' })).toBeDisabled();
    // The box follows the stored setting, so it ticks once the notebook has answered.
    const enabled = this.panel.getByTestId('clip-endpoint-enabled');
    await enabled.click();
    await expect(enabled).toBeChecked();
    await expect(this.state).toHaveText(`Listening at http://127.0.0.1:${port}/`);
  }

  /** Starts pairing and returns the code shown. */
  async pairingCode(): Promise<string> {
    await this.panel.getByTestId('clip-start-pairing').click();
    const code = this.panel.getByTestId('clip-pairing-code');
    await expect(code).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    return (await code.textContent())!;
  }

  /** The bookmarklet's JavaScript, as the link holds it. */
  async bookmarkletScript(): Promise<string> {
    const href = await this.panel.getByTestId('clip-bookmarklet').getAttribute('href');
    expect(href).toMatch(/^javascript:/);
    return decodeURIComponent(href!.slice('javascript:'.length));
  }
}
