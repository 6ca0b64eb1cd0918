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
}

export function QuoteGroups({
  groups,
  focusedId,
  picked,
  onSelect,
  onReview,
  onReassign,
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
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
