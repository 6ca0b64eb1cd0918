/**
 * An API request's body as it came over the network: `{ "args": [...] }` in UTF-8 JSON. The browser
 * host reads small bodies in its own thread; a long clip's body crosses to the core untouched (see
 * {@link BODY_METHODS}) and is read in the worker that prepares the clip, so no thread that answers
 * calls spends a second decoding and parsing 45 MB.
 */
import type { ApiMethod } from '../../shared/api';
import { ApiError } from '../../shared/errors';

/**
 * Methods whose body, above {@link BODY_AS_BYTES_ABOVE}, the browser host hands to the core as bytes:
 * the clips, whose input is a whole page.
 */
export const BODY_METHODS = ['clipPaste', 'clipFile'] as const satisfies readonly ApiMethod[];

/** One of {@link BODY_METHODS}. */
export type BodyMethod = (typeof BODY_METHODS)[number];

/** True for a method in {@link BODY_METHODS}. */
export function isBodyMethod(method: string): method is BodyMethod {
  return (BODY_METHODS as readonly string[]).includes(method);
}

/**
 * Bodies larger than this (bytes) of a {@link BODY_METHODS} call cross to the core unparsed: the size
 * above which the core prepares a clip in a worker of its own (DEFAULT_CORE_LIMITS).
 */
export const BODY_AS_BYTES_ABOVE = 1024 * 1024;

/** Why a body is unusable (not JSON, not `{ "args": [...] }`); `details.body` marks it as the body's fault. */
function badBody(message: string): ApiError {
  return new ApiError('INVALID_ARGUMENT', message, { body: true });
}

/** The `args` list of a request body, or an ApiError saying why the body is unusable. */
export function argsOfBody(body: Uint8Array): unknown[] | ApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    return badBody('The request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return badBody('The request body must be an object: { "args": [...] }.');
  }
  const { args } = parsed as { args?: unknown };
  if (args === undefined) return [];
  if (!Array.isArray(args)) return badBody('"args" must be a list.');
  return args;
}

/**
 * `body` as an ArrayBuffer of its own that can be handed to another thread without a copy: its own
 * buffer when it spans all of it (a large Buffer is never a slice of Node's shared pool), else a copy.
 */
export function transferable(body: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = body;
  if (buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === buffer.byteLength) {
    return new Uint8Array(buffer);
  }
  return new Uint8Array(body);
}
