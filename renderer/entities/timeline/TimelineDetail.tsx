/** The card under the timeline for the selected item: its date, words, who, and links to its sources. */
import type { JSX } from 'react';
import type { TimelineItem } from '../../../shared/areas/analysis';
import type { EntityId } from '../../../shared/model';
import { useNavigate } from '../../shell/navigation';
import { formatRange } from '../dates';

export function TimelineDetail({ item }: { item: TimelineItem }): JSX.Element {
  const navigate = useNavigate();
  const quote = item.quote;
  return (
    <article className="timeline-detail" data-testid="timeline-detail">
      <div className="event-row-date">{formatRange(item.start, item.end, item.precision)}</div>
      {item.kind === 'event' ? (
        <h2>
          <button
            type="button"
            className="link-button"
            data-testid="timeline-detail-open"
            onClick={() => navigate({ screen: 'entity', entityId: item.id as EntityId, kind: 'event' })}
          >
            {item.title}
          </button>
        </h2>
      ) : (
        <blockquote>
          <button
            type="button"
            className="link-button quote-card-text"
            data-testid="timeline-detail-open"
            onClick={() =>
              quote &&
              navigate({
                screen: 'reader',
                sourceId: quote.source.id,
                highlight: { start: quote.start, end: quote.end },
              })
            }
          >
            “{quote?.text ?? item.title}”
          </button>
        </blockquote>
      )}
      {item.entities.length > 0 && (
        <ul className="chip-list">
          {item.entities.map((entity) => (
            <li key={entity.id}>
              <button
                type="button"
                className={`entity-chip kind-${entity.kind}`}
                onClick={() => navigate({ screen: 'entity', entityId: entity.id })}
              >
                {entity.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {item.kind === 'event' && (
        <p className="muted" data-testid="timeline-detail-sources">
          Reported in {item.sources.length} source{item.sources.length === 1 ? '' : 's'}
        </p>
      )}
      <ul className="plain-list">
        {item.sources.map((source) => (
          <li key={source.id}>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                navigate({
                  screen: 'reader',
                  sourceId: source.id,
                  ...(quote && quote.source.id === source.id
                    ? { highlight: { start: quote.start, end: quote.end } }
                    : {}),
                })
              }
            >
              {source.title}
            </button>
            {source.siteName && <span className="muted"> · {source.siteName}</span>}
          </li>
        ))}
      </ul>
    </article>
  );
}
