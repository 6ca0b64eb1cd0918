/** The library area of the core. (Being built.) */

import type { CoreContext } from '../context';

/** Implements the library area (shared/areas/library.ts) on one open notebook. */
export class LibraryService {
  constructor(private readonly ctx: CoreContext) {
    void this.ctx;
  }
}
