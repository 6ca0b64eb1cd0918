/**
 * The Events screen: every event in date order under month headings, with who took part, where, and how
 * many sources report it; events whose date is unknown come last. Each opens its page.
 */
import type { JSX } from 'react';
import type { EntitySummary, TimelineItem } from '../../shared/areas/analysis';
import { api } from '../api';
import { useNavigate, type Route } from '../shell/navigation';
import { formatRange, periodHeading } from './dates';
import { useAsync } from './useAsync';
import './entities.css';

export interface EventsScreenProps {
  route: Route;
}

interface EventsData {
  dated: TimelineItem[];
  undated: EntitySummary[];
}

async function loadEvents(): Promise<EventsData> {
  const [timeline, all] = await Promise.all([
    api.getTimeline(),
    api.listEntities({ kinds: ['event'], limit: 1000 }),
  ]);
  const dated = timeline.filter((item) => item.kind === 'event');
  const datedIds = new Set<string>(dated.map((item) => item.id));
  return { dated, undated: all.filter((event) => !datedIds.has(event.id)) };
}

/** Dated events under their month's (or, when vaguer, their year's) heading, in date order. */
function byMonth(items: TimelineItem[]): [string, TimelineItem[]][] {
  const months = new Map<string, TimelineItem[]>();
  for (const item of [...items].sort((a, b) => a.start.localeCompare(b.start))) {
    const heading = periodHeading(item.start, item.precision);
    months.set(heading, [...(months.get(heading) ?? []), item]);
  }
  return [...months];
}

export function EventsScreen({ route }: EventsScreenProps): JSX.Element {
  void route;
  const navigate = useNavigate();
  const [events, reload] = useAsync(loadEvents, []);

  return (
    <main className="entities-screen" data-testid="events-screen">
      <header className="entities-header">
        <h1>Events</h1>
        <button type="button" className="button" onClick={() => navigate({ screen: 'timeline' })}>
          Show on the timeline
        </button>
      </header>
      {events.state === 'loading' && <p className="muted entities-empty">Loading…</p>}
      {events.state === 'failed' && (
        <div className="banner banner-error" role="alert">
          <p>{events.message}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {events.state === 'ready' && events.value.dated.length + events.value.undated.length === 0 && (
        <p className="muted entities-empty">
          No events yet: they are found in clipped articles that say what happened when.
        </p>
      )}
      {events.state === 'ready' &&
        byMonth(events.value.dated).map(([month, items]) => (
          <section key={month} className="events-month">
            <h2>{month}</h2>
            <ul className="entity-rows">
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className="entity-row event-row"
                    data-testid="event-row"
                    onClick={() =>
                      navigate({ screen: 'entity', entityId: item.id as EntitySummary['id'], kind: 'event' })
                    }
                  >
                    <span className="event-row-date">
                      {formatRange(item.start, item.end, item.precision)}
                    </span>
                    <span className="entity-row-name">{item.title}</span>
                    <span className="entity-row-counts muted">
                      {[
                        item.entities.map((e) => e.name).join(', '),
                        `${item.sources.length} source${item.sources.length === 1 ? '' : 's'}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      {events.state === 'ready' && events.value.undated.length > 0 && (
        <section className="events-month">
          <h2>Date unknown</h2>
          <ul className="entity-rows">
            {events.value.undated.map((event) => (
              <li key={event.id}>
                <button
                  type="button"
                  className="entity-row event-row"
                  data-testid="event-row"
                  onClick={() => navigate({ screen: 'entity', entityId: event.id, kind: 'event' })}
                >
                  <span className="entity-row-name">{event.name}</span>
                  <span className="entity-row-counts muted">
                    {event.sourceCount} source{event.sourceCount === 1 ? '' : 's'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
