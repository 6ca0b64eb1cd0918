/**
 * One quote in the panel: its words, cue and confidence, why the extractor chose its speaker (the
 * evidence, in plain words), and confirm / reject / reassign speaker. Clicking the quote shows it in
 * the reader.
 */
import { useState, type JSX } from 'react';
import type { QuoteView } from '../../shared/areas/analysis';
import type { ReviewStatus } from '../../shared/model';
import { citationLine, QUOTE_MIME_TYPE } from '../editor/nodes/citation';
import { quotePayloadOf, requestQuoteInsert } from '../editor/plugins/QuotePlugin/quotes';
import { useNavigate } from '../shell/navigation';
import { excerpt } from './analysisView';
import { EntityPicker, type PickedEntity } from './EntityPicker';
import { CiteButton } from '../citations/CiteButton';

export interface QuoteItemProps {
  quote: QuoteView;
  focused: boolean;
  /** Selected for the review keys (c/r act on every selected card). */
  picked?: boolean;
  onSelect: () => void;
  onReview: (status: ReviewStatus) => void;
  onReassign: (picked: PickedEntity) => void;
  /**
   * The words that name the speaker when no person is linked to the quote ("a spokesman for the
   * ministry", "one resident"): shown so an unknown speaker is not a blank.
   */
  namedAs?: string | null;
}

function describe(quote: QuoteView): string {
  const parts = [`Kind: ${quote.kind}`];
  if (quote.rule) parts.push(`Rule: ${quote.rule}`);
  else parts.push(quote.origin === 'user' ? 'Marked by hand' : 'No rule recorded');
  if (quote.cue) parts.push(`Cue: “${quote.cue}”`);
  return parts.join('\n');
}

/** The evidence line: the extractor's reasons, or who decided when the user did. */
function why(quote: QuoteView): string | null {
  if (quote.origin === 'user') return 'marked by you';
  if (quote.rule === 'user') return 'speaker chosen by you';
  return quote.evidence.length === 0 ? null : quote.evidence.join(' · ');
}

/** High, middling or low confidence, for the badge's colour. */
function confidenceClass(quote: QuoteView): string {
  if (quote.confidence >= 0.9) return 'confidence-high';
  return quote.confidence >= 0.7 ? 'confidence-mid' : 'confidence-low';
}

export function QuoteItem({
  quote,
  focused,
  picked = false,
  onSelect,
  onReview,
  onReassign,
  namedAs = null,
}: QuoteItemProps): JSX.Element {
  const [picking, setPicking] = useState(false);
  const navigate = useNavigate();
  const rejected = quote.status === 'rejected';
  return (
    <li
      className={`quote-item status-${quote.status}${focused ? ' is-focused' : ''}${picked ? ' is-picked' : ''}`}
      data-testid="panel-quote"
      data-quote-id={quote.id}
      data-status={quote.status}
      aria-current={focused ? 'true' : undefined}
      data-picked={picked ? 'true' : undefined}
    >
      <button
        type="button"
        className="quote-item-text"
        title={describe(quote)}
        onClick={onSelect}
        draggable
        onDragStart={(event) => {
          const payload = quotePayloadOf(quote);
          event.dataTransfer.effectAllowed = 'copy';
          event.dataTransfer.setData(QUOTE_MIME_TYPE, JSON.stringify(payload));
          // Outside Dossier (another app, a plain text field) the words travel with their citation.
          event.dataTransfer.setData('text/plain', `“${quote.text}” (${citationLine(payload)})`);
        }}
      >
        “{excerpt(quote.text)}”
      </button>
      {namedAs && (
        <p className="quote-named-as" data-testid="quote-named-as">
          <span className="quote-why-label">Named as:</span> “{namedAs}” (no person linked)
        </p>
      )}
      {why(quote) && (
        <p className="quote-why" data-testid="quote-why">
          <span className="quote-why-label">Why:</span> {why(quote)}
        </p>
      )}
      <div className="quote-item-footer">
        <div className="quote-item-meta">
          {quote.cue && <span className="quote-cue">{quote.cue}</span>}
          <span
            className={`quote-confidence ${confidenceClass(quote)}`}
            data-testid="quote-confidence"
            title={describe(quote)}
            aria-label={`Confidence ${Math.round(quote.confidence * 100)}%`}
          >
            {Math.round(quote.confidence * 100)}%
          </span>
          {quote.kind !== 'direct' && <span className="quote-kind">{quote.kind}</span>}
          {quote.status !== 'suggested' && (
            <span className={`review-badge ${quote.status}`}>{quote.status}</span>
          )}
        </div>
        <div className="quote-item-actions">
          <button
            type="button"
            className="button button-small"
            data-testid="quote-confirm"
            disabled={quote.status === 'confirmed'}
            onClick={() => onReview('confirmed')}
            title="Confirm (c)"
          >
            Confirm
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="quote-reject"
            onClick={() => onReview(rejected ? 'suggested' : 'rejected')}
            title={rejected ? 'Restore this quote' : 'Reject (r)'}
          >
            {rejected ? 'Restore' : 'Reject'}
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="quote-reassign"
            onClick={() => setPicking((p) => !p)}
          >
            Speaker…
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="quote-in-note"
            title="Insert this quote, with its source, into the open note"
            onClick={() => {
              // The open note's editor takes the quote at its caret (or the next editor that opens).
              requestQuoteInsert(quote);
              navigate({ screen: 'notes' });
            }}
          >
            Quote in note
          </button>
          <CiteButton target={{ quoteId: quote.id }} label="Copy citation" small />
        </div>
      </div>
      {picking && (
        <EntityPicker
          kinds={['person', 'org']}
          createKinds={['person']}
          exclude={quote.speaker ? [quote.speaker.id] : []}
          label="Who said it?"
          testId="speaker-picker"
          onPick={(picked) => {
            setPicking(false);
            onReassign(picked);
          }}
          onCancel={() => setPicking(false)}
        />
      )}
    </li>
  );
}
