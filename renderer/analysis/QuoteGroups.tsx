/** The panel's quotes, grouped by speaker (most quoted first), each group headed by its speaker's name. */
import type { JSX } from 'react';
import type { QuoteView } from '../../shared/areas/analysis';
import type { ReviewStatus } from '../../shared/model';
import { useNavigate } from '../shell/navigation';
import type { SpeakerGroup } from './analysisView';
import type { PickedEntity } from './EntityPicker';
import { QuoteItem } from './QuoteItem';

export interface QuoteGroupsProps {
  groups: SpeakerGroup[];
  focusedId: string | null;
  /** Cards selected for c/r (x, Shift+j/k). */
  picked: ReadonlySet<string>;
  onSelect: (quote: QuoteView) => void;
  onReview: (quote: QuoteView, status: ReviewStatus) => void;
  onReassign: (quote: QuoteView, picked: PickedEntity) => void;
  /** The source's text, for the words that name a speaker no person is linked to. */
  plainText?: string;
}

/** Longest stretch of the source shown as the words naming an unlinked speaker. */
const NAMED_AS_CHARS = 80;

/** The words naming the quote's speaker when no person is linked to it, or null. */
export function namedAs(quote: QuoteView, plainText: string): string | null {
  const span = quote.speakerSpan;
  if (quote.speaker !== null || span === null || span.end > plainText.length || span.end <= span.start)
    return null;
  const words = plainText.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  if (words === '') return null;
  return words.length <= NAMED_AS_CHARS ? words : `${words.slice(0, NAMED_AS_CHARS - 1).trimEnd()}…`;
}

export function QuoteGroups({
  groups,
  focusedId,
  picked,
  onSelect,
  onReview,
  onReassign,
  plainText = '',
}: QuoteGroupsProps): JSX.Element {
  const navigate = useNavigate();
  if (groups.length === 0) return <p className="muted panel-empty">No quotes found in this source.</p>;
  return (
    <div className="quote-groups">
      {groups.map((group) => {
        const live = group.quotes.filter((q) => q.status !== 'rejected').length;
        return (
          <section key={group.speaker?.id ?? 'unknown'} className="quote-group" data-testid="quote-group">
            <h4 className="quote-group-speaker">
              {group.speaker ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate({ screen: 'entity', entityId: group.speaker!.id })}
                >
                  {group.speaker.name}
                </button>
              ) : (
                <span className="muted">Speaker unknown</span>
              )}
              <span className="count">{live}</span>
            </h4>
            <ul className="quote-list">
              {group.quotes.map((quote) => (
                <QuoteItem
                  key={quote.id}
                  quote={quote}
                  focused={quote.id === focusedId}
                  picked={picked.has(quote.id)}
                  onSelect={() => onSelect(quote)}
                  onReview={(status) => onReview(quote, status)}
                  onReassign={(picked) => onReassign(quote, picked)}
                  namedAs={namedAs(quote, plainText)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
