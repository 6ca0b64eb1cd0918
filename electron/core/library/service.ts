/** The library area of the core. (Being built.) */
import type { LibraryApi } from '../../../shared/areas/library';
import type { CoreContext } from '../context';

/** Implements {@link LibraryApi} on one open notebook. */
export class LibraryService implements LibraryApi {
  constructor(private readonly ctx: CoreContext) {
    void this.ctx;
  }
}
