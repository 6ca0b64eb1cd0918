/**
 * The browser host: the core worker (which owns the database) plus the HTTP host that serves the
 * renderer and forwards API calls to it. Used by `npm run web` and by every end-to-end test.
 */
import { startCoreWorker } from '../core/worker/client';
import type { CallCore, CallCoreWithBody } from './api-route';
import { createHttpHost, type HttpHost } from './http-host';

/** Options of {@link startWebHost}. */
export interface WebHostOptions {
  /** The folder holding the notebook database. */
  dataDir: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Listen on any free port when `port` is taken, instead of failing. */
  anyPortIfTaken?: boolean;
  /** The only interface the host binds. */
  host?: '127.0.0.1';
  /** Absolute folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** The core worker's script: out/main/core-worker.js when built, electron/core/worker/entry.ts in tests. */
  workerFile?: string | URL;
  /** The per-launch token; a fresh 256-bit one when absent. */
  token?: string;
  /** Largest API request body in bytes; 64 MB by default. */
  maxBodyBytes?: number;
}

/** A running browser host. */
export interface WebHost {
  /** `http://127.0.0.1:<port>/`, the address to open. */
  url: string;
  port: number;
  /** The per-launch token, handed to the page through `<meta name="dossier-token">`. */
  token: string;
  /**
   * Settles when the core worker has opened the notebook; rejects when it could not start at all
   * (a notebook that is damaged still starts: getStartupState says what is wrong). API calls made
   * before wait for it.
   */
  ready: Promise<void>;
  /** Runs an API call in the core directly (no HTTP, no token), for the host's own use. */
  call: CallCore;
  /** Stops serving, then closes the core (which checkpoints and closes the database). */
  close(): Promise<void>;
}

/**
 * Serves on 127.0.0.1 at once and opens the notebook in a worker thread meanwhile, so the page loads
 * while the database opens; API calls wait for the worker. Rejects with an Error when the port is
 * taken; a worker that cannot start rejects `ready`, and every call answers its error.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const coreStart = startCoreWorker({
    dataDir: options.dataDir,
    host: 'web',
    workerFile: options.workerFile,
  });
  // Observed here so a failure is reported through `ready` and the calls, never as unhandled.
  coreStart.catch(() => undefined);
  const closeCore = (): Promise<void> =>
    coreStart.then(
      (core) => core.close(),
      () => undefined,
    );
  const call: CallCore = async (method, args) => (await coreStart).call(method, args);
  const callWithBody: CallCoreWithBody = async (method, body) => (await coreStart).callWithBody(method, body);
  let server: HttpHost;
  try {
    server = await createHttpHost({
      call,
      callWithBody,
      rendererDir: options.rendererDir,
      port: options.port,
      anyPortIfTaken: options.anyPortIfTaken,
      host: options.host,
      token: options.token,
      maxBodyBytes: options.maxBodyBytes,
    });
  } catch (error) {
    await closeCore();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    call,
    url: server.url,
    port: server.port,
    token: server.token,
    ready: coreStart.then(() => undefined),
    close: () => {
      // Requests in flight finish first, so a save the page is waiting for reaches the database.
      closed ??= server.close().finally(closeCore);
      return closed;
    },
  };
}
