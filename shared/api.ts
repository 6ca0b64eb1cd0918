/**
 * NotebookApi: every call the UI can make. Each host (Electron IPC, the browser host over HTTP, the
 * CLI in-process) exposes exactly these methods, registered from {@link API_METHODS}, and validates
 * arguments with `shared/validate.ts` before the core sees them.
 *
 * The API is split by area (`shared/areas/*.ts`): each area file holds its methods with JSDoc, its
 * result types, constants and method list; beside it, `<area>.args.ts` holds the valibot schemas of
 * its methods' arguments, from which the argument types are inferred. This file composes them.
 */
import type { AnalysisApi } from './areas/analysis';
import { ANALYSIS_METHODS } from './areas/analysis';
import type { BackupApi } from './areas/backup';
import { BACKUP_METHODS } from './areas/backup';
import type { ClipEndpointApi } from './areas/clip-endpoint';
import { CLIP_ENDPOINT_METHODS } from './areas/clip-endpoint';
import type { InteropApi } from './areas/interop';
import { INTEROP_METHODS } from './areas/interop';
import type { LibraryApi } from './areas/library';
import { LIBRARY_METHODS } from './areas/library';
import type { NotesApi } from './areas/notes';
import { NOTES_METHODS } from './areas/notes';
import type { SearchApi } from './areas/search';
import { SEARCH_METHODS } from './areas/search';
import type { StartupApi } from './areas/startup';
import { STARTUP_METHODS } from './areas/startup';

export type { CreateNoteInput, ListNotesOptions, NotesApi, UpdateNoteInput } from './areas/notes';
export { MAX_CONTENT_LENGTH, MAX_TITLE_LENGTH } from './areas/notes';

/** The notebook, as the UI sees it. All methods are async and reject with an `ApiError`. */
export interface NotebookApi
  extends NotesApi, LibraryApi, AnalysisApi, SearchApi, ClipEndpointApi, BackupApi, StartupApi, InteropApi {}

/** Name of one NotebookApi method. */
export type ApiMethod = keyof NotebookApi;

/** Every NotebookApi method, in one list the hosts register from. */
export const API_METHODS = [
  ...NOTES_METHODS,
  ...LIBRARY_METHODS,
  ...ANALYSIS_METHODS,
  ...SEARCH_METHODS,
  ...CLIP_ENDPOINT_METHODS,
  ...BACKUP_METHODS,
  ...STARTUP_METHODS,
  ...INTEROP_METHODS,
] as const satisfies readonly ApiMethod[];

// Fails to compile when a method is added to an area's interface but not to its method list.
type MissingFromList = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const everyMethodListed: [MissingFromList] extends [never] ? true : MissingFromList = true;
void everyMethodListed;

/** The arguments of method `M`. */
export type ApiArgs<M extends ApiMethod> = Parameters<NotebookApi[M]>;
/** The resolved result of method `M`. */
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<NotebookApi[M]>>;

/** True when `name` is a NotebookApi method (guards IPC channels and HTTP paths). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** The prefix of every IPC channel Dossier uses; the preload passes no other channel. */
export const IPC_PREFIX = 'dossier:';

/** The IPC channel of one API method. */
export function ipcChannel(method: ApiMethod): string {
  return `${IPC_PREFIX}${method}`;
}
