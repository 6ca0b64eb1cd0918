/**
 * The Search screen: one box over sources, notes, quotes and people, with filters typed into the
 * query. Results are one ranked list with type badges and highlighted snippets; arrows move through
 * them while the box keeps focus, Enter opens one.
 */
import { useEffect, useState, type JSX, type KeyboardEvent } from 'react';
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
  const [selected, setSelected] = useState(0);
  const setQuery = (text: string): void => {
    setQueryState(text);
    setSelected(0);
    setLimit(PAGE);
  };
  // A new request from elsewhere (the palette's "Search everything for …") replaces the box's text.
  if (requested !== seenRequest) {
    setSeenRequest(requested);
    setQuery(requested);
  }
  const state = useSearch(query, limit);
  const results = visibleResults(state);
  const hits = results?.hits ?? [];

  const open = (hit: SearchHit): void => navigate(routeOfHit(hit));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setSelected((i) => Math.min(hits.length - 1, i + 1));
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setSelected((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter' && hits[selected] !== undefined) {
      event.preventDefault();
      open(hits[selected]);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  useEffect(() => {
    document.getElementById(hitOptionId('search-hit', selected))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

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
        aria-activedescendant={hits.length > 0 ? hitOptionId('search-hit', selected) : undefined}
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
        <ul
          id="search-results"
          className="search-results"
          role="listbox"
          aria-label="Search results"
          data-testid="search-results"
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
