/**
 * "App start to an editable note" in real Chromium against the built browser host (issue 5's target:
 * under 1 s with the 100k library). One run: spawn `node out/main/web.js` on the library's folder, open
 * its URL in an already running Chromium (a user's browser is open before they start Dossier), wait
 * until the Lexical editor of the most recent note has the focus, type one character and wait until the
 * editor shows it. The clock runs from the spawn to that character being in the editor's DOM, as the
 * page's own MutationObserver saw it (not when Playwright's polling noticed it later).
 *
 * Each run also records where the time went (host ready, page loaded, API calls answered, editor
 * focused), taken from the page's own clock so the breakdown needs no extra round trips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { startHost } from '../e2e/host';
import { quantile } from './stats';

/** Chromium as the e2e tests run it (playwright.config.ts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One start, every time in ms after the host process was spawned. */
export interface StartSample {
  /** The host printed its URL (worker opened the notebook, HTTP server listening). */
  hostReady: number;
  /** The page's DOMContentLoaded (HTML, script and styles loaded and run). */
  domLoaded: number;
  /** Each API call the page made before the editor was ready: method -> answer received. */
  calls: Record<string, number>;
  /** The note's editor has the focus (autofocus at the end of the text). */
  focused: number;
  /** A key typed into it was committed to the editor's DOM: the note is editable. */
  editable: number;
}

/** The character typed to prove the editor takes input; unlikely to be in a generated note. */
const PROBE = '§';

// `performance` below is the global one (Node's and the page's): an imported binding would be renamed
// by the TypeScript loader, including inside the functions page.evaluate sends to the browser.

/** One start in a new tab of `context`, with the host on `port` (0: any free port). */
async function startOnce(context: BrowserContext, dataDir: string, port: number): Promise<StartSample> {
  const page = await context.newPage();
  try {
    // Epoch milliseconds on both sides: the page's clock (timeOrigin + now) and ours share the OS clock.
    const spawnedAt = performance.timeOrigin + performance.now();
    const host = await startHost(dataDir, { port });
    const hostReady = performance.timeOrigin + performance.now() - spawnedAt;
    try {
      await page.goto(host.url, { waitUntil: 'commit' });
      const editor = page.locator('[data-lexical-editor="true"]');
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-lexical-editor') === 'true',
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      // The page notes the moment the typed key reaches the editor's DOM: Playwright's polling for it
      // afterwards adds 100-150 ms here that are the harness's, not Dossier's.
      const focusedAt = await page.evaluate((probe) => {
        const root = document.querySelector('[data-lexical-editor="true"]')!;
        const seen = window as unknown as { __probeShownAt?: number };
        const observer = new MutationObserver(() => {
          if (seen.__probeShownAt === undefined && root.textContent?.includes(probe)) {
            seen.__probeShownAt = performance.timeOrigin + performance.now();
            observer.disconnect();
          }
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
        return performance.timeOrigin + performance.now();
      }, PROBE);
      await page.keyboard.type(PROBE);
      await editor.filter({ hasText: PROBE }).waitFor({ timeout: 10_000 });
      const editableAt = await page.evaluate(
        () => (window as unknown as { __probeShownAt: number }).__probeShownAt,
      );
      const timing = await page.evaluate(() => {
        // Typed by hand: this file is checked against Node's performance typings, the page has the DOM's.
        // (No named functions in here: tsx would wrap them in a helper the page does not have.)
        const perf = performance as unknown as {
          getEntriesByType(
            t: string,
          ): { name: string; responseEnd: number; domContentLoadedEventEnd: number }[];
        };
        const nav = perf.getEntriesByType('navigation')[0]!;
        const calls: Record<string, number> = {};
        for (const entry of perf.getEntriesByType('resource')) {
          const match = /\/api\/([A-Za-z]+)/.exec(entry.name);
          if (match && calls[match[1]!] === undefined)
            calls[match[1]!] = performance.timeOrigin + entry.responseEnd;
        }
        return { domLoaded: performance.timeOrigin + nav.domContentLoadedEventEnd, calls };
      });
      const since = (t: number): number => t - spawnedAt;
      return {
        hostReady,
        domLoaded: since(timing.domLoaded),
        // Only the calls that start-up waited for, not the save of the typed key.
        calls: Object.fromEntries(
          Object.entries(timing.calls)
            .filter(([, v]) => v <= focusedAt)
            .map(([k, v]) => [k, since(v)]),
        ),
        focused: since(focusedAt),
        editable: since(editableAt),
      };
    } finally {
      await host.stop();
    }
  } finally {
    await page.close();
  }
}

/** What {@link measureStartToEditable} found over all runs. */
export interface StartResult {
  samples: StartSample[];
  /** "step median ms" of the breakdown, for the bench notes. */
  breakdown: string;
}

/** A port free right now, for a host that must come back on the same address every start. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Which browser the user opens Dossier in. */
export type BrowserState =
  /** Their everyday browser, which has opened Dossier before (same address, its cache kept). */
  | 'returning'
  /** A fresh browser profile for every start: nothing cached, a new address each time. */
  | 'first-visit';

/**
 * Starts the host `runs` times on `dataDir` and measures spawn → editable note in Chromium. Warm-up
 * starts come first and are not counted (they may migrate the notebook and fill the OS file cache; a
 * returning browser keeps a script's compiled code from its second load on). The typed probe
 * character is saved into the note; it does not matter to the other measurements.
 *
 * A returning browser is a persistent profile (a folder, as a user's everyday browser has): Chromium
 * keeps compiled code only on disk, never in an incognito-like context such as `browser.newContext()`.
 */
export async function measureStartToEditable(
  dataDir: string,
  runs: number,
  browserState: BrowserState,
): Promise<StartResult> {
  const launch = {
    executablePath: process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  };
  const viewport = { viewport: { width: 1280, height: 800 } };
  const returning = browserState === 'returning';
  const profile = returning ? mkdtempSync(join(tmpdir(), 'dossier-bench-profile-')) : null;
  const browser = profile === null ? await chromium.launch(launch) : null;
  const shared =
    profile === null ? null : await chromium.launchPersistentContext(profile, { ...launch, ...viewport });
  const port = returning ? await freePort() : 0;
  const once = async (): Promise<StartSample> => {
    const context = shared ?? (await browser!.newContext(viewport));
    try {
      return await startOnce(context, dataDir, port);
    } finally {
      if (shared === null) await context.close();
    }
  };
  try {
    for (let i = 0; i < (returning ? 2 : 1); i++) await once();
    const samples: StartSample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once());
    const median = (pick: (s: StartSample) => number | undefined): string => {
      const values = samples.map(pick).filter((v): v is number => v !== undefined);
      return values.length === 0 ? '-' : quantile(values, 0.5).toFixed(0);
    };
    const methods = [...new Set(samples.flatMap((s) => Object.keys(s.calls)))].sort(
      (a, b) => (samples[0]!.calls[a] ?? 0) - (samples[0]!.calls[b] ?? 0),
    );
    const steps = [
      `host ready ${median((s) => s.hostReady)}`,
      `page loaded ${median((s) => s.domLoaded)}`,
      ...methods.map((m) => `${m} answered ${median((s) => s.calls[m])}`),
      `editor focused ${median((s) => s.focused)}`,
      `typed key shown ${median((s) => s.editable)}`,
    ];
    return { samples, breakdown: `${steps.join(' → ')} ms after spawn (medians)` };
  } finally {
    await browser?.close();
    await shared?.close();
    if (profile !== null) rmSync(profile, { recursive: true, force: true });
  }
}
