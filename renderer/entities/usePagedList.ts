/**
 * A long list of an entity page (its quotes, its sources) that arrives a page at a time: the first page
 * comes with the page, and `more()` appends the next one after the last item shown, until all `total`
 * are there. A new first page (the page reloaded) starts the list over.
 */
import { useCallback, useMemo, useRef, useState } from 'react';

export interface PagedList<T> {
  /** Every item loaded so far, in order. */
  items: T[];
  /** How many there are in all. */
  total: number;
  /** More items exist than are loaded. */
  hasMore: boolean;
  loading: boolean;
  /** Why the last `more()` failed, or null. */
  error: string | null;
  /** Loads the next page; does nothing while one is loading or when all are there. */
  more(): void;
}

export function usePagedList<T>(
  first: T[],
  total: number,
  idOf: (item: T) => string,
  fetchAfter: (after: string) => Promise<T[]>,
): PagedList<T> {
  // Loaded pages belong to the first page they continue: when it changes, they are dropped.
  const [loaded, setLoaded] = useState<{ base: T[]; extra: T[]; done: boolean }>({
    base: first,
    extra: [],
    done: false,
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = loaded.base === first ? loaded : { base: first, extra: [], done: false };
  const { extra } = current;
  const items = useMemo(() => (extra.length === 0 ? first : [...first, ...extra]), [first, extra]);
  const hasMore = !current.done && items.length < total && items.length > 0;
  const busy = useRef(false);

  const more = useCallback(() => {
    if (busy.current || !hasMore) return;
    busy.current = true;
    setLoading(true);
    setError(null);
    fetchAfter(idOf(items.at(-1)!))
      .then(
        (page) => {
          setLoaded((state) => {
            const base = state.base === first ? state : { base: first, extra: [], done: false };
            return { base: first, extra: [...base.extra, ...page], done: page.length === 0 };
          });
        },
        (err: Error) => setError(err.message),
      )
      .finally(() => {
        busy.current = false;
        setLoading(false);
      });
  }, [first, items, hasMore, idOf, fetchAfter]);

  return { items, total, hasMore, loading, error, more };
}
