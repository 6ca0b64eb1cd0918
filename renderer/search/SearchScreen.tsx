/**
 * The Search screen: one box over sources, notes, quotes and people, with filters typed into the
 * query. Results are one ranked list with type badges and highlighted snippets (filters alone list
 * everything they match, newest first). Enter in the box shows the list: it runs the search at once and
 * moves the focus to the results, where arrows move and Enter opens one; arrows in the box move through
 * the results while the box keeps focus, and Enter then opens the one chosen.
 */
import { useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { MAX_SEARCH_LIMIT, type SearchHit } from '../../shared/areas/search';
import { useNavigate, type Route } from '../shell/navigation';
import { HitList, hitOptionId } from './HitList';
import { routeOfHit } from './hits';
import { useSearch, visibleResults } from './useSearch';
import './search.css';

export interface SearchScreenProps {
  route: Route;
}

const PAGE = 30;

export function SearchScreen({ route }: SearchScreenProps): JSX.Element {
  const navigate = useNavigate();
  const requested = route.screen === 'search' ? (route.query ?? '') : '';
  const [query, setQueryState] = useState(requested);
  const [seenRequest, setSeenRequest] = useState(requested);
  const [limit, setLimit] = useState(PAGE);
  // -1: nothing chosen yet, so Enter shows the list instead of opening its first hit.
  const [selected, setSelected] = useState(-1);
  // Enter pressed before the answer came: focus the list once it is there.
  const [focusWhenReady, setFocusWhenReady] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const setQuery = (text: string): void => {
    setQueryState(text);
    setSelected(-1);
    setLimit(PAGE);
  };
  // A new request from elsewhere (the palette's "Search everything for …") replaces the box's text.
  if (requested !== seenRequest) {
    setSeenRequest(requested);
    // The box's own words coming back through the address change nothing.
    if (requested !== query) setQuery(requested);
  }
  // The words are in the address, so a reload or Back shows this search again.
  useEffect(() => {
    if (query !== requested)
      navigate(query === '' ? { screen: 'search' } : { screen: 'search', query }, { replace: true });
    // Only the typed words matter; the route follows them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  const state = useSearch(query, limit);
  const results = visibleResults(state);
  const hits = results?.hits ?? [];

  const open = (hit: SearchHit): void => navigate(routeOfHit(hit));
  const ready = state.state === 'ready';

  // The answer to an Enter has come: the list takes the focus with its first hit chosen (or, when
  // there is none, the box keeps it and "No results" says so). State set while rendering, as above.
  const [focusRequests, setFocusRequests] = useState(0);
  if (focusWhenReady && ready) {
    setFocusWhenReady(false);
    if (hits.length > 0) {
      if (selected < 0) setSelected(0);
      setFocusRequests((n) => n + 1);
    }
  }
  useEffect(() => {
    if (focusRequests > 0) list.current?.focus();
  }, [focusRequests]);

  /** Arrows, Enter and Home/End over the hits; shared by the box and the focused list. */
  const moveOrOpen = (event: KeyboardEvent<HTMLElement>): boolean => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && hits.length > 0) {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((i) => Math.max(0, Math.min(hits.length - 1, i + step)));
    } else if ((event.key === 'Home' || event.key === 'End') && event.currentTarget === list.current) {
      setSelected(event.key === 'Home' ? 0 : hits.length - 1);
    } else if (event.key === 'Enter' && hits[selected] !== undefined) {
      open(hits[selected]);
    } else return false;
    event.preventDefault();
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (moveOrOpen(event)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      setFocusWhenReady(true);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (moveOrOpen(event)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus();
    }
  };

  useEffect(() => {
    if (selected < 0) return;
    document.getElementById(hitOptionId('search-hit', selected))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const listing = results !== null && results.query.terms.length === 0 && results.query.speaker === null;

  return (
    <main className="search-screen" data-testid="search-screen">
      <h1>Search</h1>
      <input
        className="search-input"
        type="search"
        role="combobox"
        aria-label="Search sources, notes, quotes and people"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={
          selected >= 0 && hits.length > 0 ? hitOptionId('search-hit', selected) : undefined
        }
        data-testid="search-input"
        placeholder='Search… e.g. speaker:putin "cease hostilities" from:2025-03-01'
        autoFocus
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="search-help muted">
        Filters: <code>type:quote|source|note|person|event</code> <code>speaker:name</code>{' '}
        <code>from:2025-03-01</code> <code>to:2025-03</code> <code>site:bbc</code> <code>in:title</code>, and
        &quot;exact phrases&quot;.
      </p>
      {results !== null && results.warnings.length > 0 && (
        <ul className="search-warnings" data-testid="search-warnings">
          {results.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {state.state === 'failed' && (
        <p className="search-error" role="alert">
          Search failed: {state.message}
        </p>
      )}
      {state.state === 'ready' && hits.length === 0 && (
        <p className="search-empty muted" data-testid="search-empty">
          No results for “{query.trim()}”.
        </p>
      )}
      {hits.length > 0 && (
        <p className="search-count muted" role="status" data-testid="search-count">
          {results?.hasMore === true ? `${hits.length}+` : hits.length}{' '}
          {hits.length === 1 ? 'result' : 'results'}
          {listing ? ', everything these filters match, newest first' : ''}. Enter or ↓ to choose one.
        </p>
      )}
      {hits.length > 0 && (
        <ul
          ref={list}
          id="search-results"
          className="search-results"
          role="listbox"
          tabIndex={-1}
          aria-label="Search results"
          aria-activedescendant={selected >= 0 ? hitOptionId('search-hit', selected) : undefined}
          data-testid="search-results"
          onKeyDown={onListKeyDown}
        >
          <HitList
            hits={hits}
            selected={selected}
            idPrefix="search-hit"
            onOpen={open}
            onHover={setSelected}
          />
        </ul>
      )}
      {results?.hasMore === true && limit < MAX_SEARCH_LIMIT && (
        <button
          type="button"
          className="button search-more"
          onClick={() => setLimit((n) => Math.min(MAX_SEARCH_LIMIT, n + PAGE))}
        >
          Show more results
        </button>
      )}
    </main>
  );
}
