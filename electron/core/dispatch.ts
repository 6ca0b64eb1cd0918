/**
 * The one place where an untrusted call (a method name and arguments from another thread, process or
 * the network) becomes a NotebookApi call. Hosts and the core worker all go through it, so every host
 * rejects the same bad input the same way.
 */
import { isApiMethod, type NotebookApi } from '../../shared/api';
import { ApiError, serializeError } from '../../shared/errors';
import type { RpcOutcome } from '../../shared/rpc';
import { validateArgs } from '../../shared/validate';
import type { ClipResult } from '../../shared/areas/library';
import { argsOfBody, isBodyMethod, type BodyMethod } from './request-body';

/** The error for a method name that is not part of NotebookApi. */
export function unknownMethodError(method: unknown): ApiError {
  const shown = typeof method === 'string' ? `"${method.slice(0, 100)}"` : typeof method;
  return new ApiError('INVALID_ARGUMENT', `unknown method ${shown}.`);
}

/**
 * Calls `method` on `api` with `args` after checking both, and reports the outcome. Never throws: every
 * failure, including a bug in the core, becomes `{ ok: false, error }`. An unknown method name or
 * invalid arguments are rejected before anything is called.
 */
export async function dispatch(api: NotebookApi, method: unknown, args: unknown): Promise<RpcOutcome> {
  try {
    // isApiMethod is an allowlist: names such as "close", "constructor" or "__proto__" never get through.
    if (!isApiMethod(method)) throw unknownMethodError(method);
    const valid = validateArgs(method, args) as unknown[];
    const fn = api[method] as (...callArgs: unknown[]) => Promise<unknown>;
    const result = await fn.apply(api, valid);
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

/** What {@link dispatchBody} needs beyond the API: clips read from their request bodies. */
export interface BodyClipper {
  clipWithBody(method: BodyMethod, body: Uint8Array): Promise<ClipResult>;
}

/**
 * Calls `method` with the arguments in its request's JSON `body` (`{ "args": [...] }`) and reports the
 * outcome, as {@link dispatch} does. A clip's body is read by the clipper (in the worker that prepares
 * it, when it is long); any other method's here.
 */
export async function dispatchBody(
  api: NotebookApi & BodyClipper,
  method: unknown,
  body: Uint8Array,
): Promise<RpcOutcome> {
  try {
    if (!isApiMethod(method)) throw unknownMethodError(method);
    if (isBodyMethod(method)) return { ok: true, result: await api.clipWithBody(method, body) };
    const args = argsOfBody(body);
    if (args instanceof ApiError) throw args;
    return await dispatch(api, method, args);
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
