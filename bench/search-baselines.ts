/**
 * The two baselines the search benchmark compares FTS5 with, over the same texts in the same run:
 * MiniSearch (an in-memory inverted index, the usual choice for client-side search) and a linear scan
 * (String.includes over lower-cased texts). MiniSearch runs in a worker thread with a large heap limit,
 * so that running out of memory at 100k documents is reported as a result instead of ending the run.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/** One document of the baselines: a source, note or quote's title and text. */
export interface BaselineDoc {
  title: string;
  text: string;
}

/** A query the baselines can answer: words (all must match), the last one maybe a prefix. */
export interface BaselineQuery {
  words: string[];
  prefix: boolean;
}

/** Times per query in milliseconds, or why the baseline could not run. */
export type BaselineTimes =
  { ok: true; buildMs: number; heapMb: number; samples: number[] } | { ok: false; error: string };

/** Linear scan: every document whose lower-cased title + text includes every word. */
export function linearScan(
  docs: readonly string[],
  queries: readonly BaselineQuery[],
  reps: number,
): number[] {
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const query of queries) {
      const t0 = performance.now();
      const hits: number[] = [];
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (query.words.every((word) => doc.includes(word))) hits.push(i);
      }
      samples.push(performance.now() - t0);
      if (hits.length < 0) throw new Error('unreachable');
    }
  }
  return samples;
}

// Runs inside the worker: builds the index, then times each query (AND of the words, prefix on the last).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const MiniSearch = require(workerData.minisearch);
const ms = new MiniSearch({ fields: ['title', 'text'], storeFields: [], searchOptions: { boost: { title: 3 } } });
const t0 = performance.now();
ms.addAll(workerData.docs.map((d, id) => ({ id, title: d.title, text: d.text })));
const buildMs = performance.now() - t0;
workerData.docs = null;
global.gc && global.gc();
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
const samples = [];
for (let r = 0; r < workerData.reps; r++) {
  for (const q of workerData.queries) {
    const last = q.words[q.words.length - 1];
    const s = performance.now();
    const results = ms.search(q.words.join(' '), {
      combineWith: 'AND',
      prefix: (term) => q.prefix && term === last,
    });
    results.slice(0, 20);
    samples.push(performance.now() - s);
  }
}
parentPort.postMessage({ ok: true, buildMs, heapMb, samples });
`;

/** Builds a MiniSearch index of `docs` in a worker and times `queries`, `reps` times each. */
export function miniSearch(
  docs: readonly BaselineDoc[],
  queries: readonly BaselineQuery[],
  reps: number,
): Promise<BaselineTimes> {
  const minisearch = createRequire(import.meta.url).resolve('minisearch');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { docs, queries, reps, minisearch },
      resourceLimits: { maxOldGenerationSizeMb: 12_288 },
    });
    worker.once('message', (result: BaselineTimes) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => resolve({ ok: false, error: error.message }));
    worker.once('exit', (code) => {
      if (code !== 0) resolve({ ok: false, error: `worker exited with code ${code}` });
    });
  });
}
