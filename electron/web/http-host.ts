/**
 * The HTTP half of the browser host: binds 127.0.0.1, refuses foreign Host/Origin headers on every
 * request, routes `/api/*` to the core and everything else to the renderer's files. It knows the core
 * only as a `call` function, so it can be tested and reasoned about without a database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PATH_PREFIX } from '../../shared/rpc';
import { DEFAULT_MAX_BODY_BYTES, handleApi, type CallCore, type CallCoreWithBody } from './api-route';
import { applySecurityHeaders, checkRequestOrigin, createToken } from './security';
import { serveStatic } from './static-files';

/** How long close() lets in-flight requests (e.g. a save) finish before cutting connections. */
const CLOSE_GRACE_MS = 5_000;

/** Options of {@link createHttpHost}. */
export interface HttpHostOptions {
  /** Runs an API call in the core. */
  call: CallCore;
  /** Absolute folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Listen on any free port when `port` is taken, instead of failing. */
  anyPortIfTaken?: boolean;
  /** The only interface the host binds. */
  host?: '127.0.0.1';
  /** The per-launch token; a fresh 256-bit one when absent. */
  token?: string;
  /** Largest API request body in bytes; 64 MB by default. */
  maxBodyBytes?: number;
  /** Runs a call whose body the core reads itself (long clips); without it every body is parsed here. */
  callWithBody?: CallCoreWithBody;
}

/** A listening HTTP host. */
export interface HttpHost {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  token: string;
  /** Stops accepting requests, lets in-flight ones finish (up to a grace period) and closes. */
  close(): Promise<void>;
}

const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,512}$/;

function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? Object.assign(
              new Error(
                `Port ${port} is already in use: choose another with --port N, or --port 0 for a free one.`,
              ),
              { code: 'EADDRINUSE' },
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', onError);
      resolvePromise((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the HTTP host; resolves once it listens. */
export async function createHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? createToken();
  if (!TOKEN_PATTERN.test(token)) throw new Error('The token must be 16 to 512 URL-safe characters.');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;
  let closing = false;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    const refusal = checkRequestOrigin(req, port);
    if (refusal) {
      sendText(res, refusal.status, refusal.message);
      return;
    }
    if (closing) {
      res.setHeader('Connection', 'close');
      sendText(res, 503, 'Dossier is shutting down.');
      return;
    }
    const path = req.url ?? '/';
    if (path.startsWith(API_PATH_PREFIX)) {
      await handleApi(req, res, {
        token,
        call: options.call,
        callWithBody: options.callWithBody,
        maxBodyBytes,
      });
    } else {
      await serveStatic(req, res, { rendererDir: options.rendererDir, token });
    }
  };

  const server = createServer((req, res) => {
    // A keep-alive connection that finishes its last request while closing must not hold close() open.
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      sendText(res, 500, `Dossier could not answer this request: ${message}`);
    });
  });

  const address = options.host ?? '127.0.0.1';
  port = await listen(server, options.port ?? 0, address).catch((error: unknown) => {
    if (options.anyPortIfTaken === true && (error as { code?: unknown }).code === 'EADDRINUSE') {
      return listen(server, 0, address);
    }
    throw error;
  });

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolvePromise) => {
      closing = true;
      const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolvePromise();
      });
      server.closeIdleConnections();
    });
    return closed;
  };

  return { url: `http://127.0.0.1:${port}/`, port, token, close };
}
