/**
 * A full-pane message for when the notebook cannot be reached at all (the host is gone, the page lacks
 * its token) or a screen failed: what happened, in the notebook's own words, and a way to try again.
 * A notebook that is damaged or too new gets DamagedNotebookScreen instead, with its ways out.
 */
import type { JSX } from 'react';
import { ApiError, type ErrorCode } from '../../shared/errors';

const HEADLINES: Partial<Record<ErrorCode, string>> = {
  DB_TOO_NEW: 'This notebook needs a newer Dossier',
  DB_CORRUPT: 'The notebook file cannot be read',
  DB_READONLY: 'The notebook cannot be written',
  READ_ONLY: 'The notebook is open read-only',
  DISK_FULL: 'The disk is full',
  UNAVAILABLE: 'The notebook is not reachable',
  UNAUTHORIZED: 'This page is not allowed to open the notebook',
};

export interface FatalErrorProps {
  error: Error;
  onRetry?(): void;
}

export function FatalError({ error, onRetry }: FatalErrorProps): JSX.Element {
  const code = error instanceof ApiError ? error.code : undefined;
  const headline = (code && HEADLINES[code]) ?? 'Dossier could not open your notebook';
  return (
    <div className="fatal" role="alert" data-testid="fatal-error" data-code={code}>
      <div className="fatal-card">
        <h1>{headline}</h1>
        <p className="fatal-message">{error.message}</p>
        {code && <p className="muted">Error code: {code}</p>}
        {onRetry && (
          <button type="button" className="button button-primary" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
