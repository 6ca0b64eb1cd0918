/**
 * Argument validation for every API method. Hosts run these on data from another process or the
 * network before it reaches the core; a bad argument is rejected with INVALID_ARGUMENT and never
 * touches stored data. The validators themselves live with their area in `shared/areas/*.ts`.
 */
import type { ApiArgs, ApiMethod, NotebookApi } from './api';
import { ANALYSIS_VALIDATORS } from './areas/analysis';
import { BACKUP_VALIDATORS } from './areas/backup';
import { CLIP_ENDPOINT_VALIDATORS } from './areas/clip-endpoint';
import { INTEROP_VALIDATORS } from './areas/interop';
import { LIBRARY_VALIDATORS } from './areas/library';
import { NOTES_VALIDATORS } from './areas/notes';
import { SEARCH_VALIDATORS } from './areas/search';
import { STARTUP_VALIDATORS } from './areas/startup';
import { invalid, type Validators } from './validation';

export { MAX_CONTENT_LENGTH, MAX_TITLE_LENGTH } from './areas/notes';

/** One validator per API method: takes raw arguments, returns typed ones or throws INVALID_ARGUMENT. */
export const API_VALIDATORS: Validators<NotebookApi> = {
  ...NOTES_VALIDATORS,
  ...LIBRARY_VALIDATORS,
  ...ANALYSIS_VALIDATORS,
  ...SEARCH_VALIDATORS,
  ...CLIP_ENDPOINT_VALIDATORS,
  ...BACKUP_VALIDATORS,
  ...STARTUP_VALIDATORS,
  ...INTEROP_VALIDATORS,
};

/** Validates the raw arguments of `method`; throws INVALID_ARGUMENT when they are not acceptable. */
export function validateArgs<M extends ApiMethod>(method: M, args: unknown): ApiArgs<M> {
  if (!Array.isArray(args)) invalid(method, 'arguments must be sent as a list');
  const validator = API_VALIDATORS[method] as (args: unknown[]) => unknown;
  return validator(args) as ApiArgs<M>;
}
