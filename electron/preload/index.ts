/**
 * The preload: the only bridge between the sandboxed page and the main process. It exposes
 * `window.api` with one function per NotebookApi method, each invoking that method's `dossier:`
 * channel and resolving to its RpcOutcome envelope (renderer/api.ts unwraps it). Nothing else is
 * exposed: no ipcRenderer, no generic invoke/send/on, so a script in the page can reach the notebook
 * only through the calls the main process validates.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, ipcChannel, type ApiMethod } from '../../shared/api';
import type { RpcOutcome } from '../../shared/rpc';

/** The shape of `window.api` (renderer/env.d.ts declares the same as `DossierBridge`). */
export type PreloadApi = { readonly [M in ApiMethod]: (...args: unknown[]) => Promise<RpcOutcome> };

/** Builds the bridge from API_METHODS, so a method added to the contract needs no change here. */
function buildApi(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>): PreloadApi {
  const api: Partial<Record<ApiMethod, (...args: unknown[]) => Promise<RpcOutcome>>> = {};
  for (const method of API_METHODS) {
    // The main process answers every call with an RpcOutcome (see electron/main/ipc.ts).
    api[method] = (...args) => invoke(ipcChannel(method), ...args) as Promise<RpcOutcome>;
  }
  return Object.freeze(api as PreloadApi);
}

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
