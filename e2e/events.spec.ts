import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { AnalysisPage } from './pages/AnalysisPage';
import { EventsPage } from './pages/EventsPage';
import { SEED_TEXT as seedText, seedAvailable, seedPage } from './seed';

let host: RunningHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** A second report of the Kremlin talks, written for this test (as another paper would). */
const SECOND_REPORT = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lukashenko and Putin hold talks at the Kremlin</title>
<meta property="article:published_time" content="2025-03-13"></head><body><article>
<h1>Lukashenko and Putin hold talks at the Kremlin</h1>
<p>Russian President Vladimir Putin held talks with Belarusian President Alexander Lukashenko at the Kremlin on Thursday, a day after Washington proposed a ceasefire in Ukraine.</p>
<p>“Our talks were open and friendly,” Lukashenko told reporters at the Kremlin after the meeting with Putin.</p>
<p>The two leaders discussed the ceasefire proposal, trade and security along the border of Belarus, the Kremlin said in a statement.</p>
</article></body></html>`;

const clip = (name: string, html: string): Promise<unknown> =>
  AnalysisPage.callApi(host!.url, 'clipFile', [{ name, data: Buffer.from(html).toString('base64') }]);

test('one event reported by two articles: its page lists both sources and the quotes about it; the timeline shows event names', async ({
  page,
}) => {
  test.skip(!seedAvailable(), `the seed article is not at ${seedText}`);
  host = await startHost(tempDataDir());
  await clip('putin-ceasefire.html', seedPage());
  await clip('kremlin-talks.html', SECOND_REPORT);
  const app = new AnalysisPage(page);
  const events = new EventsPage(page);
  await app.open(host.url);

  // The Events screen: names built from the parts, dates at their precision, who, and how many sources.
  await events.openEvents();
  const talks = events.eventRow(/Talks between .*Putin.* at the Kremlin/);
  await expect(talks).toHaveCount(1);
  await expect(talks).toContainText('13 March 2025');
  await expect(talks).toContainText('2 sources');
  await expect(events.eventRow(/^2022Putin sends troops into Ukraine/)).toHaveCount(1);
  for (const name of await events.eventRows().allInnerTexts()) expect(name).not.toMatch(/[“”"…]|\bsaid\b/);
  await app.screenshot('events-screen');

  // The event's page: when, where, who (with roles), both articles, and the quotes about it.
  await events.openEvent(/Talks between .*Putin.* at the Kremlin/);
  await expect(page.getByTestId('event-date')).toHaveText('13 March 2025');
  await expect(events.facts()).toContainText('Alexander Lukashenko');
  await expect(events.facts()).toContainText('Kremlin');
  await expect(page.getByTestId('event-source-count')).toHaveText('2 sources');
  await expect(events.reports()).toHaveCount(2);
  await expect(events.reports().filter({ hasText: 'Putin backs a ceasefire' })).toHaveCount(1);
  await expect(events.reports().filter({ hasText: 'Lukashenko and Putin hold talks' })).toHaveCount(1);
  await expect(app.entityQuote('We agree with the proposals to cease hostilities')).toBeVisible();
  await expect(app.entityQuote('Our talks were open and friendly')).toBeVisible();
  await app.screenshot('event-page-two-sources');

  // Lukashenko's page groups his quotes by the event they are about.
  await events.facts().getByRole('button', { name: 'Alexander Lukashenko' }).click();
  await expect(page.getByTestId('entity-name')).toHaveText('Alexander Lukashenko');
  await page.getByTestId('group-quotes-by-event').check();
  const group = page.getByTestId('quote-event-group').filter({ hasText: /Talks between/ });
  await expect(group.getByTestId('entity-quote')).toContainText('Our talks were open and friendly');

  // The timeline: event names on the axis; the scare quote "bloodbath" only when asked for.
  await app.openTimeline();
  await expect(app.timelineItems('2025-03-13').first()).toBeVisible();
  await expect(page.getByTestId('timeline-canvas')).toContainText('Talks between');
  await expect(page.getByTestId('timeline-canvas')).not.toContainText('bloodbath');
  await app.screenshot('timeline-events');
  await page.getByTestId('timeline-minor-quotes').check();
  await expect(page.getByTestId('timeline-canvas')).toContainText('bloodbath');
});

test('a pasted article without a date: the dialog infers one from its dateline, the reader says so, and changing it re-dates the events', async ({
  page,
}) => {
  host = await startHost(tempDataDir());
  const events = new EventsPage(page);
  await page.goto(host.url);

  // The paste dialog reads the dateline and says the date is inferred.
  await events.openPasteDialog();
  await events.pasteText(
    'OSLO, July 23, 2008\n\nNora Field met Ivo Brand in Oslo on Tuesday to settle the harbour dispute.\n\n' +
      '“We found a way forward,” Field said after the talks.',
  );
  await expect(events.publishedInput()).toHaveValue('2008-07-23');
  await expect(events.publishedNote()).toContainText('Inferred from the text');
  await events.clip();
  await expect(events.readerDate()).toContainText('23 July 2008');
  await expect(page.getByTestId('published-origin')).toHaveText('(inferred from the text)');
  await expect(events.panelEvents().first()).toContainText('22 July 2008');

  // The user knows better: a new date re-reads "on Tuesday", and the quote review stays.
  await page
    .getByTestId('analysis-panel')
    .getByTestId('panel-quote')
    .first()
    .getByTestId('quote-confirm')
    .click();
  await events.setReaderDate('2008-07-31');
  await expect(page.getByTestId('published-origin')).toHaveText('(set by you)');
  await expect(events.panelEvents().first()).toContainText('29 July 2008');
  await expect(page.getByTestId('analysis-panel').getByTestId('panel-quote').first()).toHaveClass(
    /status-confirmed/,
  );
  await events.page.screenshot({ path: 'test-results/screenshots/reader-published-date.png' });
});

test('a pasted text with no date anywhere: nothing is dated against today; the reader offers to set the date', async ({
  page,
}) => {
  host = await startHost(tempDataDir());
  const events = new EventsPage(page);
  await page.goto(host.url);
  await events.openPasteDialog();
  await events.pasteText('Nora Field met Ivo Brand in Oslo on Thursday to settle the harbour dispute.');
  await expect(events.publishedNote()).toContainText('No date found in the text');
  await expect(events.publishedInput()).toHaveValue('');
  // The user types the date before clipping: the article is dated by it.
  await events.publishedInput().fill('2016-11-20');
  await events.clip();
  await expect(events.readerDate()).toContainText('20 November 2016');
  await expect(page.getByTestId('published-origin')).toHaveText('(set by you)');
  await expect(events.panelEvents().first()).toContainText('17 November 2016');

  // "No date": the reader says relative dates are unresolved, and the event has no date.
  await page.getByTestId('published-change').click();
  await page.getByRole('button', { name: 'No date' }).click();
  await expect(page.getByTestId('published-missing')).toContainText('left unresolved');
  await expect(events.panelEvents().first()).toContainText('Date unknown');
});
