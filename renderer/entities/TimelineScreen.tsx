/**
 * The Timeline screen: events and dated quotes on a zoomable, pannable time axis, filtered by people and
 * topics. A click selects an item and shows its card (with its sources); a double click opens it.
 */
import { useState, type JSX } from 'react';
import type { TimelineItem } from '../../shared/areas/analysis';
import type { EntityId } from '../../shared/model';
import { api } from '../api';
import { useNavigate, type Route } from '../shell/navigation';
import { TimelineCanvas } from './timeline/TimelineCanvas';
import { TimelineDetail } from './timeline/TimelineDetail';
import { TimelineFilter, type FilterEntity } from './timeline/TimelineFilter';
import { useAsync } from './useAsync';
import '../analysis/analysis.css';
import './entities.css';
import './timeline/timeline.css';

export interface TimelineScreenProps {
  route: Route;
}

export function TimelineScreen({ route }: TimelineScreenProps): JSX.Element {
  void route;
  const navigate = useNavigate();
  const [filter, setFilter] = useState<FilterEntity[]>([]);
  const [selected, setSelected] = useState<TimelineItem | null>(null);
  // Scare quotes ("the “bloodbath”") and one-word quotes crowd the axis: off unless asked for.
  const [minorQuotes, setMinorQuotes] = useState(false);
  const ids = filter.map((e) => e.id);
  const [items, reload] = useAsync(
    () =>
      api.getTimeline({
        ...(ids.length > 0 ? { entityIds: ids } : {}),
        ...(minorQuotes ? { minorQuotes } : {}),
      }),
    [ids.join(','), minorQuotes],
  );

  function open(item: TimelineItem): void {
    if (item.kind === 'event') navigate({ screen: 'entity', entityId: item.id as EntityId, kind: 'event' });
    else if (item.quote) {
      const { quote } = item;
      navigate({
        screen: 'reader',
        sourceId: quote.source.id,
        highlight: { start: quote.start, end: quote.end },
      });
    }
  }

  return (
    <main className="entities-screen timeline-screen" data-testid="timeline-screen">
      <header className="entities-header">
        <h1>Timeline</h1>
        <span className="timeline-legend muted">
          <span className="legend-mark kind-event" /> event <span className="legend-mark kind-quote" /> quote
        </span>
      </header>
      <TimelineFilter chosen={filter} onChange={setFilter} />
      <label className="group-toggle timeline-minor">
        <input
          type="checkbox"
          data-testid="timeline-minor-quotes"
          checked={minorQuotes}
          onChange={(event) => setMinorQuotes(event.target.checked)}
        />{' '}
        Show scare quotes and one-word quotes
      </label>
      {items.state === 'loading' && <p className="muted entities-empty">Loading…</p>}
      {items.state === 'failed' && (
        <div className="banner banner-error" role="alert">
          <p>{items.message}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {items.state === 'ready' && items.value.length === 0 && (
        <p className="muted entities-empty">
          {filter.length > 0
            ? 'Nothing dated involves this selection.'
            : 'Nothing dated yet: clip articles and their events and quotes appear here.'}
        </p>
      )}
      {items.state === 'ready' && items.value.length > 0 && (
        <>
          <TimelineCanvas
            items={items.value}
            selectedId={selected?.id ?? null}
            onSelect={setSelected}
            onOpen={open}
          />
          {selected && <TimelineDetail item={selected} />}
        </>
      )}
    </main>
  );
}
