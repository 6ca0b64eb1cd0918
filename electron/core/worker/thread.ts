/**
 * The core worker thread: opens the notebook and serves the host's calls. The thread's script is
 * `electron/host-shared/core-worker.ts` in the hosts' build (bundled as `out/main/core-worker.js`,
 * which also gives the core the clip endpoint's HTTP listener) or `entry.ts` beside this file when
 * running from source. The SQLite driver is synchronous, so the notebook lives here and the host's
 * thread (Electron's main process, the browser host's HTTP server) never waits on the disk.
 *
 * Protocol: post `ready` once the notebook is open, or `fatal` and exit when it cannot be; then answer
 * each RpcRequest with an RpcResponse, and on `close` finish what is in flight, close and exit.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ApiError, serializeError } from '../../../shared/errors';
import type { RpcRequest, RpcResponse } from '../../../shared/rpc';
import { dispatch, dispatchBody } from '../dispatch';
import { prepareExtractor } from '../extract';
import { lazyModuleLoads } from '../lazy-module';
import { NotebookSession } from '../startup/session';
import type { HostHooks } from '../context';
import { createHookCaller, isHookReply, type HookCaller } from './host-hooks';
import { preloadWhenIdle } from './idle-preload';
import { parseWorkerData, type BodyRequest, type WorkerToHost } from './protocol';

function post(port: MessagePort, message: WorkerToHost): void {
  port.postMessage(message);
}

function isRequest(message: unknown): message is RpcRequest | BodyRequest {
  return (
    message !== null && typeof message === 'object' && typeof (message as { id?: unknown }).id === 'number'
  );
}

function isClose(message: unknown): boolean {
  return message !== null && typeof message === 'object' && (message as { type?: unknown }).type === 'close';
}

function serve(port: MessagePort, notebook: NotebookSession, hookCaller: HookCaller): void {
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  let lastActivity = Date.now();

  port.on('message', (message: unknown) => {
    if (isHookReply(message)) {
      hookCaller.deliver(message);
      return;
    }
    if (isClose(message)) {
      closing = true;
      void Promise.allSettled(inFlight).then(async () => {
        await notebook.close();
        hookCaller.abandon('The notebook closed before the host answered.');
        // With the port closed nothing keeps the thread alive, so it exits with code 0.
        port.close();
      });
      return;
    }
    if (!isRequest(message)) return;
    const { id, method } = message;
    if (closing) {
      post(port, { id, ok: false, error: new ApiError('UNAVAILABLE', 'The notebook is closing.').toJSON() });
      return;
    }
    lastActivity = Date.now();
    const outcome =
      'body' in message && message.body instanceof Uint8Array
        ? dispatchBody(notebook, method, message.body)
        : dispatch(notebook, method, (message as RpcRequest).args);
    const call = outcome.then((outcome) => {
      lastActivity = Date.now();
      const response: RpcResponse = outcome.ok
        ? { id, ok: true, result: outcome.result }
        : { id, ok: false, error: outcome.error };
      post(port, response);
    });
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  });
  post(port, { type: 'ready' });
  // The packages only clipping and extraction need load while the worker is idle after the window's
  // first answers: not before them (start-up speed), not on the user's first clip (first-call speed),
  // and not in the way of a request.
  const preload = preloadWhenIdle({
    steps: [...lazyModuleLoads(), prepareExtractor],
    busy: () => inFlight.size > 0 || closing,
    lastActivity: () => lastActivity,
    idleMs: PRELOAD_IDLE_MS,
  });
  port.on('close', () => preload.cancel());
}

/** Quiet time the worker waits for before each preload step. */
const PRELOAD_IDLE_MS = 1_500;

/** What the thread's script gives the core in this thread (not across it, as the host hooks go). */
export type InThreadHooks = Pick<HostHooks, 'listenClipEndpoint'>;

/** Runs this worker thread's notebook with `inThread`'s services. */
export function runCoreWorker(inThread: InThreadHooks = {}): void {
  const port = parentPort;
  if (port === null) throw new Error('The Dossier core worker must be started as a worker thread.');
  const data = parseWorkerData(workerData);
  let notebook: NotebookSession;
  let hookCaller: HookCaller;
  try {
    if (data === undefined)
      throw new ApiError('INTERNAL', 'The core worker was started without a data folder.');
    hookCaller = createHookCaller(port, data.hostHooks);
    // A notebook that cannot be opened (damaged, too new, lost log) still starts: the session answers
    // getStartupState so the window can show what is wrong and how to recover.
    notebook = NotebookSession.start({
      dataDir: data.dataDir,
      host: data.host,
      hostHooks: { ...hookCaller.hooks, ...inThread },
    });
  } catch (error) {
    post(port, { type: 'fatal', error: serializeError(error) });
    port.close();
    return;
  }
  serve(port, notebook, hookCaller);
}
