/** The clip-endpoint area of the API. (Being built: methods are added here with their types and validators.) */
import type { Validators } from '../validation';

/** Methods of the clip-endpoint area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClipEndpointApi {}

/** The clip-endpoint area's methods, in the order hosts register them. */
export const CLIP_ENDPOINT_METHODS = [] as const satisfies readonly (keyof ClipEndpointApi)[];

/** Argument validators of the clip-endpoint area. */
export const CLIP_ENDPOINT_VALIDATORS: Validators<ClipEndpointApi> = {};
