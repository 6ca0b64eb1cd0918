/** The end of a paged list: how many are left and a button that loads the next page. */
import type { JSX } from 'react';
import type { PagedList } from './usePagedList';

export function ShowMore<T>({
  list,
  noun,
  testId,
}: {
  list: PagedList<T>;
  /** What the items are, plural ("quotes"). */
  noun: string;
  testId: string;
}): JSX.Element | null {
  if (!list.hasMore && list.error === null) return null;
  const left = list.total - list.items.length;
  return (
    <div className="show-more">
      {list.error && (
        <p className="banner banner-error" role="alert">
          {list.error}
        </p>
      )}
      {list.hasMore && (
        <button
          type="button"
          className="button"
          data-testid={testId}
          disabled={list.loading}
          onClick={list.more}
        >
          {list.loading ? 'Loading…' : `Show more ${noun} (${left.toLocaleString()} more)`}
        </button>
      )}
    </div>
  );
}
