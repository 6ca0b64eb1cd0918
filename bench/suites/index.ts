/** Every benchmark suite, in the order `npm run bench` runs them. */
import type { BenchSuite } from './types';

export const SUITES: readonly BenchSuite[] = [];
