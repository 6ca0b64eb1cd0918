/**
 * Loads what was found in one source and keeps it current: a review answer replaces its quote or
 * mention in place (no reload, no flicker), while changes that ripple (merge, rename, new marks,
 * re-extraction) reload the whole analysis.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MentionView, QuoteView, SourceAnalysis } from '../../shared/areas/analysis';
import type { SourceId } from '../../shared/model';
import { api } from '../api';

export interface SourceAnalysisState {
  analysis: SourceAnalysis | null;
  error: string | null;
  reload: () => void;
  replaceQuote: (quote: QuoteView) => void;
  replaceMention: (mention: MentionView) => void;
}

export function useSourceAnalysis(sourceId: SourceId): SourceAnalysisState {
  const [analysis, setAnalysis] = useState<SourceAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    api.getSourceAnalysis(sourceId).then(
      (result) => {
        if (!live) return;
        setAnalysis(result);
        setError(null);
      },
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [sourceId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const replaceQuote = useCallback((quote: QuoteView) => {
    setAnalysis(
      (current) =>
        current && { ...current, quotes: current.quotes.map((q) => (q.id === quote.id ? quote : q)) },
    );
  }, []);

  const replaceMention = useCallback((mention: MentionView) => {
    setAnalysis(
      (current) =>
        current && { ...current, mentions: current.mentions.map((m) => (m.id === mention.id ? mention : m)) },
    );
  }, []);

  return {
    analysis: sourceId === analysis?.sourceId ? analysis : null,
    error,
    reload,
    replaceQuote,
    replaceMention,
  };
}
