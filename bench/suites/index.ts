/** Every benchmark suite, in the order `npm run bench` runs them. */
import { entitiesSuite } from './entities';
import { eventsSuite } from './events';
import { extractSuite } from './extract';
import { importSuite } from './import';
import { largeClipSuite } from './large-clip';
import { SEARCH_SUITE } from './search';
import { STARTUP_CHECK_SUITE } from './startup-check';
import { TYPING_SUITE } from './typing';
import type { BenchSuite } from './types';

export const SUITES: readonly BenchSuite[] = [
  importSuite,
  extractSuite,
  entitiesSuite,
  eventsSuite,
  SEARCH_SUITE,
  largeClipSuite,
  STARTUP_CHECK_SUITE,
  TYPING_SUITE,
];
