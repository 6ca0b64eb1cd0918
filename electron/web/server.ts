/**
 * The browser host: the core worker (which owns the database) plus the HTTP host that serves the
 * renderer and forwards API calls to it. Used by `npm run web` and by every end-to-end test.
 */
import { startCoreWorker } from '../core/worker/client';
import { createHttpHost, type HttpHost } from './http-host';

/** Options of {@link startWebHost}. */
export interface WebHostOptions {
  /** The folder holding the notebook database. */
  dataDir: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
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
  /** Stops serving, then closes the core (which checkpoints and closes the database). */
  close(): Promise<void>;
}

/**
 * Opens the notebook in a worker thread and serves it on 127.0.0.1. Rejects with the core's ApiError
 * (e.g. DB_TOO_NEW) when the database cannot be opened, and with an Error when the port is taken.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const core = await startCoreWorker({
    dataDir: options.dataDir,
    host: 'web',
    workerFile: options.workerFile,
  });
  let server: HttpHost;
  try {
    server = await createHttpHost({
      call: (method, args) => core.call(method, args),
      rendererDir: options.rendererDir,
      port: options.port,
      host: options.host,
      token: options.token,
      maxBodyBytes: options.maxBodyBytes,
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    token: server.token,
    close: () => {
      // Requests in flight finish first, so a save the page is waiting for reaches the database.
      closed ??= server.close().finally(() => core.close());
      return closed;
    },
  };
}
