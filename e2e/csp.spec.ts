/**
 * The app under its real Content-Security-Policy, which allows no inline style (issue 19: it kept
 * `style-src 'unsafe-inline'`). The browser host sends the same policy as Electron's app:// protocol
 * (both take it from electron/host-shared/renderer-files.ts), so this proves it for both: every screen is
 * used, the reader's sandboxed frame keeps its stylesheet (allowed by hash), and the browser reports no
 * violation. A deliberate inline style at the end shows the policy is enforced, so "no violation" is
 * not vacuous.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host';
import { LibraryPage } from './pages/LibraryPage';
import { NotebookPage } from './pages/NotebookPage';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost(tempDataDir());
});
test.afterEach(async () => {
  await host?.stop();
});

/** CSP reports from every frame, as the browser logs them, and the main frame's violation events. */
function watchViolations(page: Page): () => Promise<string[]> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  void page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
  return async () => [
    ...logged,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

const ARTICLE =
  '<html><head><title>Harbour budget talks resume</title></head><body><article><h1>Harbour budget talks resume</h1>' +
  '<p>“We will decide by spring,” Mayor Ana Ruiz said on Tuesday in Lakeside.</p>'.repeat(6) +
  '<blockquote><p>The budget is the harbour’s future.</p></blockquote><ul><li>Docks</li><li>Piers</li></ul>' +
  '</article></body></html>';

test('every screen works under the CSP with no inline style allowed, the reader frame styled by hash', async ({
  page,
}) => {
  const violations = watchViolations(page);
  const response = await page.goto(host.url);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
  expect(policy).not.toContain('unsafe-inline');

  const notebook = new NotebookPage(page);
  await notebook.open(host.url);
  await notebook.writeNewNote('Harbour notes', 'The council met on Tuesday.');
  await notebook.waitUntilSaved();

  await page.evaluate(async (html) => {
    const token = document.querySelector('meta[name="dossier-token"]')?.getAttribute('content') ?? '';
    await fetch('/api/clipPaste', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ args: [{ html, url: 'https://post.example/harbour' }] }),
    });
  }, ARTICLE);
  const library = new LibraryPage(page);
  await library.open();
  await library.openSource('Harbour budget talks resume');
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc');
  expect(frame, 'the reader frame').toBeTruthy();
  // The frame's one stylesheet applied: its background and serif type, not the browser's defaults.
  const look = await frame!.evaluate(() => {
    const body = getComputedStyle(document.body);
    return { background: body.backgroundColor, font: getComputedStyle(document.documentElement).fontFamily };
  });
  expect(look.background).toBe('rgb(251, 250, 247)');
  expect(look.font).toMatch(/Charter/);
  await page.screenshot({ path: join('test-results', 'screenshots', 'csp-reader.png'), fullPage: true });

  for (const section of ['people', 'events', 'notes', 'settings', 'library']) {
    await page.getByTestId(`nav-${section}`).click();
    await expect(page.getByTestId(`nav-${section}`)).toHaveAttribute('aria-current', 'page');
  }
  expect(await violations()).toEqual([]);

  // The control: an inline style attribute in markup is refused by this very page.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'csp-probe';
    probe.innerHTML = '<span style="color: rgb(255, 0, 0)">probe</span>';
    document.body.append(probe);
  });
  await expect.poll(async () => (await violations()).some((line) => /style-src/.test(line))).toBe(true);
  const color = await page.evaluate(() => getComputedStyle(document.querySelector('#csp-probe span')!).color);
  expect(color).not.toBe('rgb(255, 0, 0)');
});
