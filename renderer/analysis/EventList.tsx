/** The events found in the source: date, what, who and where; a click shows where it is reported. */
import type { JSX } from 'react';
import type { EventView, SpanRange } from '../../shared/areas/analysis';
import { useNavigate } from '../shell/navigation';
import { formatEventDate } from '../entities/dates';

export interface EventListProps {
  events: EventView[];
  /** The source the panel is about: a click shows where this source reports the event. */
  sourceId: string;
  onShow: (span: SpanRange) => void;
}

export function EventList({ events, sourceId, onShow }: EventListProps): JSX.Element | null {
  const navigate = useNavigate();
  if (events.length === 0) return null;
  return (
    <section className="panel-section" data-testid="panel-events">
      <h3>
        Events <span className="count">{events.length}</span>
      </h3>
      <ul className="event-list">
        {events.map((event) => {
          const span = event.reports.find((r) => r.span && r.source.id === sourceId)?.span ?? null;
          const others = new Set(event.reports.map((r) => r.source.id).filter((id) => id !== sourceId)).size;
          return (
            <li key={event.id} className={`event-item status-${event.status}`} data-testid="panel-event">
              <div className="event-date">{formatEventDate(event.date, event.precision)}</div>
              <button
                type="button"
                className="event-name"
                onClick={() => (span ? onShow(span) : navigate({ screen: 'entity', entityId: event.id }))}
              >
                {event.name}
              </button>
              <div className="event-facts muted">
                {event.participants.map((p) => p.name).join(', ')}
                {event.place && ` · ${event.place}`}
                {others > 0 && ` · also in ${others} other source${others === 1 ? '' : 's'}`}
              </div>
              <button
                type="button"
                className="button button-small button-quiet"
                onClick={() => navigate({ screen: 'entity', entityId: event.id })}
              >
                Page →
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
