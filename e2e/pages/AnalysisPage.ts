import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { API_PATH_PREFIX, TOKEN_META_NAME, type RpcOutcome } from '../../shared/rpc';

/**
 * The analysis side of Dossier as a user sees it: the People screen, an entity's page, the timeline and
 * the side panel beside the reader. `callApi` stands in for the user only where the UI to do it is not
 * the subject (putting an article into the library).
 */
export class AnalysisPage {
  constructor(readonly page: Page) {}

  /** Calls the browser host's API with the token the page carries, as the renderer's web client does. */
  static async callApi(url: string, method: string, args: unknown[]): Promise<unknown> {
    const html = await (await fetch(url)).text();
    const token = new RegExp(`<meta name="${TOKEN_META_NAME}" content="([^"]+)"`).exec(html)?.[1];
    if (!token) throw new Error(`no token in the page served at ${url}`);
    const response = await fetch(`${url.replace(/\/$/, '')}${API_PATH_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ args }),
    });
    const outcome = (await response.json()) as RpcOutcome;
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.result;
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('nav-people')).toBeVisible();
  }

  // People and entity pages
  async openPeople(): Promise<void> {
    await this.page.getByTestId('nav-people').click();
    await expect(this.page.getByTestId('people-screen')).toBeVisible();
  }

  entityRow(name: string): Locator {
    return this.page.locator(`[data-testid="entity-row"][data-entity-name="${name}"]`);
  }

  async openEntity(name: string): Promise<void> {
    await this.entityRow(name).click();
    await expect(this.page.getByTestId('entity-name')).toHaveText(name);
  }

  entityQuotes(): Locator {
    return this.page.getByTestId('entity-quote');
  }

  entityQuote(words: string): Locator {
    return this.entityQuotes().filter({ hasText: words });
  }

  /** Rejects the quote with these words on the entity page. */
  async rejectEntityQuote(words: string): Promise<void> {
    await this.entityQuote(words).getByTestId('entity-quote-reject').click();
  }

  // Timeline
  async openTimeline(): Promise<void> {
    await this.page.getByTestId('nav-timeline').click();
    await expect(this.page.getByTestId('timeline-canvas')).toBeVisible();
  }

  timelineItems(start?: string): Locator {
    const items = this.page.getByTestId('timeline-item');
    return start ? items.and(this.page.locator(`[data-start="${start}"]`)) : items;
  }

  // Side panel
  panel(): Locator {
    return this.page.getByTestId('analysis-panel');
  }

  panelQuote(words: string): Locator {
    return this.panel().getByTestId('panel-quote').filter({ hasText: words });
  }

  /** Saves a screenshot to test-results/screenshots/<name>.png. */
  async screenshot(name: string, target?: Locator): Promise<string> {
    mkdirSync(join('test-results', 'screenshots'), { recursive: true });
    const path = join('test-results', 'screenshots', `${name}.png`);
    await (target ?? this.page).screenshot({ path });
    return path;
  }
}
