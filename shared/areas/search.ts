/** The search area of the API. (Being built: methods are added here with their types and validators.) */
import type { Validators } from '../validation';

/** Methods of the search area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchApi {}

/** The search area's methods, in the order hosts register them. */
export const SEARCH_METHODS = [] as const satisfies readonly (keyof SearchApi)[];

/** Argument validators of the search area. */
export const SEARCH_VALIDATORS: Validators<SearchApi> = {};
