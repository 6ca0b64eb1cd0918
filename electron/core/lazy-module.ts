/**
 * Loads a package the first time it is used instead of when the core starts. compromise, linkedom and
 * sanitize-html take about 2 s together to load on a slow machine, and only clipping and extraction
 * need them; opening the notebook (and so the app's start to an editable note) must not wait for them.
 * `require` keeps their callers synchronous; each of these packages ships a CommonJS build.
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** Every lazy package's loader, so {@link preloadLazyModules} can load them all ahead of need. */
const loaders: (() => unknown)[] = [];

/** A function returning package `name`, loaded on its first call and cached after. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  const load = (): T => (loaded ??= requireHere(name) as T);
  loaders.push(load);
  return load;
}

/**
 * Loads every package declared with {@link lazyModule} (in modules imported so far). The core worker
 * calls it once the notebook is open and the window has had its first answers, so the first clip or
 * extraction does not pay the load, and the start does not either.
 */
export function preloadLazyModules(): void {
  for (const load of loaders) load();
}
