/**
 * The host side of the core worker: starts the worker thread, waits until the notebook is open, and
 * exposes it as a NotebookApi whose calls cross to the worker as RpcRequest messages.
 */
import { Worker } from 'node:worker_threads';
import {
  API_METHODS,
  isApiMethod,
  type ApiArgs,
  type ApiMethod,
  type ApiResult,
  type NotebookApi,
} from '../../../shared/api';
import { ApiError, deserializeError } from '../../../shared/errors';
import type { HostKind } from '../../../shared/model';
import type { RpcOutcome, RpcRequest } from '../../../shared/rpc';
import { unknownMethodError } from '../dispatch';
import type { HostHooks } from '../context';
import { isHookCall, providedHooks, serveHookCall } from './host-hooks';
import { transferable } from '../request-body';
import type { BodyRequest, CloseMessage, CoreWorkerData } from './protocol';
import { resolveWorkerScript, workerSource } from './script';

/** A notebook running in a worker thread. */
export interface CoreWorker extends NotebookApi {
  /**
   * Sends one call as it arrived from a UI (arguments not yet validated; the worker validates them) and
   * returns its outcome. Never rejects: a dead or closed worker gives an UNAVAILABLE outcome.
   */
  call(method: string, args: unknown[]): Promise<RpcOutcome>;
  /**
   * Sends one call as its request's JSON body (`{ "args": [...] }`), which the core reads itself; the
   * bytes are handed over, not copied, and are unusable here afterwards. Never rejects, as `call`.
   */
  callWithBody(method: string, body: Uint8Array): Promise<RpcOutcome>;
  /** Lets calls in flight finish, closes the database and waits until the thread has exited. */
  close(): Promise<void>;
}

/** How to start the core worker. */
export interface StartCoreWorkerOptions {
  dataDir: string;
  host: HostKind;
  /**
   * The worker script: a path or file URL. Hosts should pass it (e.g. `out/main/core-worker.js` next to
   * their own entry), since only they know where the build put it. A `.ts` file (tests, development)
   * runs through tsx. Default: see `resolveWorkerScript`.
   */
  workerFile?: string | URL;
  /** Services the host offers the core (Electron: `fetchPage` renders pages for clipUrl). */
  hostHooks?: HostHooks;
}

function unavailable(message: string, details?: Record<string, unknown>): ApiError {
  return new ApiError('UNAVAILABLE', message, details);
}

// Every NotebookApi method is installed in the constructor from API_METHODS, so a method added to the
// contract crosses to the worker without edits here; this declaration tells the type checker so.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
interface CoreWorkerClient extends NotebookApi {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
class CoreWorkerClient implements CoreWorker {
  private readonly pending = new Map<number, (outcome: RpcOutcome) => void>();
  private nextId = 1;
  /** Set once calls can no longer be answered: why, as the error callers get. */
  private stopped: ApiError | undefined;
  private readonly exited: Promise<void>;

  constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    for (const method of API_METHODS) {
      (this as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
        this.invoke(method, args as ApiArgs<typeof method>);
    }
  }

  /** Called when the thread has ended for any reason: nothing still waiting will ever be answered. */
  markExited(reason: ApiError): void {
    this.stopped ??= reason;
    for (const settle of this.pending.values()) settle({ ok: false, error: this.stopped.toJSON() });
    this.pending.clear();
  }

  /** Delivers one response from the worker to its caller. */
  settle(id: number, outcome: RpcOutcome): void {
    const settle = this.pending.get(id);
    this.pending.delete(id);
    settle?.(outcome);
  }

  call(method: string, args: unknown[]): Promise<RpcOutcome> {
    return this.send(method, (id, validMethod) => {
      const request: RpcRequest = { id, method: validMethod, args };
      this.worker.postMessage(request);
    });
  }

  callWithBody(method: string, body: Uint8Array): Promise<RpcOutcome> {
    return this.send(method, (id, validMethod) => {
      const bytes = transferable(body);
      const request: BodyRequest = { id, method: validMethod, body: bytes };
      this.worker.postMessage(request, [bytes.buffer]);
    });
  }

  private async send(method: string, post: (id: number, method: ApiMethod) => void): Promise<RpcOutcome> {
    if (!isApiMethod(method)) return { ok: false, error: unknownMethodError(method).toJSON() };
    if (this.stopped !== undefined) return { ok: false, error: this.stopped.toJSON() };
    const id = this.nextId++;
    return new Promise<RpcOutcome>((resolve) => {
      this.pending.set(id, resolve);
      try {
        post(id, method);
      } catch (error) {
        // Functions, symbols and the like cannot be copied to another thread.
        this.pending.delete(id);
        const cause = error instanceof Error ? error.message : String(error);
        resolve({
          ok: false,
          error: { code: 'INVALID_ARGUMENT', message: `${method}: the arguments cannot be sent (${cause}).` },
        });
      }
    });
  }

  close(): Promise<void> {
    if (this.stopped === undefined) {
      this.stopped = unavailable('The notebook was closed.');
      const message: CloseMessage = { type: 'close' };
      this.worker.postMessage(message);
    }
    return this.exited;
  }

  private async invoke<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
    const outcome = await this.call(method, args);
    if (!outcome.ok) throw deserializeError(outcome.error);
    // The worker runs the same build's Notebook, so the result has the method's type.
    return outcome.result as ApiResult<M>;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/**
 * Starts the core worker on `options.dataDir` and resolves once the notebook is open. Rejects with the
 * worker's ApiError when the notebook cannot be opened (DB_TOO_NEW, DB_CORRUPT, DB_READONLY), or
 * UNAVAILABLE when the thread fails to start or dies; in both cases the thread has exited.
 */
export async function startCoreWorker(options: StartCoreWorkerOptions): Promise<CoreWorker> {
  const script = resolveWorkerScript(options.workerFile, import.meta.url);
  const data: CoreWorkerData = {
    dataDir: options.dataDir,
    host: options.host,
    hostHooks: providedHooks(options.hostHooks),
  };
  const source = workerSource(script);
  const worker = new Worker(source.filename, { eval: source.eval, workerData: data });
  const client = new CoreWorkerClient(worker);

  return new Promise<CoreWorker>((resolve, reject) => {
    let ready = false;
    let fatal: ApiError | undefined;
    let crash: string | undefined;

    worker.on('message', (message: unknown) => {
      if (!isRecord(message)) return;
      if (message.type === 'ready') {
        ready = true;
        resolve(client);
      } else if (message.type === 'fatal') {
        fatal = deserializeError(message.error);
      } else if (isHookCall(message)) {
        void serveHookCall(worker, options.hostHooks, message);
      } else if (typeof message.id === 'number') {
        client.settle(
          message.id,
          message.ok === true
            ? { ok: true, result: message.result }
            : { ok: false, error: deserializeError(message.error).toJSON() },
        );
      }
    });
    worker.on('error', (error: Error) => {
      crash = error.message;
    });
    worker.once('exit', (code: number) => {
      const reason =
        crash === undefined
          ? unavailable('The notebook stopped. Restart Dossier.', { exitCode: code })
          : unavailable(`The notebook stopped after an internal error: ${crash}. Restart Dossier.`, {
              exitCode: code,
            });
      client.markExited(reason);
      if (!ready) {
        reject(
          fatal ??
            unavailable(
              `The notebook could not be started${crash === undefined ? '' : `: ${crash}`}. ` +
                `Restart Dossier; if this keeps happening, report it with this message.`,
              { exitCode: code, workerFile: script },
            ),
        );
      }
    });
  });
}
