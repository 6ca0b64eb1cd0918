/**
 * The People screen: everyone (and every place, organisation and topic) the library names, most
 * mentioned first, with a filter box; each opens its page. Also home of "Re-extract all sources".
 */
import { useState, type JSX } from 'react';
import type { EntityKind } from '../../shared/model';
import { api } from '../api';
import { ReextractAllButton } from '../analysis/ReextractAllButton';
import type { Route } from '../shell/navigation';
import { EntityListItem } from './EntityListItem';
import { useAsync } from './useAsync';
import './entities.css';

export interface PeopleScreenProps {
  route: Route;
}

const TABS: { kind: EntityKind; label: string }[] = [
  { kind: 'person', label: 'People' },
  { kind: 'place', label: 'Places' },
  { kind: 'org', label: 'Organisations' },
  { kind: 'topic', label: 'Topics' },
];

/** Enough for a long library while keeping the list quick to draw; the filter finds the rest. */
const LIMIT = 300;

export function PeopleScreen({ route }: PeopleScreenProps): JSX.Element {
  void route;
  const [kind, setKind] = useState<EntityKind>('person');
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const [list, reload] = useAsync(
    () => api.listEntities({ kinds: [kind], query: trimmed || undefined, limit: LIMIT }),
    [kind, trimmed],
  );

  return (
    <main className="entities-screen" data-testid="people-screen">
      <header className="entities-header">
        <h1>People, places and organisations</h1>
        <ReextractAllButton onFinished={reload} />
      </header>
      <div className="entities-toolbar">
        <div className="kind-tabs" role="tablist">
          {TABS.map((tab) => (
            <button
              key={tab.kind}
              type="button"
              role="tab"
              aria-selected={tab.kind === kind}
              className="kind-tab"
              data-testid={`kind-tab-${tab.kind}`}
              onClick={() => setKind(tab.kind)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="entities-filter"
          data-testid="entity-filter"
          placeholder="Filter by name or alias"
          aria-label="Filter by name or alias"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {list.state === 'loading' && <p className="muted entities-empty">Loading…</p>}
      {list.state === 'failed' && (
        <div className="banner banner-error" role="alert">
          <p>{list.message}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {list.state === 'ready' && list.value.length === 0 && (
        <p className="muted entities-empty">
          {trimmed
            ? `No names match “${trimmed}”.`
            : 'Nothing yet: clip articles into the Library and the names they mention appear here.'}
        </p>
      )}
      {list.state === 'ready' && list.value.length > 0 && (
        <ul className="entity-rows" data-testid="entity-list">
          {list.value.map((entity) => (
            <EntityListItem key={entity.id} entity={entity} />
          ))}
        </ul>
      )}
    </main>
  );
}
