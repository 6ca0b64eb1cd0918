/**
 * The one module through which the UI reaches the notebook. In Electron the preload's `window.api`
 * answers each call with an RpcOutcome envelope, unwrapped here; in the browser host calls are POSTed to
 * `/api/<method>` with the token the host wrote into the page.
 */
import type { NotebookApi } from '../shared/api';
import { bridgeTransport, createClient, httpTransport, readToken, type Transport } from './apiClient';

function defaultTransport(): Transport {
  if (window.api) return bridgeTransport(window.api);
  return httpTransport(readToken(document));
}

const transport: Transport = defaultTransport();

/** The notebook, for everything the UI does. */
export const api: NotebookApi = createClient(transport);

/**
 * The same notebook, but each request may outlive the page (fetch `keepalive`): for the last save on
 * pagehide, beforeunload and visibilitychange, when an ordinary request would be cancelled.
 */
export const unloadApi: NotebookApi = createClient(transport, { keepalive: true });
