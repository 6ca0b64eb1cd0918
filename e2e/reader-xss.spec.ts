/**
 * Every payload of the clipper's XSS/tracking corpus, stored as a source through the API and opened in
 * the real reader in Chromium: no script runs (no dialog, no flag set, no fetch), nothing reaches the
 * canary server on 127.0.0.1 that the payloads point at, no request leaves 127.0.0.1, and neither the
 * app nor the article frame navigates — even when every link and element in the article is clicked.
 */
import { createServer, type Server } from 'node:http';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CANARY, XSS_CORPUS, type XssPayload } from '../electron/core/clip/xss-corpus';
import { startHost, tempDataDir, type RunningHost } from './host';
import { LibraryPage } from './pages/LibraryPage';

let host: RunningHost;
let canary: Server;
let canaryUrl: string;
const canaryHits: string[] = [];

/** The payload pointed at this run's canary; example.com too, so no reference can leave the machine. */
function aimed(payload: XssPayload): string {
  return payload.html
    .split(CANARY)
    .join(`${canaryUrl}/canary`)
    .replace(/https?:\/\/example\.com/g, `${canaryUrl}/example`)
    .replace(/alert\(1\)/g, 'window.top.__xss=1,alert(1)');
}

/** An ordinary article around the payload, so the clipper finds an article to keep. */
function articleAround(payload: XssPayload, index: number): string {
  const paragraph = (n: number): string =>
    `<p>Paragraph ${n} of the test article number ${index}. The council met on Tuesday to discuss the ` +
    `budget for the coming year, and several members asked for more time to read the proposal.</p>`;
  return (
    `<!doctype html><html><head><title>XSS ${index}</title></head><body><article>` +
    `<h1>XSS ${index}</h1>${paragraph(1)}${paragraph(2)}${aimed(payload)}${paragraph(3)}${paragraph(4)}` +
    `</article></body></html>`
  );
}

/** Calls the host's API the way the app's web client does (token from the served page). */
async function callApi(page: Page, method: string, args: unknown[]): Promise<unknown> {
  return page.evaluate(
    async ({ method, args }) => {
      const token = document.querySelector('meta[name="dossier-token"]')?.getAttribute('content') ?? '';
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ args }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { method, args },
  );
}

test.beforeAll(async ({ browser }) => {
  canary = createServer((req, res) => {
    canaryHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('canary');
  });
  await new Promise<void>((done) => canary.listen(0, '127.0.0.1', done));
  const address = canary.address();
  canaryUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  host = await startHost(tempDataDir());
  await clipAll(browser);
});

/** The stored source of each payload, clipped once through the API before the tests open them. */
const sourceIds: string[] = [];

/**
 * Clips every payload through the host's API (as the app's paste does), so each test opens its article
 * straight from its address; the first test also goes the user's way, through the library list.
 */
async function clipAll(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  await page.goto(host.url);
  for (const [index, payload] of XSS_CORPUS.entries()) {
    const title = `XSS ${index} ${payload.name}`;
    const stored = (await callApi(page, 'clipPaste', [
      { html: articleAround(payload, index), title, onDuplicate: 'keep-both' },
    ])) as { status: number; body: { result?: { source?: { id: string } } } };
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    sourceIds.push(stored.body.result!.source!.id);
  }
  await page.close();
  // Storing a payload fetches nothing either.
  expect(canaryHits, 'requests that reached the canary while clipping').toEqual([]);
}

test.afterAll(async () => {
  await host?.stop();
  await new Promise((done) => canary?.close(done));
});

XSS_CORPUS.forEach((payload, index) => {
  test(`reader is inert for payload ${index}: ${payload.name}`, async ({ page }) => {
    const dialogs: string[] = [];
    const outside: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = url.protocol === 'http:' && url.host === new URL(host.url).host;
      if (!local && !['data:', 'about:', 'blob:'].includes(url.protocol)) outside.push(request.url());
    });
    const hitsBefore = canaryHits.length;

    const library = new LibraryPage(page);
    if (index === 0) {
      await page.goto(host.url);
      await library.open();
      // The title button, not the row's Trash button (whose label names the title too).
      await library.row(`XSS ${index} ${payload.name}`).locator('.library-open').click();
    } else {
      await page.goto(`${host.url}#/source/${sourceIds[index]}`);
    }
    const appUrl = page.url();
    await expect(library.reader).toBeVisible();
    const frame = library.articleFrame();
    await expect(frame.locator('#article')).toContainText('Paragraph 4');

    // The displayed article holds nothing that could run or load.
    const handle = page.frames().find((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc');
    expect(handle, 'the reader frame').toBeTruthy();
    const risky = await handle!.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        if (/^(script|iframe|frame|object|embed|svg|math|form|input|button|base|link|style)$/.test(tag)) {
          if (!(tag === 'style' && el.parentElement?.tagName === 'HEAD')) found.push(tag);
        }
        if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? ''))
          found.push('meta refresh');
        for (const attr of Array.from(el.attributes)) {
          if (/^on|^style$|^srcset$|^formaction$|^target$/i.test(attr.name))
            found.push(`${tag}[${attr.name}]`);
          if (/^\s*(javascript|vbscript|data:text)/i.test(attr.value))
            found.push(`${tag}[${attr.name}=script]`);
        }
      }
      return found;
    });
    expect(risky).toEqual([]);

    // Interact with everything: links must open outside (recorded here), never navigate anything.
    await page.evaluate(() => {
      const w = window as unknown as { __opened: string[] };
      w.__opened = [];
      window.open = (url?: string | URL) => {
        w.__opened.push(String(url));
        return null;
      };
    });
    const elements = frame.locator('#article *');
    const count = Math.min(await elements.count(), 60);
    for (let i = 0; i < count; i++) {
      const element = elements.nth(i);
      if (!(await element.isVisible())) continue;
      // force: pointer events at the element's centre without waiting for it to be 'actionable' (many
      // payload elements never are, and waiting for each cost most of this spec's time); what receives
      // them is whatever the user would hit there, which is the point.
      await element.hover({ force: true, timeout: 1_000 }).catch(() => undefined);
      await element.click({ force: true, timeout: 1_000 }).catch(() => undefined);
    }
    await page.waitForTimeout(300); // let a meta refresh or a delayed load show itself

    const opened = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
    for (const url of opened) expect(url).toMatch(/^(https?:|mailto:)/);
    const flag = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    expect(flag, 'a payload script ran').toBeUndefined();
    expect(dialogs, 'a payload opened a dialog').toEqual([]);
    expect(canaryHits.slice(hitsBefore), 'requests that reached the canary').toEqual([]);
    expect(outside, 'requests that left the app').toEqual([]);
    // The page is where it was: the app's own address, its fragment the reader's (the app writes its
    // screen there, shell/routeUrl.ts), nothing the article's links or forms asked for.
    const now = new URL(page.url());
    expect(`${now.origin}${now.pathname}${now.search}`).toBe(appUrl.replace(/#.*$/, ''));
    expect(now.hash).toMatch(/^#\/source\/[\w-]+$/);
    expect(handle!.url()).toBe('about:srcdoc');
    expect(page.frames()).toHaveLength(2);
    await expect(library.reader).toBeVisible();
  });
});
