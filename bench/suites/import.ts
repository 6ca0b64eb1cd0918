/**
 * `npm run bench -- import`: pages per second of a whole import (decode, parse, extract, sanitize,
 * localise images, duplicate check, store in SQLite with synchronous=FULL) into an in-process Notebook
 * on a temp folder, over the readability test pages; plain Readability.js + jsdom extraction alone on
 * the same pages in the same run as the baseline; and memory over a 1,000-page import.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempDataDir } from '../../e2e/host';
import { Notebook } from '../../electron/core/notebook';
import { decodeBytes } from '../../electron/core/clip/decode';
import { readabilityJsdomExtractor } from '../eval/clipping';
import { row, type BenchRow } from '../stats';
import type { BenchSuite, SuiteResult } from './types';

const IMPORT_PASSES = 3;
const MEMORY_PAGES = 1_000;
const MB = 1024 * 1024;

interface RawPage {
  id: string;
  bytes: Buffer;
}

function dataDir(): string {
  return process.env.DOSSIER_EVAL_DATA ?? resolve(import.meta.dirname, '../../../shared/data');
}

function loadPages(): RawPage[] {
  const root = join(dataDir(), 'extraction', 'readability-test-pages');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .filter((id) => existsSync(join(root, id, 'source.html')))
    .map((id) => ({ id, bytes: readFileSync(join(root, id, 'source.html')) }));
}

/** Imports `count` pages (cycling through `pages`) into `notebook`; returns the failures. */
async function importPages(
  notebook: Notebook,
  pages: readonly RawPage[],
  count: number,
  onPage?: (done: number) => void,
): Promise<number> {
  let failed = 0;
  for (let i = 0; i < count; i++) {
    const page = pages[i % pages.length]!;
    try {
      // keep-both: repeats are stored again, so every page pays for the whole pipeline.
      await notebook.clipFile({
        name: `${page.id}.html`,
        data: page.bytes.toString('base64'),
        onDuplicate: 'keep-both',
      });
    } catch {
      failed++; // a page without an article: a per-file error, as in `dossier import`
    }
    onPage?.(i + 1);
  }
  return failed;
}

async function withNotebook<T>(task: (notebook: Notebook) => Promise<T>): Promise<T> {
  const notebook = Notebook.open({ dataDir: tempDataDir(), host: 'cli' });
  try {
    return await task(notebook);
  } finally {
    await notebook.close();
  }
}

/** Pages per second of wall time and of this process's CPU time (user + system, all threads). */
interface Rate {
  wall: number;
  cpu: number;
}

async function timed(pages: number, task: () => unknown): Promise<Rate> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await task();
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall: pages / wallSeconds, cpu: pages / ((cpu.user + cpu.system) / 1e6) };
}

async function measureImport(pages: readonly RawPage[]): Promise<{ rates: Rate[]; failed: number }> {
  const rates: Rate[] = [];
  let failed = 0;
  for (let pass = 0; pass < IMPORT_PASSES; pass++) {
    await withNotebook(async (notebook) => {
      rates.push(
        await timed(pages.length, async () => {
          failed = await importPages(notebook, pages, pages.length);
        }),
      );
    });
  }
  return { rates, failed };
}

function measureBaseline(pages: readonly RawPage[]): Promise<Rate> {
  // Decoded beforehand: the baseline gets its strings for free, so its rate is an upper bound.
  const decoded = pages.map((page) => decodeBytes(page.bytes, { what: page.id }));
  return timed(pages.length, () => {
    for (const html of decoded) readabilityJsdomExtractor.extract(html, 'http://fakehost/test/page.html');
  });
}

interface MemorySample {
  pages: number;
  rss: number;
  heapUsed: number;
}

async function measureMemory(pages: readonly RawPage[]): Promise<MemorySample[]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const samples: MemorySample[] = [];
  const sample = (done: number): void => {
    if (done % 100 !== 0) return;
    gc?.();
    const usage = process.memoryUsage();
    samples.push({ pages: done, rss: usage.rss / MB, heapUsed: usage.heapUsed / MB });
  };
  await withNotebook((notebook) => importPages(notebook, pages, MEMORY_PAGES, sample));
  return samples;
}

export const importSuite: BenchSuite = {
  name: 'import',
  title: 'Import: readability test pages into the library',
  async run(): Promise<SuiteResult> {
    const pages = loadPages();
    if (pages.length === 0) {
      return { rows: [], notes: [`import: no readability test pages under ${dataDir()}; skipped.`] };
    }
    const { rates, failed } = await measureImport(pages);
    // Memory before the baseline: jsdom's garbage would otherwise sit in the heap being measured.
    const memory = await measureMemory(pages);
    const baseline = await measureBaseline(pages);
    const median = (values: number[]): number =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const cpuRates = rates.map((r) => r.cpu);
    const wallRates = rates.map((r) => r.wall);
    const rows: BenchRow[] = [
      row('dossier import, end to end, per CPU second (one thread)', cpuRates, 'pages/s', {
        target: '>= 10 and >= 3x baseline',
        note: `${pages.length} pages x ${IMPORT_PASSES} fresh notebooks; ${(median(cpuRates) / baseline.cpu).toFixed(1)}x baseline`,
      }),
      row('dossier import, end to end, per wall-clock second', wallRates, 'pages/s', {
        note: `${(median(wallRates) / baseline.wall).toFixed(1)}x baseline; slowed by other load on the machine`,
      }),
      row('Readability.js + jsdom alone (baseline), per CPU second', [baseline.cpu], 'pages/s', {
        note: `same pages, same process, already decoded; ${baseline.wall.toFixed(2)} pages per wall second`,
      }),
    ];
    const first = memory.find((m) => m.pages === 200) ?? memory[0];
    const last = memory[memory.length - 1];
    if (first && last) {
      rows.push(
        row(`RSS after ${first.pages} / ${last.pages} pages`, [first.rss, last.rss], 'MB', {
          note: `${MEMORY_PAGES}-page import; median of the two`,
        }),
        row(`heap used after ${first.pages} / ${last.pages} pages`, [first.heapUsed, last.heapUsed], 'MB'),
      );
    }
    const gcNote = (globalThis as { gc?: unknown }).gc
      ? 'memory sampled after a forced GC'
      : 'memory sampled without forcing GC (run node with --expose-gc for steadier numbers)';
    return {
      rows,
      notes: [
        `import: ${failed} of ${pages.length} pages per pass are refused as having no article (per-file errors, as in dossier import).`,
        'import: images of these pages are not saved with them, so localising removes them (no network is used).',
        `import memory every 100 pages (MB, rss/heapUsed): ${memory
          .map((m) => `${m.pages}: ${m.rss.toFixed(0)}/${m.heapUsed.toFixed(0)}`)
          .join(', ')}; ${gcNote}.`,
      ],
    };
  },
};
