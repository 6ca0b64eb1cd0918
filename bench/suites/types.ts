/** A benchmark suite: one area's measurements, run by `npm run bench` (all) or `npm run bench -- NAME`. */
import type { BenchRow } from '../stats';

/** What a suite reports: its table rows and any sentences the table needs (baselines, limits). */
export interface SuiteResult {
  rows: BenchRow[];
  notes?: string[];
}

/** One suite. */
export interface BenchSuite {
  /** Short name to select it on the command line, e.g. `import`. */
  name: string;
  /** Heading of its section in bench/results/latest.md. */
  title: string;
  run(): Promise<SuiteResult>;
}
