/**
 * A quote on an entity page: the words, who said them, the source and its date. Clicking the words opens
 * the reader at the exact span, highlighted. Reject takes it off the page (the page offers Undo).
 */
import type { JSX } from 'react';
import type { QuoteView } from '../../shared/areas/analysis';
import { CiteButton } from '../citations/CiteButton';
import { useNavigate } from '../shell/navigation';
import { formatDay } from './dates';

export interface QuoteCardProps {
  quote: QuoteView;
  /** Hide the speaker line (on the speaker's own page). */
  hideSpeaker?: boolean;
  onReject?: () => void;
}

export function QuoteCard({ quote, hideSpeaker = false, onReject }: QuoteCardProps): JSX.Element {
  const navigate = useNavigate();
  const { source } = quote;
  return (
    <li className={`quote-card status-${quote.status}`} data-testid="entity-quote" data-quote-id={quote.id}>
      <button
        type="button"
        className="quote-card-text"
        data-testid="entity-quote-open"
        title="Open the article at this quote"
        onClick={() =>
          navigate({
            screen: 'reader',
            sourceId: source.id,
            highlight: { start: quote.start, end: quote.end },
          })
        }
      >
        “{quote.text}”
      </button>
      <div className="quote-card-meta muted">
        {!hideSpeaker &&
          (quote.speaker ? (
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ screen: 'entity', entityId: quote.speaker!.id })}
            >
              {quote.speaker.name}
            </button>
          ) : (
            <span>Speaker unknown</span>
          ))}
        {!hideSpeaker && <span aria-hidden="true">·</span>}
        <span className="quote-card-source">{source.title}</span>
        {source.siteName && <span>{source.siteName}</span>}
        {source.publishedAt && <span>{formatDay(source.publishedAt)}</span>}
        {quote.status === 'confirmed' && <span className="review-badge confirmed">confirmed</span>}
        <CiteButton target={{ quoteId: quote.id }} label="Copy citation" small />
        {onReject && (
          <button
            type="button"
            className="button button-small button-quiet quote-card-reject"
            data-testid="entity-quote-reject"
            onClick={onReject}
          >
            Reject
          </button>
        )}
      </div>
    </li>
  );
}
