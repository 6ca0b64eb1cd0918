/**
 * How NotebookApi calls travel from the UI: over the Electron preload bridge or over HTTP to the browser
 * host. Pure factories with no globals read at import time, so tests can build clients with fakes.
 * Clients are built from API_METHODS, so a method added to the contract reaches the UI without edits here.
 */
import { API_METHODS, type ApiMethod, type NotebookApi } from '../shared/api';
import { ApiError, deserializeError } from '../shared/errors';
import { API_PATH_PREFIX, TOKEN_META_NAME, type RpcOutcome } from '../shared/rpc';

/** How one call travels; `keepalive` asks the transport to outlive the page (used while unloading). */
export type Transport = (method: ApiMethod, args: unknown[], options: CallOptions) => Promise<RpcOutcome>;

/** Per-client call options. */
export interface CallOptions {
  /** Let the request finish even if the page is being closed or reloaded (fetch `keepalive`). */
  keepalive: boolean;
}

const UNREACHABLE = "Dossier's notebook host is not reachable. Is `npm run web` still running?";

/** Browsers refuse keepalive bodies above 64 KiB in flight; larger saves go as normal requests. */
const KEEPALIVE_BODY_LIMIT = 60_000;

/** Builds a NotebookApi whose every method goes through `transport` and throws ApiError on failure. */
export function createClient(transport: Transport, options: CallOptions = { keepalive: false }): NotebookApi {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = async (...args: unknown[]) => unwrap(await transport(method, args, options));
  }
  return client as unknown as NotebookApi;
}

/** Returns the result of a successful outcome, or throws its error as an ApiError. */
export function unwrap(outcome: unknown): unknown {
  if (outcome !== null && typeof outcome === 'object' && 'ok' in outcome) {
    const envelope = outcome as RpcOutcome;
    if (envelope.ok) return envelope.result;
    throw deserializeError(envelope.error);
  }
  throw new ApiError('INTERNAL', 'The notebook sent an answer Dossier does not understand.');
}

/** Transport over the Electron preload bridge (`window.api`). */
export function bridgeTransport(bridge: DossierBridge): Transport {
  return async (method, args) => {
    const call = bridge[method] as (...a: unknown[]) => Promise<RpcOutcome>;
    try {
      return await call(...args);
    } catch (error) {
      // The bridge only rejects when IPC itself failed (e.g. the main process is shutting down).
      const message = error instanceof Error ? error.message : String(error);
      throw new ApiError(
        'UNAVAILABLE',
        `Dossier's notebook is not responding (${message}). Restart Dossier.`,
      );
    }
  };
}

/** Transport over HTTP to the browser host; `fetchImpl` is injectable for tests. */
export function httpTransport(token: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): Transport {
  return async (method, args, { keepalive }) => {
    const body = JSON.stringify({ args });
    let response: Response;
    try {
      response = await fetchImpl(API_PATH_PREFIX + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
        keepalive: keepalive && body.length < KEEPALIVE_BODY_LIMIT,
      });
    } catch {
      throw new ApiError('UNAVAILABLE', UNREACHABLE);
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      // A proxy or a crashed host can answer with something that is not our envelope.
      throw new ApiError('UNAVAILABLE', `${UNREACHABLE} (It answered HTTP ${response.status}.)`);
    }
    return parsed as RpcOutcome;
  };
}

/** The token the browser host writes into the page it serves; '' when absent. */
export function readToken(doc: Pick<Document, 'querySelectorAll'>): string {
  for (const meta of doc.querySelectorAll(`meta[name="${TOKEN_META_NAME}"]`)) {
    const content = meta.getAttribute('content');
    if (content) return content;
  }
  return '';
}
