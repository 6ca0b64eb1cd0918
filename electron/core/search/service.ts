/** The search area of the core. (Being built.) */
import type { SearchApi } from '../../../shared/areas/search';
import type { CoreContext } from '../context';

/** Implements {@link SearchApi} on one open notebook. */
export class SearchService implements SearchApi {
  constructor(private readonly ctx: CoreContext) {
    void this.ctx;
  }
}
