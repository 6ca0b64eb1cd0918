/**
 * The message shapes used wherever a NotebookApi call crosses a boundary: host <-> core worker
 * thread, and browser <-> browser host over HTTP. Electron IPC uses the same response envelope.
 */
import type { ApiMethod } from './api';
import type { SerializedApiError } from './errors';

/** A call of one API method with its (not yet validated) arguments. */
export interface RpcRequest {
  id: number;
  method: ApiMethod;
  args: unknown[];
}

/** The outcome of one call: a result, or an error the UI can show. */
export type RpcResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedApiError };

/** The same outcome without a request id (HTTP and IPC answer one call per request). */
export type RpcOutcome = { ok: true; result: unknown } | { ok: false; error: SerializedApiError };

/** Header that carries the browser host's per-launch token. */
export const TOKEN_HEADER = 'authorization';
/** Path prefix of API calls on the browser host: POST /api/<method>. */
export const API_PATH_PREFIX = '/api/';
/** Name of the meta tag through which the browser host hands its token to the page it serves. */
export const TOKEN_META_NAME = 'dossier-token';
