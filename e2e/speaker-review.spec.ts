import { expect, test } from '@playwright/test';
import type { SourceAnalysis } from '../shared/areas/analysis';
import { startHost, tempDataDir, type RunningHost } from './host';
import { AnalysisPage } from './pages/AnalysisPage';
import { LibraryPage } from './pages/LibraryPage';

// Written for this test, not taken from the evaluation data.
const ARTICLE = `<!doctype html><html><head><title>Council approves the river plan</title>
<meta name="article:published_time" content="2025-04-08"></head><body><article>
<h1>Council approves the river plan</h1>
<p>The city council of Lindau approved the river plan on Tuesday after a debate that lasted most of the night.</p>
<p>“This plan protects every home along the water,” Mayor Elena Brandt said after the vote.</p>
<p>“We have waited eleven years for this,” said Tomas Keller, who leads the residents’ association.</p>
<p>Brandt later appeared on “Morning Ledger” to defend the cost of the work.</p>
<p>“I expect the first dikes to stand by spring,” Brandt told reporters outside the town hall.</p>
<p>Keller was more careful. “The money must last until the last wall is built,” he said.</p>
</article></body></html>`;

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('review panel: evidence and confidence per quote, confirm all at or above a level, undo, Shift+C', async ({
  page,
}) => {
  // The machine running the suite may be busy; the steps themselves wait on what the user sees.
  test.setTimeout(180_000);
  host = await startHost(tempDataDir());
  const clip = (await AnalysisPage.callApi(host.url, 'clipFile', [
    { name: 'river-plan.html', data: Buffer.from(ARTICLE).toString('base64') },
  ])) as { status: string; source: { id: string } };
  expect(clip.status).toBe('created');
  const analysis = (await AnalysisPage.callApi(host.url, 'getSourceAnalysis', [
    clip.source.id,
  ])) as SourceAnalysis;

  const app = new AnalysisPage(page);
  const library = new LibraryPage(page);
  await app.open(host.url);
  await library.open();
  await library.openSource('Council approves the river plan');
  await expect(app.panel()).toBeVisible();

  // Each quote says why its speaker was chosen and how sure the extractor is.
  const mayor = app.panelQuote('This plan protects every home');
  await expect(mayor).toBeVisible();
  await expect(mayor.getByTestId('quote-why')).toContainText(/^Why: .+/);
  await expect(mayor.getByTestId('quote-confidence')).toHaveText(/^\d{1,3}%$/);
  // A show's name in quotation marks is not a quote of Brandt's: it is listed apart, without a speaker.
  const ledger = app.panel().getByTestId('panel-quote').filter({ hasText: 'Morning Ledger' });
  await expect(ledger).toHaveCount(1);
  await expect(app.panel().getByTestId('not-quotes').getByTestId('panel-quote')).toHaveCount(1);
  await expect(app.panel().getByTestId('not-quotes')).toContainText('Morning Ledger');
  await expect(app.panel().getByTestId('not-quotes')).toContainText('Titles, terms and scare quotes');

  // The button counts what it will confirm at the chosen level (compared with what the API stored).
  const eligible = (level: number) =>
    analysis.quotes.filter(
      (q) => q.status === 'suggested' && q.speaker !== null && q.kind !== 'scare' && q.confidence >= level,
    ).length;
  const button = app.panel().getByTestId('confirm-above-button');
  await app.panel().getByTestId('confirm-threshold').selectOption('0.5');
  const atHalf = eligible(0.5);
  expect(atHalf).toBeGreaterThanOrEqual(4);
  await expect(button).toHaveText(`Confirm ${atHalf} quotes`);
  await app.panel().getByTestId('confirm-threshold').selectOption('0.95');
  await expect(button).toHaveText(
    eligible(0.95) === 1 ? 'Confirm 1 quote' : `Confirm ${eligible(0.95)} quotes`,
  );
  await app.panel().getByTestId('confirm-threshold').selectOption('0.5');
  await app.screenshot('speaker-review-before', app.panel());

  // One action confirms them all; Undo puts every one back to suggested.
  const confirmed = app.panel().locator('[data-testid="panel-quote"][data-status="confirmed"]');
  await button.click();
  await expect(confirmed).toHaveCount(atHalf);
  await expect(page.getByTestId('undo-toast')).toContainText(`${atHalf} quotes confirmed (at or above 50%)`);
  await expect(button).toHaveText('Confirm 0 quotes');
  await expect(button).toBeDisabled();
  await app.screenshot('speaker-review-confirmed', app.panel());
  await page.getByTestId('undo-button').click();
  await expect(confirmed).toHaveCount(0);
  await expect(button).toHaveText(`Confirm ${atHalf} quotes`);

  // The same from the keyboard: Shift+C inside the panel.
  await mayor.getByTestId('quote-why').click();
  await mayor.locator('.quote-item-text').focus();
  await page.keyboard.press('Shift+C');
  await expect(confirmed).toHaveCount(atHalf);
  // Stored, not only shown: a fresh load of the page shows them confirmed.
  await page.reload();
  await library.open();
  await library.openSource('Council approves the river plan');
  await expect(confirmed).toHaveCount(atHalf);
});
