/**
 * The Quotes panel beside a note: quotes from every source in the library, searchable by their words,
 * each one dragged into the note where it should go or inserted at the caret with its button (the
 * keyboard way). Issue 5's "from a quote panel": the reader and its analysis panel are another screen,
 * so this is where a writer finds quotes without leaving the note.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, useState, type JSX } from 'react';
import type { QuoteView } from '../../../../shared/areas/analysis';
import { api } from '../../../api';
import { citationLine, QUOTE_MIME_TYPE } from '../../nodes/citation';
import { INSERT_QUOTE_COMMAND } from '../QuotePlugin';
import { quotePayloadOf } from '../QuotePlugin/quotes';
import './quotePanel.css';

const DEBOUNCE_MS = 150;
const LIMIT = 100;

type Listing =
  { state: 'loading' } | { state: 'ready'; quotes: QuoteView[] } | { state: 'failed'; message: string };

/** Quotes whose words match `query` (all quotes, newest source first, when it is empty). */
function useQuoteSearch(query: string): Listing {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      const q = query.trim();
      api.listQuotes(q === '' ? { limit: LIMIT } : { query: q, limit: LIMIT }).then(
        (quotes) => !cancelled && setListing({ state: 'ready', quotes }),
        (error: Error) => !cancelled && setListing({ state: 'failed', message: error.message }),
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);
  return listing;
}

function PanelQuote({ quote, onInsert }: { quote: QuoteView; onInsert(): void }): JSX.Element {
  const payload = quotePayloadOf(quote);
  const source =
    [payload.sourceTitle, payload.date].filter((part) => part !== '').join(', ') || 'Unknown source';
  return (
    <li
      className="note-quote-item"
      data-testid="note-panel-quote"
      data-quote-id={quote.id}
      draggable
      title="Drag into the note, or press Insert"
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'copy';
        event.dataTransfer.setData(QUOTE_MIME_TYPE, JSON.stringify(payload));
        // Other apps (and plain text fields) get the words with their citation.
        event.dataTransfer.setData('text/plain', `“${quote.text}” (${citationLine(payload)})`);
      }}
    >
      <blockquote className="note-quote-text">“{quote.text}”</blockquote>
      <div className="note-quote-footer">
        <span className="note-quote-cite">
          {payload.speaker && <span className="note-quote-speaker">{payload.speaker.name}</span>}
          <span className="note-quote-source">{source}</span>
        </span>
        <button
          type="button"
          className="button note-quote-insert"
          data-testid="note-panel-quote-insert"
          aria-label={`Insert the quote “${quote.text.slice(0, 60)}” at the caret`}
          // Keep the caret where it is in the note so the quote goes there.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onInsert}
        >
          Insert
        </button>
      </div>
    </li>
  );
}

export interface QuotePanelPluginProps {
  onClose(): void;
}

export function QuotePanelPlugin({ onClose }: QuotePanelPluginProps): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState('');
  const listing = useQuoteSearch(query);
  const search = useRef<HTMLInputElement>(null);
  // The search takes the focus once the panel is shown, also when `/quote` + Enter opened it: the
  // editor's menu hands the focus back to the text as it closes, after this panel mounted.
  useEffect(() => {
    const frame = requestAnimationFrame(() => search.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <aside className="note-quote-panel" aria-label="Quotes" data-testid="note-quote-panel">
      <header className="note-quote-header">
        <h2>Quotes</h2>
        <button
          type="button"
          className="tool"
          aria-label="Close the quotes panel"
          title="Close"
          data-testid="close-quote-panel"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <input
        ref={search}
        type="search"
        className="note-quote-search"
        data-testid="note-quote-search"
        aria-label="Search quotes"
        placeholder="Search quotes…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      />
      <p className="note-quote-hint muted">Drag a quote into the note, or Insert it at the caret.</p>
      {listing.state === 'loading' && <p className="muted note-quote-status">Loading quotes…</p>}
      {listing.state === 'failed' && (
        <p className="note-quote-status note-quote-error" role="alert">
          Quotes could not be loaded: {listing.message}
        </p>
      )}
      {listing.state === 'ready' && listing.quotes.length === 0 && (
        <p className="muted note-quote-status" data-testid="note-quote-empty">
          {query.trim() === ''
            ? 'No quotes yet. Clip or import an article and its quotes appear here.'
            : `No quote contains “${query.trim()}”.`}
        </p>
      )}
      {listing.state === 'ready' && listing.quotes.length > 0 && (
        <ul className="note-quote-list">
          {listing.quotes.map((quote) => (
            <PanelQuote
              key={quote.id}
              quote={quote}
              onInsert={() => {
                editor.dispatchCommand(INSERT_QUOTE_COMMAND, quotePayloadOf(quote));
                editor.focus();
              }}
            />
          ))}
        </ul>
      )}
    </aside>
  );
}
