/**
 * Searches as the user types: waits a moment after the last keystroke, then asks the notebook, and
 * drops answers to queries the user has already typed past (a slow answer must not replace a newer one).
 */
import { useEffect, useState } from 'react';
import type { SearchResults } from '../../shared/areas/search';
import { api } from '../api';

export type SearchState =
  | { state: 'idle' }
  | { state: 'loading'; previous: SearchResults | null }
  | { state: 'ready'; results: SearchResults }
  | { state: 'failed'; message: string };

/** Milliseconds of typing pause before a search starts. */
export const SEARCH_DELAY_MS = 60;

type Answer = { key: string; results: SearchResults } | { key: string; message: string };

/** Results for `query` (a blank query: idle), with at most `limit` hits. */
export function useSearch(query: string, limit: number): SearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = `${limit}\u0000${query}`;
  const blank = query.trim() === '';

  useEffect(() => {
    if (blank) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.search({ query, limit }).then(
        (results) => live && setAnswer({ key, results }),
        (error: Error) => live && setAnswer({ key, message: error.message }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [blank, key, query, limit]);

  if (blank) return { state: 'idle' };
  if (answer !== null && answer.key === key) {
    return 'results' in answer
      ? { state: 'ready', results: answer.results }
      : { state: 'failed', message: answer.message };
  }
  return { state: 'loading', previous: answer !== null && 'results' in answer ? answer.results : null };
}

/** The hits to show now: the current results, or the previous ones while the next are on their way. */
export function visibleResults(state: SearchState): SearchResults | null {
  if (state.state === 'ready') return state.results;
  if (state.state === 'loading') return state.previous;
  return null;
}
