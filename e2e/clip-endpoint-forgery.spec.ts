/**
 * Forged provenance through the clip endpoint (issue 19), attacked as an outsider would in real
 * Chromium: a page on one site opens the endpoint window itself and posts a clip claiming to be a
 * Reuters article; a frame from yet another origin finds the window by its name and posts too. The
 * window takes only its opener's message, shows the origin that really sent it and that the URL is
 * only a claim, answers nobody, and the stored source keeps both.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { LibraryPage } from './pages/LibraryPage';
import { SettingsPage } from './pages/SettingsPage';

const CLAIMED = 'https://www.reuters.com/world/harbour-deal-collapses-2026-01-05/';

function freePort(): Promise<number> {
  return new Promise((resolvePromise) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePromise(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolvePromise) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolvePromise(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

const FORGED_ARTICLE =
  '<html><head><title>Harbour deal collapses</title><meta property="og:site_name" content="Reuters"></head><body>' +
  '<article><h1>Harbour deal collapses</h1>' +
  '<p>The harbour deal collapsed on Monday, officials told Reuters, in a blow to the city council.</p>'.repeat(
    6,
  ) +
  '</article></body></html>';

let host: RunningHost;
let attacker: Server;
let attackerOrigin: string;

test.beforeEach(async () => {
  host = await startHost(tempDataDir());
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>A blog</title><p>Just a blog.</p>');
  });
  // localhost, not 127.0.0.1: another origin than both the endpoint and the injecting frame.
  attackerOrigin = `http://localhost:${await listen(attacker)}`;
});

test.afterEach(async () => {
  await host?.stop();
  await new Promise((done) => attacker?.close(done));
});

test('a forged clip shows and keeps the real sender; other windows are ignored and nobody is answered', async ({
  page,
  context,
}) => {
  const settings = new SettingsPage(page);
  await page.goto(host.url);
  await settings.open();
  const port = await freePort();
  await settings.enableEndpoint(port);
  const code = await settings.pairingCode();
  const endpoint = `http://127.0.0.1:${port}`;

  // The attacker's page opens the endpoint window itself (no bookmarklet) and listens for answers.
  const blog = await context.newPage();
  await blog.goto(`${attackerOrigin}/post`);
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    blog.evaluate((url) => {
      const w = window as unknown as { __acks: unknown[]; __popup: Window | null };
      w.__acks = [];
      addEventListener('message', (event) => w.__acks.push([event.origin, event.data]));
      w.__popup = window.open(`${url}/`, 'dossier-clip', 'width=520,height=420');
    }, endpoint),
  ]);
  await popup.waitForLoadState();
  await popup.getByLabel('Pairing code').fill(code);
  await popup.getByRole('button', { name: 'Pair' }).click();
  await expect(popup.getByRole('status')).toHaveText(/Paired/);

  // (Counts what reaches the window, to show the messages below do arrive.)
  await popup.evaluate(() => {
    const w = window as unknown as { __seen: number };
    w.__seen = 0;
    addEventListener('message', () => (w.__seen += 1));
  });
  // Another window than its opener posts to it: a frame of the page (it reaches the endpoint window
  // through its parent), again and again.
  await blog.evaluate(() => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const parent = window as unknown as { __popup: Window };
    const inject = (frame.contentWindow as unknown as { eval(code: string): unknown }).eval;
    (frame.contentWindow as unknown as { __popup: Window }).__popup = parent.__popup;
    inject(`setInterval(() => window.__popup.postMessage({ type: 'dossier-clip', url: 'https://news.example/x',
      title: 'Injected by a frame', html: '<article><h1>Injected</h1><p>' + 'Text. '.repeat(40) + '</p></article>' }, '*'), 100)`);
  });
  await expect
    .poll(() => popup.evaluate(() => (window as unknown as { __seen?: number }).__seen ?? 0))
    .toBeGreaterThan(3);
  // It has been posting: the window did not take it.
  await expect(popup.locator('#what')).toHaveText(/^Waiting for a page/);

  // Now the opener posts its forged clip, as a bookmarklet would, over and over.
  await blog.evaluate(
    ({ url, html, claimed }) => {
      const w = window as unknown as { __popup: Window };
      const message = { type: 'dossier-clip', url: claimed, title: 'Harbour deal collapses', html };
      for (let i = 0; i < 20; i++) setTimeout(() => w.__popup.postMessage(message, url), i * 100);
    },
    { url: endpoint, html: FORGED_ARTICLE, claimed: CLAIMED },
  );
  await expect(popup.locator('#what')).toHaveText('Clip “Harbour deal collapses”?');
  await expect(popup.locator('#sender-origin')).toHaveText(attackerOrigin);
  await expect(popup.locator('#claimed')).toHaveText(
    `It says it is ${CLAIMED}, which is not on ${attackerOrigin}. Dossier cannot check that: the address is kept as a claim, marked as such.`,
  );
  await popup.screenshot({ path: join('test-results', 'screenshots', 'clip-endpoint-forged-origin.png') });

  await popup.getByRole('button', { name: 'Clip', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText(/Clipped “Harbour deal collapses” into Dossier/);
  // The window still shows the opener's clip, never the frame's; and no page heard back from it.
  await expect(popup.locator('#what')).toHaveText('Clip “Harbour deal collapses”?');
  expect(await blog.evaluate(() => (window as unknown as { __acks: unknown[] }).__acks)).toEqual([]);

  // The reader shows where it really came from, and the address as a claim.
  const library = new LibraryPage(page);
  await library.open();
  await library.openSource('Harbour deal collapses');
  await expect(page.getByTestId('reader-provenance')).toHaveText(
    `Sent from your browser by ${attackerOrigin}. The address above is only what that page claimed; Dossier could not check it.`,
  );
  await expect(library.items.filter({ hasText: 'Injected' })).toHaveCount(0);
  await page.screenshot({ path: join('test-results', 'screenshots', 'reader-claimed-url.png') });
});

test('an honest page hears back at its own origin, and its URL is taken as its address', async ({
  page,
  context,
}) => {
  const settings = new SettingsPage(page);
  await page.goto(host.url);
  await settings.open();
  const port = await freePort();
  await settings.enableEndpoint(port);
  const code = await settings.pairingCode();
  const bookmarklet = await settings.bookmarkletScript();

  const blog = await context.newPage();
  await blog.goto(`${attackerOrigin}/own-article`);
  await blog.evaluate(
    (html) => {
      document.documentElement.innerHTML = html;
      const w = window as unknown as { __acks: unknown[] };
      w.__acks = [];
      addEventListener('message', (event) => w.__acks.push([event.origin, event.data]));
    },
    FORGED_ARTICLE.replace(/Reuters/g, 'the blog'),
  );
  const [popup] = await Promise.all([context.waitForEvent('page'), blog.evaluate(bookmarklet)]);
  await popup.getByLabel('Pairing code').fill(code);
  await popup.getByRole('button', { name: 'Pair' }).click();
  await expect(popup.locator('#sender-origin')).toHaveText(attackerOrigin);
  await expect(popup.locator('#claimed')).toBeHidden();
  await expect
    .poll(() => blog.evaluate(() => (window as unknown as { __acks: unknown[] }).__acks))
    .toContainEqual([`http://127.0.0.1:${port}`, 'dossier-received']);
  await popup.screenshot({ path: join('test-results', 'screenshots', 'clip-endpoint-popup-origin.png') });
  await popup.getByRole('button', { name: 'Clip', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText(/Clipped/);

  const library = new LibraryPage(page);
  await library.open();
  await library.openSource('Harbour deal collapses');
  await expect(page.getByTestId('reader-provenance')).toHaveText(
    `Sent from your browser by ${attackerOrigin}.`,
  );
});
