/**
 * Issue 19 (SSRF when clipping): a web address on this computer is refused with a sentence that says
 * why and where to allow it, and the local server sees no request; Settings → Clipping from your
 * network refuses a malformed host, stores a good one across a reload, and then the same address
 * clips.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { LibraryPage } from './pages/LibraryPage';

const ARTICLE = `<!doctype html><html><head><title>Harbour plan approved</title></head><body><article>
<h1>Harbour plan approved</h1>
${'<p>The harbour board approved the new plan on Tuesday. "It took two years of talks," said Ines Varga, who chairs the board. Work on the north pier starts in spring and should end before the summer season.</p>\n'.repeat(6)}
</article></body></html>`;

let host: RunningHost;
let intranet: Server;
let hits: number;
let articleUrl: string;

test.beforeEach(async () => {
  host = await startHost(tempDataDir());
  hits = 0;
  intranet = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(ARTICLE);
  });
  await new Promise<void>((done) => intranet.listen(0, '127.0.0.1', done));
  const address = intranet.address();
  articleUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/harbour.html`;
});

test.afterEach(async () => {
  await host?.stop();
  await new Promise((done) => intranet?.close(done));
});

async function clipUrl(page: Page, url: string): Promise<void> {
  await page.getByTestId('clip-url').click();
  await page.getByTestId('clip-url-input').fill(url);
  await page.getByTestId('clip-submit').click();
}

test('a local address is refused until Settings allows its host', async ({ page }) => {
  const library = new LibraryPage(page);
  await page.goto(host.url);
  await library.open();

  await clipUrl(page, articleUrl);
  const error = page.getByTestId('clip-error');
  await expect(error).toContainText('127.0.0.1');
  await expect(error).toContainText('loopback');
  await expect(error).toContainText('Settings > Clipping from your network');
  expect(hits).toBe(0);
  await page.screenshot({ path: join('test-results', 'screenshots', 'clip-url-refused-local.png') });
  await page.getByTestId('clip-url-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(library.items).toHaveCount(0);

  await page.getByTestId('nav-settings').click();
  const panel = page.getByTestId('clip-network-panel');
  const hosts = panel.getByTestId('clip-network-hosts');
  const state = panel.getByTestId('clip-network-state');
  await expect(state).toHaveText('No hosts allowed: clipping reaches public addresses only.');
  await hosts.fill('127.0.0.1\nwiki_intranet!');
  await panel.getByTestId('clip-network-save').click();
  await expect(state).toContainText('"wiki_intranet!" is not a host name');
  await hosts.fill('127.0.0.1\nWiki.Intranet.');
  await panel.getByTestId('clip-network-save').click();
  await expect(state).toHaveText('Saved: clipping may also reach 127.0.0.1, wiki.intranet.');
  await expect(hosts).toHaveValue('127.0.0.1\nwiki.intranet');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join('test-results', 'screenshots', 'settings-clip-network.png') });

  // Stored in the notebook, not in the page.
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('clip-network-hosts')).toHaveValue('127.0.0.1\nwiki.intranet');

  await library.open();
  await clipUrl(page, articleUrl);
  // The clip opens in the reader, with the address it came from.
  await expect(library.reader).toBeVisible({ timeout: 30_000 });
  await expect(library.reader).toContainText('Harbour plan approved');
  await expect(library.reader).toContainText(articleUrl);
  expect(hits).toBeGreaterThan(0);
});
