/**
 * Progress of a bulk import (n of N, the current file, Cancel), the duplicate question, and the
 * per-file results when it is done.
 */
import type { JSX } from 'react';
import type { DuplicatePolicy } from '../../shared/areas/library';
import type { ImportProgress } from './importQueue';

/** A duplicate waiting for the user's answer. */
export interface DuplicateQuestion {
  title: string;
  file: string;
  answer: (choice: DuplicatePolicy | 'skip', forAll: boolean) => void;
}

export interface ImportPanelProps {
  progress: ImportProgress;
  question: DuplicateQuestion | null;
  onCancel: () => void;
  onClose: () => void;
}

export function ImportPanel({ progress, question, onCancel, onClose }: ImportPanelProps): JSX.Element {
  const failed = progress.outcomes.filter((o) => o.status === 'failed');
  const stored = progress.outcomes.filter((o) => o.status === 'created' || o.status === 'updated').length;
  const skipped = progress.outcomes.filter((o) => o.status === 'skipped').length;
  return (
    <section className="import-panel" data-testid="import-panel" aria-live="polite">
      <div className="import-head">
        <progress max={progress.total} value={progress.done} data-testid="import-progress" />
        <span data-testid="import-count">
          {progress.done} of {progress.total}
        </span>
        {!progress.finished ? (
          <button type="button" className="button" data-testid="import-cancel" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      {progress.current && <p className="muted import-current">Importing {progress.current}…</p>}
      {question && (
        <div className="import-question" data-testid="duplicate-question">
          <p>
            <strong>{question.file}</strong> is already in your library as “{question.title}”.
          </p>
          <div className="import-actions">
            <button type="button" className="button" onClick={() => question.answer('update', false)}>
              Update the stored copy
            </button>
            <button type="button" className="button" onClick={() => question.answer('keep-both', false)}>
              Keep both
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => question.answer('skip', false)}
            >
              Skip
            </button>
            {progress.total - progress.done > 1 && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => question.answer('skip', true)}
              >
                Skip all duplicates
              </button>
            )}
          </div>
        </div>
      )}
      {progress.finished && (
        <p data-testid="import-summary">
          {progress.cancelled ? 'Cancelled. ' : ''}
          {stored} stored{skipped > 0 ? `, ${skipped} skipped` : ''}
          {failed.length > 0 ? `, ${failed.length} could not be imported:` : '.'}
        </p>
      )}
      {failed.length > 0 && (
        <ul className="import-errors" data-testid="import-errors">
          {failed.map((o, i) => (
            <li key={i}>
              <strong>{o.item.path || o.item.file.name}</strong>: {o.status === 'failed' ? o.message : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
