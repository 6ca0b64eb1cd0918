/**
 * The desktop app in real Electron (`npm run test:electron`), driven through the same page objects as
 * the browser e2e: it starts, clips a file (the renderer's API over IPC to the core worker and SQLite
 * under Electron's ABI), quotes the article in a note that survives a restart; its window is sandboxed
 * under the CSP, app:// serves only the renderer's files, and navigation and new windows are refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/host-shared/renderer-files';
import { LibraryPage } from '../pages/LibraryPage';
import { NotebookPage } from '../pages/NotebookPage';
import { QuoteInsertPage } from '../pages/QuoteInsertPage';
import { REPO, launchApp, screenshot, tempDataDir, type RunningApp } from './app';

const TITLE = 'Bridge to reopen in May, mayor says';
const QUOTE = 'We will reopen the bridge to traffic in the first week of May';
const SPEAKER = 'Jane Halloway';

/** A short news article written for this test, with two quotes and their speakers. */
const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta property="article:published_time" content="2025-04-08T10:00:00Z"></head>
<body><article><h1>${TITLE}</h1>
<p>The city's mayor, ${SPEAKER}, announced on Tuesday that repairs on the old river bridge were ahead of
schedule and that the crossing would soon carry traffic again.</p>
<p>"${QUOTE}," Halloway said at a press conference in the town hall.</p>
<p>Engineers closed the bridge in January after inspectors found cracks in two of its supports, and
commuters have since faced a detour of several kilometres.</p>
<p>"The steel work is finished and the road surface is next," said Tom Okafor, the chief engineer.</p>
</article></body></html>`;

let running: RunningApp | undefined;

test.afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

test('starts, clips a file over IPC, quotes it in a note, and finds the note after a restart', async () => {
  const dataDir = tempDataDir();
  const article = join(dataDir, '..', `bridge-${Date.now()}.html`);
  writeFileSync(article, ARTICLE);
  running = await launchApp(dataDir);
  const { app, window: page } = running;
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe(
    'Dossier',
  );

  const library = new LibraryPage(page);
  await library.open();
  await library.importFiles([article]);
  await expect(library.row(TITLE)).toBeVisible();
  await screenshot(page, 'electron-library');

  const notes = new NotebookPage(page);
  const quotes = new QuoteInsertPage(page);
  await notes.showNotes();
  await notes.writeNewNote('Bridge notes', 'The mayor gave a date. ');
  await quotes.searchQuotes('reopen the bridge');
  await quotes.pickWithKeyboard(QUOTE);
  await expect(quotes.quote(QUOTE)).toContainText(SPEAKER);
  await expect(quotes.quote(QUOTE)).toContainText(TITLE);
  await notes.waitUntilSaved();
  await screenshot(page, 'electron-note-with-quote');

  await app.close();
  running = await launchApp(dataDir);
  const again = new NotebookPage(running.window);
  await again.showNotes();
  await again.openNote('Bridge notes');
  await expect(new QuoteInsertPage(running.window).quote(QUOTE)).toContainText(SPEAKER);
  await expect(again.editor).toContainText('The mayor gave a date.');
});

test("the window is sandboxed under the CSP, and app:// serves only the renderer's files", async () => {
  running = await launchApp(tempDataDir());
  const { app, window: page } = running;
  const renderer = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    const pid = contents.getOSProcessId();
    const metric = electronApp.getAppMetrics().find((process) => process.pid === pid);
    return { url: contents.getURL(), pid, sandboxed: metric?.sandboxed ?? null };
  });
  expect(renderer.url).toBe('app://dossier/index.html');
  // The renderer process is sandboxed by the operating system: Electron says so on macOS and Windows;
  // on Linux its sandbox is a seccomp-bpf filter (mode 2), unless Chromium runs as root, unsandboxed.
  if (process.platform === 'linux') {
    if (process.getuid?.() !== 0) {
      expect(readFileSync(`/proc/${renderer.pid}/status`, 'utf8')).toMatch(/^Seccomp:\s+2$/m);
    }
  } else {
    expect(renderer.sandboxed).toBe(true);
  }
  // No Node in the page; only the API the preload exposes.
  expect(
    await page.evaluate(() => [
      typeof (globalThis as { require?: unknown }).require,
      typeof (globalThis as { process?: unknown }).process,
      typeof (window as unknown as { api?: unknown }).api,
    ]),
  ).toEqual(['undefined', 'undefined', 'object']);

  // The CSP on the page, enforced: an injected inline script does not run.
  const statuses = await page.evaluate(
    async (absolute) => {
      const status = async (url: string) => (await fetch(url)).status;
      const index = await fetch('app://dossier/index.html');
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.violatedDirective),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return {
        index: index.status,
        csp: index.headers.get('content-security-policy'),
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        violations,
        encodedDotDot: await status('app://dossier/%2e%2e/%2e%2e/package.json'),
        encodedSlashDotDot: await status('app://dossier/..%2f..%2fpackage.json'),
        absolute: await status(`app://dossier/${encodeURIComponent(absolute)}`),
        doubleSlash: await status('app://dossier//etc/passwd'),
        backslash: await status('app://dossier/..%5c..%5cpackage.json'),
      };
    },
    join(REPO, 'package.json'),
  );
  expect(statuses).toEqual({
    index: 200,
    csp: CONTENT_SECURITY_POLICY,
    inlineRan: false,
    violations: expect.arrayContaining([expect.stringMatching(/^script-src/)]),
    encodedDotDot: 404,
    encodedSlashDotDot: 404,
    absolute: 404,
    doubleSlash: 404,
    backslash: 404,
  });
  await screenshot(page, 'electron-window');
});

test('navigation away from the app and new windows are refused', async () => {
  running = await launchApp(tempDataDir());
  const { app, window: page } = running;
  // Recorded after the app's own guard has run (listeners run in the order they were added).
  await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    const seen: string[] = [];
    (globalThis as { __navigations?: string[] }).__navigations = seen;
    contents.on('will-navigate', (_event, url) => seen.push(url));
  });

  await page.evaluate(() => {
    location.href = 'https://example.invalid/elsewhere';
  });
  await expect
    .poll(() => app.evaluate(() => (globalThis as { __navigations?: string[] }).__navigations))
    .toContain('https://example.invalid/elsewhere');
  await expect(page).toHaveURL('app://dossier/index.html');
  await expect(page.getByTestId('nav-notes')).toBeVisible();

  const opened = await page.evaluate(() => window.open('app://dossier/index.html') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
