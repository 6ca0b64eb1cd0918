/** The analysis area of the core. (Being built.) */

import type { SourceId } from '../../../shared/model';
import type { CoreContext } from '../context';

/** Implements {@link AnalysisApi} on one open notebook. */
export class AnalysisService {
  constructor(private readonly ctx: CoreContext) {
    void this.ctx;
  }

  /** Extracts people, quotes and events from a newly stored source (see CoreHooks.sourceStored). */
  sourceStored(id: SourceId): void {
    void id;
  }
}
