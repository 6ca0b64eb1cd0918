/**
 * Messages between a host thread and the core worker thread. API calls use the shared RPC envelope
 * (`RpcRequest` / `RpcResponse`); these add the worker's lifecycle around it.
 */
import type { SerializedApiError } from '../../../shared/errors';
import type { HostKind } from '../../../shared/model';
import type { RpcRequest, RpcResponse } from '../../../shared/rpc';

/** What the host gives the worker at start (`workerData`). */
export interface CoreWorkerData {
  dataDir: string;
  host: HostKind;
}

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

/** Everything the host sends the worker. */
export type HostToWorker = RpcRequest | CloseMessage;

/** Everything the worker sends the host. */
export type WorkerToHost = ReadyMessage | FatalMessage | RpcResponse;

const HOST_KINDS: readonly HostKind[] = ['electron', 'web', 'cli', 'test'];

/** `value` as CoreWorkerData, or undefined when it is not (a host bug). */
export function parseWorkerData(value: unknown): CoreWorkerData | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { dataDir, host } = value as Partial<Record<keyof CoreWorkerData, unknown>>;
  if (typeof dataDir !== 'string' || dataDir === '') return undefined;
  if (!HOST_KINDS.some((kind) => kind === host)) return undefined;
  return { dataDir, host: host as HostKind };
}
