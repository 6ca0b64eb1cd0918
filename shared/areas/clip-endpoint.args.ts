/**
 * The argument schemas of the clip endpoint area (`shared/areas/clip-endpoint.ts`): the one description of
 * its methods' arguments. `shared/validate.ts` checks every call against them, and the argument types
 * are inferred from them. They live apart from the area's contract so that the UI, which imports the
 * area's constants but never validates, does not bundle them.
 */
import * as v from 'valibot';
import { args, flag, id, input, validatorsOf, wholeNumber, type ArgsSchemas } from '../schema';
import { type ClipEndpointApi } from './clip-endpoint';

/** A change of the endpoint's settings: the fields given, at least one. */
export const SetClipEndpointInput = v.pipe(
  input({ enabled: v.optional(flag()), port: v.optional(wholeNumber(1024, 65_535)) }),
  v.check((change) => change.enabled !== undefined || change.port !== undefined, 'nothing to change'),
);
export type SetClipEndpointInput = v.InferOutput<typeof SetClipEndpointInput>;

/** The arguments of the clip endpoint area's methods. */
export const CLIP_ENDPOINT_ARGS = {
  getClipEndpoint: args(),
  setClipEndpoint: args([SetClipEndpointInput]),
  startClipPairing: args(),
  revokeClipClient: args([id('the client id')]),
} satisfies ArgsSchemas<ClipEndpointApi>;

/** Argument validators of the clip endpoint area, from {@link CLIP_ENDPOINT_ARGS}. */
export const CLIP_ENDPOINT_VALIDATORS = validatorsOf<ClipEndpointApi>(CLIP_ENDPOINT_ARGS);
