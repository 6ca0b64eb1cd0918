/**
 * A person's quotes grouped by the event each one is about (the event its paragraph tells of), events
 * in the order of their first quote, quotes about no event last.
 */
import type { JSX } from 'react';
import type { QuoteView } from '../../shared/areas/analysis';
import type { EntityId } from '../../shared/model';
import { useNavigate } from '../shell/navigation';
import { QuoteCard } from './QuoteCard';

export interface QuotesByEventProps {
  quotes: QuoteView[];
  /** The page's person: their name is not repeated on each card. */
  speakerId: EntityId;
  onReject: (quote: QuoteView) => void;
}

export function QuotesByEvent({ quotes, speakerId, onReject }: QuotesByEventProps): JSX.Element {
  const navigate = useNavigate();
  const groups = new Map<string, { event: QuoteView['event']; quotes: QuoteView[] }>();
  for (const quote of quotes) {
    const key = quote.event?.id ?? '';
    const group = groups.get(key) ?? { event: quote.event ?? null, quotes: [] };
    group.quotes.push(quote);
    groups.set(key, group);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
  return (
    <div className="quote-groups" data-testid="quotes-by-event">
      {ordered.map(([key, group]) => (
        <section key={key || 'none'} className="quote-group" data-testid="quote-event-group">
          <h3>
            {group.event ? (
              <button
                type="button"
                className="link-button"
                onClick={() => navigate({ screen: 'entity', entityId: group.event!.id, kind: 'event' })}
              >
                {group.event.name}
              </button>
            ) : (
              <span className="muted">About no event found</span>
            )}{' '}
            <span className="count">{group.quotes.length}</span>
          </h3>
          <ul className="quote-cards">
            {group.quotes.map((quote) => (
              <QuoteCard
                key={quote.id}
                quote={quote}
                hideSpeaker={quote.speaker?.id === speakerId}
                onReject={() => onReject(quote)}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
