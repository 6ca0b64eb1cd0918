/**
 * Argument validation for every API method. Hosts run it on data from another process or the network
 * before it reaches the core; a bad argument is rejected with INVALID_ARGUMENT and never touches stored
 * data. The schemas live with their area in `shared/areas/*.ts` (built from `shared/schema.ts`); they
 * are the one description of each method's arguments, and the argument types are inferred from them.
 */
import type { ApiArgs, ApiMethod, NotebookApi } from './api';
import { ANALYSIS_ARGS } from './areas/analysis.args';
import { BACKUP_ARGS } from './areas/backup.args';
import { CLIP_ENDPOINT_ARGS } from './areas/clip-endpoint.args';
import { INTEROP_ARGS } from './areas/interop.args';
import { LIBRARY_ARGS } from './areas/library.args';
import { NOTES_ARGS } from './areas/notes.args';
import { SEARCH_ARGS } from './areas/search.args';
import { STARTUP_ARGS } from './areas/startup.args';
import { invalid, parseArgs, validatorsOf, type ArgsSchema, type ArgsSchemas } from './schema';

export { MAX_CONTENT_LENGTH, MAX_TITLE_LENGTH } from './areas/notes';

/** The argument schemas of every API method. */
export const API_ARGS: ArgsSchemas<NotebookApi> = {
  ...NOTES_ARGS,
  ...LIBRARY_ARGS,
  ...ANALYSIS_ARGS,
  ...SEARCH_ARGS,
  ...CLIP_ENDPOINT_ARGS,
  ...BACKUP_ARGS,
  ...STARTUP_ARGS,
  ...INTEROP_ARGS,
};

/** One validator per API method: takes raw arguments, returns typed ones or throws INVALID_ARGUMENT. */
export const API_VALIDATORS = validatorsOf<NotebookApi>(API_ARGS);

/** Validates the raw arguments of `method`; throws INVALID_ARGUMENT when they are not acceptable. */
export function validateArgs<M extends ApiMethod>(method: M, args: unknown): ApiArgs<M> {
  if (!Array.isArray(args)) invalid(method, 'arguments must be sent as a list');
  return parseArgs(method, API_ARGS[method] as unknown as ArgsSchema<ApiArgs<M>>, args);
}
