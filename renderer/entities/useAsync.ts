/**
 * Loads something from the API for a screen, re-running when `deps` change and ignoring answers that
 * arrive after the screen moved on (a slow answer for an old filter must not replace a newer one).
 */
import { useCallback, useEffect, useState, type DependencyList } from 'react';

export type AsyncState<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): [AsyncState<T>, () => void] {
  const [result, setResult] = useState<{ key: number; value: AsyncState<T> }>({
    key: -1,
    value: { state: 'loading' },
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setResult({ key: generation, value: { state: 'ready', value } }),
      (error: Error) =>
        live && setResult({ key: generation, value: { state: 'failed', message: error.message } }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure on every render; `deps` say when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result.value, reload];
}
