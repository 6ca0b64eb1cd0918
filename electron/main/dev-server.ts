/**
 * When the main window may load the renderer from Vite's dev server instead of app://. That window's
 * page gets the IPC-trusted API, so the address must never come from the environment of an app
 * someone merely runs: it is honoured only in a build made by `electron-vite dev` (Vite inlines
 * `import.meta.env.DEV`, false in every `electron-vite build`), started by it (it sets
 * NODE_ENV_ELECTRON_VITE=development), unpackaged, and only for an http origin on this computer.
 */

declare global {
  /** What Vite inlines at build time (electron-vite builds the main process with Vite). */
  interface ImportMetaEnv {
    readonly DEV: boolean;
  }
  interface ImportMeta {
    readonly env: ImportMetaEnv;
  }
}

/** How this main process was built and started. */
export interface DevServerContext {
  /** The app is packaged (electron-builder): never a dev server. */
  packaged: boolean;
  /** Built by `electron-vite dev` (import.meta.env.DEV). */
  devBuild: boolean;
  env: NodeJS.ProcessEnv;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server's URL when every condition above holds, else undefined (the app then loads
 * app://dossier/index.html).
 */
export function devServerUrl(context: DevServerContext): string | undefined {
  if (context.packaged || !context.devBuild) return undefined;
  if (context.env.NODE_ENV_ELECTRON_VITE !== 'development') return undefined;
  const raw = context.env.ELECTRON_RENDERER_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href.replace(/\/$/, '');
}

/** {@link devServerUrl} for this process. */
export function currentDevServerUrl(packaged: boolean): string | undefined {
  return devServerUrl({ packaged, devBuild: import.meta.env.DEV, env: process.env });
}
