/**
 * The open note's save state in words. Its text and `data-state` are what tests and users rely on, so
 * it says "Saved" only after the notebook confirmed the write.
 */
import type { JSX } from 'react';
import type { SaveStatus } from './saveController';

/** The words for each state; exported for tests and tooltips. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.state) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'dirty':
      return 'Unsaved changes';
    case 'error':
      return `Save failed: ${status.message} — your text is kept here; retrying`;
    case 'conflict':
      return 'Changed elsewhere — choose a version';
  }
}

export function SaveStatusIndicator({ status }: { status: SaveStatus }): JSX.Element {
  return (
    <span
      className={`save-status save-status-${status.state}`}
      data-testid="save-status"
      data-state={status.state}
      role="status"
      aria-live="polite"
    >
      {saveStatusText(status)}
    </span>
  );
}
