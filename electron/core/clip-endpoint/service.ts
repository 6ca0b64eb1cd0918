/** The clip-endpoint area of the core. (Being built.) */
import type { ClipEndpointApi } from '../../../shared/areas/clip-endpoint';
import type { CoreContext } from '../context';

/** Implements {@link ClipEndpointApi} on one open notebook. */
export class ClipEndpointService implements ClipEndpointApi {
  constructor(private readonly ctx: CoreContext) {
    void this.ctx;
  }
}
