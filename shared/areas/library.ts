/** The library area of the API. (Being built: methods are added here with their types and validators.) */
import type { Validators } from '../validation';

/** Methods of the library area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LibraryApi {}

/** The library area's methods, in the order hosts register them. */
export const LIBRARY_METHODS = [] as const satisfies readonly (keyof LibraryApi)[];

/** Argument validators of the library area. */
export const LIBRARY_VALIDATORS: Validators<LibraryApi> = {};
