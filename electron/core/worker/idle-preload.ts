/**
 * Runs warm-up steps (loading packages that clipping and extraction need) only while the worker is
 * idle: not before `idleMs` have passed without a request, never while one is in flight, and one step
 * at a time, re-checking in between. Loading compromise blocks the thread for about half a second, so
 * doing it on a fixed timer made the window's first requests wait behind it.
 */

/** What {@link preloadWhenIdle} needs to know about the worker; the clock and timer are injectable. */
export interface IdlePreloadOptions {
  /** The warm-up steps, run in order; a step that throws is skipped (its error comes back on use). */
  steps: readonly (() => void)[];
  /** True while a request is in flight. */
  busy(): boolean;
  /** When the last request arrived or finished (same clock as `now`). */
  lastActivity(): number;
  /** Quiet time required before each step. */
  idleMs: number;
  now?: () => number;
  schedule?: (run: () => void, ms: number) => void;
}

/** Starts waiting for idle time; `cancel()` stops before the next step (e.g. when the worker closes). */
export function preloadWhenIdle(options: IdlePreloadOptions): { cancel(): void } {
  const now = options.now ?? Date.now;
  const schedule =
    options.schedule ??
    ((run: () => void, ms: number) => {
      setTimeout(run, ms).unref();
    });
  let next = 0;
  let cancelled = false;
  const check = (): void => {
    if (cancelled || next >= options.steps.length) return;
    const quietFor = now() - options.lastActivity();
    if (options.busy() || quietFor < options.idleMs) {
      schedule(check, Math.max(options.idleMs - quietFor, 10));
      return;
    }
    const step = options.steps[next++]!;
    try {
      step();
    } catch {
      // A package that cannot load fails again, with its error, on the call that needs it.
    }
    // Requests that arrived during the step are handled before the next one is considered.
    schedule(check, 0);
  };
  schedule(check, options.idleMs);
  return {
    cancel: () => {
      cancelled = true;
    },
  };
}
