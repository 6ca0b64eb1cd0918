/**
 * Entry point of the core worker thread (bundled as `out/main/core-worker.js`). The SQLite driver is
 * synchronous, so the notebook lives here and the host's thread (Electron's main process, the browser
 * host's HTTP server) never waits on the disk.
 *
 * Protocol: post `ready` once the notebook is open, or `fatal` and exit when it cannot be; then answer
 * each RpcRequest with an RpcResponse, and on `close` finish what is in flight, close and exit.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ApiError, serializeError } from '../../../shared/errors';
import type { RpcRequest, RpcResponse } from '../../../shared/rpc';
import { dispatch } from '../dispatch';
import { Notebook } from '../notebook';
import { parseWorkerData, type WorkerToHost } from './protocol';

function post(port: MessagePort, message: WorkerToHost): void {
  port.postMessage(message);
}

function isRequest(message: unknown): message is RpcRequest {
  return (
    message !== null && typeof message === 'object' && typeof (message as { id?: unknown }).id === 'number'
  );
}

function isClose(message: unknown): boolean {
  return message !== null && typeof message === 'object' && (message as { type?: unknown }).type === 'close';
}

function serve(port: MessagePort, notebook: Notebook): void {
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  port.on('message', (message: unknown) => {
    if (isClose(message)) {
      closing = true;
      void Promise.allSettled(inFlight).then(async () => {
        await notebook.close();
        // With the port closed nothing keeps the thread alive, so it exits with code 0.
        port.close();
      });
      return;
    }
    if (!isRequest(message)) return;
    const { id, method, args } = message;
    if (closing) {
      post(port, { id, ok: false, error: new ApiError('UNAVAILABLE', 'The notebook is closing.').toJSON() });
      return;
    }
    const call = dispatch(notebook, method, args).then((outcome) => {
      const response: RpcResponse = outcome.ok
        ? { id, ok: true, result: outcome.result }
        : { id, ok: false, error: outcome.error };
      post(port, response);
    });
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  });
  post(port, { type: 'ready' });
}

function main(): void {
  const port = parentPort;
  if (port === null) throw new Error('The Dossier core worker must be started as a worker thread.');
  const data = parseWorkerData(workerData);
  let notebook: Notebook;
  try {
    if (data === undefined)
      throw new ApiError('INTERNAL', 'The core worker was started without a data folder.');
    notebook = Notebook.open(data);
  } catch (error) {
    post(port, { type: 'fatal', error: serializeError(error) });
    port.close();
    return;
  }
  serve(port, notebook);
}

main();
