/** The backup area of the core. (Being built.) */
import type { BackupApi } from '../../../shared/areas/backup';
import type { CoreContext } from '../context';

/** Implements {@link BackupApi} on one open notebook. */
export class BackupService implements BackupApi {
  constructor(private readonly ctx: CoreContext) {
    void this.ctx;
  }
}
