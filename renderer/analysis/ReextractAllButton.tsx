/**
 * "Re-extract all sources": runs the extractor again over the library with a progress bar (n of N) and
 * a Cancel button, keeping the user's decisions (the core guarantees that). Reports failures by title.
 */
import { useEffect, useRef, useState, type JSX } from 'react';
import { api } from '../api';
import { reextractAll, type ReextractOutcome, type ReextractProgress } from './reextractAll';
import './analysis.css';

export interface ReextractAllButtonProps {
  /** After a run ends (done or cancelled), e.g. to reload a list. */
  onFinished?: (outcome: ReextractOutcome) => void;
}

export function ReextractAllButton({ onFinished }: ReextractAllButtonProps): JSX.Element {
  const [progress, setProgress] = useState<ReextractProgress | null>(null);
  const [outcome, setOutcome] = useState<ReextractOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the screen stops the run between two sources rather than leaving it orphaned.
  useEffect(() => () => controller.current?.abort(), []);

  async function run(): Promise<void> {
    const abort = new AbortController();
    controller.current = abort;
    setOutcome(null);
    setError(null);
    try {
      const result = await reextractAll(api, setProgress, abort.signal);
      setOutcome(result);
      onFinished?.(result);
    } catch (err) {
      setError(`Could not re-extract: ${(err as Error).message}`);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }

  if (progress) {
    return (
      <div className="progress-run" data-testid="reextract-progress" role="status">
        <progress max={Math.max(1, progress.total)} value={progress.done} />
        <span>
          {progress.done} of {progress.total}
          {progress.current && <span className="muted"> · {progress.current}</span>}
        </span>
        <button type="button" className="button button-small" onClick={() => controller.current?.abort()}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="progress-run">
      <button
        type="button"
        className="button"
        data-testid="reextract-all"
        onClick={() => void run()}
        title="Run the extractor again on every source; your confirmations, rejections and merges are kept"
      >
        Re-extract all sources
      </button>
      {outcome && (
        <span className="muted" data-testid="reextract-outcome">
          {outcome.cancelled ? 'Cancelled after' : 'Done:'} {outcome.done} of {outcome.total}
          {outcome.failed.length > 0 &&
            ` · ${outcome.failed.length} failed (${outcome.failed.map((f) => f.title).join(', ')})`}
        </span>
      )}
      {error && <span className="danger-text">{error}</span>}
    </div>
  );
}
