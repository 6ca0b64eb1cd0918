/**
 * Globals the hosts give the renderer. Only the Electron preload sets `window.api`; the browser host
 * leaves it undefined and hands over a token in a meta tag instead (see renderer/api.ts).
 */
import type { ApiArgs, ApiMethod } from '../shared/api';
import type { RpcOutcome } from '../shared/rpc';

declare global {
  /**
   * What the Electron preload exposes: one function per API method that resolves to the outcome
   * envelope (`{ ok: true, result }` or `{ ok: false, error }`), never to the bare result, so that an
   * ApiError's code and details survive IPC intact. It rejects only when IPC itself fails.
   */
  type DossierBridge = { readonly [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<RpcOutcome> };

  interface Window {
    /** Set by the Electron preload via contextBridge; undefined in the browser host. */
    readonly api?: DossierBridge;
  }
}

export {};
