/**
 * Messages between a host thread and the core worker thread. API calls use the shared RPC envelope
 * (`RpcRequest` / `RpcResponse`); these add the worker's lifecycle around it.
 */
import type { SerializedApiError } from '../../../shared/errors';
import type { ApiMethod } from '../../../shared/api';
import type { HostKind } from '../../../shared/model';
import type { RpcRequest, RpcResponse } from '../../../shared/rpc';

/** The {@link HostHooks} a host can serve to the worker, by name. */
export const HOST_HOOK_NAMES = ['fetchPage', 'revealPath'] as const;

/** One of {@link HOST_HOOK_NAMES}. */
export type HostHookName = (typeof HOST_HOOK_NAMES)[number];

/** What the host gives the worker at start (`workerData`). */
export interface CoreWorkerData {
  dataDir: string;
  host: HostKind;
  /** The hooks the host serves: the worker calls them back with HookCallMessage. */
  hostHooks: HostHookName[];
}

/** The worker asks the host to run one of its hooks (e.g. render a page in Electron). */
export interface HookCallMessage {
  type: 'hook-call';
  id: number;
  hook: HostHookName;
  args: unknown[];
}

/** The host's answer to a {@link HookCallMessage}; a failure carries the hook's message for the user. */
export type HookReplyMessage =
  | { type: 'hook-reply'; id: number; ok: true; result: unknown }
  | { type: 'hook-reply'; id: number; ok: false; error: { message: string } };

/** The worker opened the notebook and accepts requests. */
export interface ReadyMessage {
  type: 'ready';
}

/** The worker could not open the notebook (e.g. DB_TOO_NEW) and is exiting. */
export interface FatalMessage {
  type: 'fatal';
  error: SerializedApiError;
}

/** Asks the worker to finish pending calls, close the database and exit. */
export interface CloseMessage {
  type: 'close';
}

/**
 * A call whose arguments are still its request's JSON body, `{ "args": [...] }` (a long clip's, see
 * core/request-body.ts); the bytes are handed over without a copy.
 */
export interface BodyRequest {
  id: number;
  method: ApiMethod;
  body: Uint8Array;
}

/** Everything the host sends the worker. */
export type HostToWorker = RpcRequest | BodyRequest | CloseMessage | HookReplyMessage;

/** Everything the worker sends the host. */
export type WorkerToHost = ReadyMessage | FatalMessage | RpcResponse | HookCallMessage;

const HOST_KINDS: readonly HostKind[] = ['electron', 'web', 'cli', 'test'];

/** `value` as CoreWorkerData, or undefined when it is not (a host bug). */
export function parseWorkerData(value: unknown): CoreWorkerData | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { dataDir, host, hostHooks } = value as Partial<Record<keyof CoreWorkerData, unknown>>;
  if (typeof dataDir !== 'string' || dataDir === '') return undefined;
  if (!HOST_KINDS.some((kind) => kind === host)) return undefined;
  const hooks = hostHooks ?? [];
  if (!Array.isArray(hooks) || !hooks.every((name) => HOST_HOOK_NAMES.some((known) => known === name)))
    return undefined;
  return { dataDir, host: host as HostKind, hostHooks: hooks as HostHookName[] };
}
