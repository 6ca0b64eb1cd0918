/**
 * Loads a package the first time it is used instead of when the core starts. compromise, linkedom and
 * sanitize-html take seconds together to load on a slow machine (bench/results/history.md), and only clipping and extraction
 * need them; opening the notebook (and so the app's start to an editable note) must not wait for them.
 * `require` keeps their callers synchronous; each of these packages ships a CommonJS build.
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** Every lazy package's loader, so {@link lazyModuleLoads} can load them all ahead of need. */
const loaders: (() => unknown)[] = [];

/** A function returning package `name`, loaded on its first call and cached after. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  const load = (): T => (loaded ??= requireHere(name) as T);
  loaders.push(load);
  return load;
}

/**
 * One step per package declared with {@link lazyModule} (in modules imported so far), each loading
 * it. The core worker runs them one at a time while it is idle, so the first clip or extraction does
 * not pay the load, and neither does the start nor a request that arrives meanwhile.
 */
export function lazyModuleLoads(): (() => void)[] {
  return loaders.map((load) => () => void load());
}
