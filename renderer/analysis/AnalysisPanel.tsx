/**
 * The side panel beside the reader: what the extractor found in the open source (quotes by speaker,
 * people/places/orgs, events) with the user's review of each, and marks made by hand from the reader's
 * selection. It talks to the article only through the ReaderHandle: highlights, focus, selection.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { QuoteView, SpanRange } from '../../shared/areas/analysis';
import type { SourceId } from '../../shared/model';
import { api } from '../api';
import type { ReaderHandle } from '../reader/readerHandle';
import { analysisHighlights, groupQuotesBySpeaker, panelQuoteOrder, parseHighlightId } from './analysisView';
import { ConfirmAboveBar } from './ConfirmAboveBar';
import { DEFAULT_CONFIRM_THRESHOLD, percent, quotesToConfirm } from './confirmAbove';
import { EventList } from './EventList';
import { FoundEntities } from './FoundEntities';
import { QuoteGroups } from './QuoteGroups';
import { QuoteItem } from './QuoteItem';
import { SelectionActions } from './SelectionActions';
import { UndoToast } from './UndoToast';
import { useQuoteKeys } from './useQuoteKeys';
import { useReviewActions } from './useReviewActions';
import { useSourceAnalysis } from './useSourceAnalysis';
import { useUndoToast } from './useUndoToast';
import './analysis.css';

export interface AnalysisPanelProps {
  sourceId: SourceId;
  reader: ReaderHandle | null;
  plainText: string;
}

export function AnalysisPanel({ sourceId, reader, plainText }: AnalysisPanelProps): JSX.Element {
  const state = useSourceAnalysis(sourceId);
  const { analysis, error: loadError, reload } = state;
  const [error, setError] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [showRejected, setShowRejected] = useState(false);
  const [selection, setSelection] = useState<SpanRange | null>(null);
  const [reextracting, setReextracting] = useState(false);
  const [threshold, setThreshold] = useState(DEFAULT_CONFIRM_THRESHOLD);
  const [confirming, setConfirming] = useState(false);
  const root = useRef<HTMLElement>(null);
  const undo = useUndoToast(reload);
  const actions = useReviewActions(state, undo.show, setError);

  // Rejected quotes leave the list (the Undo toast brings one back) unless the user asks to see them.
  // Quotation marks the extractor set apart as titles or terms are listed on their own, below.
  const visible = useMemo(
    () => (analysis?.quotes ?? []).filter((q) => showRejected || q.status !== 'rejected'),
    [analysis, showRejected],
  );
  const groups = useMemo(() => groupQuotesBySpeaker(visible.filter((q) => q.kind !== 'scare')), [visible]);
  const notQuotes = useMemo(() => visible.filter((q) => q.kind === 'scare'), [visible]);
  const ordered = useMemo(() => [...panelQuoteOrder(groups), ...notQuotes], [groups, notQuotes]);
  const toConfirm = useMemo(() => quotesToConfirm(analysis?.quotes ?? [], threshold), [analysis, threshold]);
  const confirmAbove = useCallback(async () => {
    if (confirming || toConfirm.length === 0) return;
    setConfirming(true);
    try {
      await actions.confirmQuotes(toConfirm, `at or above ${percent(threshold)}`);
    } finally {
      setConfirming(false);
    }
  }, [actions, confirming, toConfirm, threshold]);

  useEffect(() => {
    if (reader && analysis) reader.setHighlights(analysisHighlights(analysis, !showRejected));
  }, [reader, analysis, showRejected]);

  useEffect(() => {
    if (!reader) return;
    const offSelection = reader.onSelectionChange(setSelection);
    const offClick = reader.onHighlightClick((ids) => {
      const quote = ids.map(parseHighlightId).find((target) => target?.type === 'quote');
      if (quote) setFocusedId(quote.id);
    });
    return () => {
      offSelection();
      offClick();
    };
  }, [reader]);

  // Keep the focused quote visible in the panel, whether j/k or a click in the article moved it.
  useEffect(() => {
    if (!focusedId) return;
    const items = root.current?.querySelectorAll<HTMLElement>('[data-quote-id]') ?? [];
    const item = [...items].find((element) => element.dataset.quoteId === focusedId);
    item?.scrollIntoView({ block: 'nearest' });
  }, [focusedId]);

  const focusQuote = useCallback(
    (quote: QuoteView) => {
      setFocusedId(quote.id);
      reader?.focusSpan({ start: quote.start, end: quote.end });
    },
    [reader],
  );
  const onKey = useQuoteKeys({
    quotes: ordered,
    focusedId,
    picked,
    onFocus: focusQuote,
    onPick: setPicked,
    onReview: (quotes, status) => {
      for (const quote of quotes) void actions.reviewQuote(quote, status);
    },
    onConfirmAbove: () => void confirmAbove(),
  });
  // The keys work wherever the focus is on the reader screen: the panel, the page, the article frame.
  useEffect(() => {
    const onWindowKey = (event: KeyboardEvent): void => {
      if (!event.defaultPrevented) onKey(event);
    };
    window.addEventListener('keydown', onWindowKey);
    const offFrame = reader?.onKeyDown(onKey);
    return () => {
      window.removeEventListener('keydown', onWindowKey);
      offFrame?.();
    };
  }, [onKey, reader]);

  async function reextract(): Promise<void> {
    setReextracting(true);
    try {
      const counts = await api.reextractSource(sourceId);
      undo.show({
        message: `Found ${counts.quotes} quotes, ${counts.entities} names, ${counts.events} events`,
      });
      reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setReextracting(false);
    }
  }

  const liveQuotes =
    analysis?.quotes.filter((q) => q.status !== 'rejected' && q.kind !== 'scare').length ?? 0;
  return (
    <aside className="analysis-panel" data-testid="analysis-panel" ref={root} tabIndex={-1}>
      <header className="analysis-panel-header">
        <h2>Found in this article</h2>
        <button
          type="button"
          className="button button-small"
          data-testid="reextract-source"
          disabled={reextracting}
          onClick={() => void reextract()}
        >
          {reextracting ? 'Extracting…' : 'Re-extract'}
        </button>
      </header>
      {(error ?? loadError) && (
        <div className="banner banner-error panel-error" role="alert">
          <p>{error ?? loadError}</p>
          {error && (
            <button type="button" className="button button-small" onClick={() => setError(null)}>
              Dismiss
            </button>
          )}
        </div>
      )}
      <SelectionActions
        sourceId={sourceId}
        selection={selection}
        plainText={plainText}
        onAdded={(message) => {
          undo.show({ message });
          reload();
        }}
        onError={setError}
      />
      {!analysis && !loadError && <p className="muted panel-empty">Reading the analysis…</p>}
      {analysis && (
        <div className="analysis-panel-body">
          <section className="panel-section" data-testid="panel-quotes">
            <h3>
              Quotes <span className="count">{liveQuotes}</span>
              <label className="panel-toggle">
                <input
                  type="checkbox"
                  data-testid="show-rejected"
                  checked={showRejected}
                  onChange={(e) => setShowRejected(e.target.checked)}
                />
                Show rejected
              </label>
            </h3>
            <p className="panel-hint muted" data-testid="review-keys-hint">
              {picked.size > 0
                ? `${picked.size} selected · c: confirm them · r: reject them · Esc: clear`
                : 'j/k: next/previous · x or Shift+j/k: select · c: confirm · r: reject · Shift+C: confirm all at or above'}
            </p>
            <ConfirmAboveBar
              threshold={threshold}
              onThreshold={setThreshold}
              count={toConfirm.length}
              busy={confirming}
              onConfirm={() => void confirmAbove()}
            />
            <QuoteGroups
              groups={groups}
              focusedId={focusedId}
              picked={picked}
              onSelect={focusQuote}
              onReview={(quote, status) => void actions.reviewQuote(quote, status)}
              onReassign={(quote, picked) => void actions.reassignSpeaker(quote, picked)}
              plainText={plainText}
            />
            {notQuotes.length > 0 && (
              <details className="not-quotes" data-testid="not-quotes">
                <summary>
                  Titles, terms and scare quotes <span className="count">{notQuotes.length}</span>
                </summary>
                <ul className="quote-list">
                  {notQuotes.map((quote) => (
                    <QuoteItem
                      key={quote.id}
                      quote={quote}
                      focused={quote.id === focusedId}
                      onSelect={() => focusQuote(quote)}
                      onReview={(status) => void actions.reviewQuote(quote, status)}
                      onReassign={(picked) => void actions.reassignSpeaker(quote, picked)}
                    />
                  ))}
                </ul>
              </details>
            )}
          </section>
          <FoundEntities
            analysis={analysis}
            actions={actions}
            onShow={(found) => {
              const first = found.mentions.find((m) => m.status !== 'rejected') ?? found.mentions[0];
              if (first) reader?.focusSpan(first);
            }}
          />
          <EventList
            events={analysis.events}
            sourceId={analysis.sourceId}
            onShow={(span) => reader?.focusSpan(span)}
          />
        </div>
      )}
      <UndoToast state={undo} />
    </aside>
  );
}
