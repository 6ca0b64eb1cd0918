/** The toast of {@link useUndoToast}: what was done, an Undo button, and a close button. */
import type { JSX } from 'react';
import type { UndoToastState } from './useUndoToast';

export interface UndoToastProps {
  state: UndoToastState;
  /** Pinned to the window's corner (full screens) rather than the bottom of a panel. */
  floating?: boolean;
}

export function UndoToast({ state, floating = false }: UndoToastProps): JSX.Element | null {
  const { offer, runUndo, dismiss, error } = state;
  if (!offer) return null;
  return (
    <div
      className={`undo-toast${floating ? ' undo-toast-floating' : ''}`}
      role="status"
      data-testid="undo-toast"
    >
      <span className="undo-toast-message">{error ?? offer.message}</span>
      {offer.undo && (
        <button
          type="button"
          className="button undo-toast-undo"
          data-testid="undo-button"
          onClick={() => void runUndo()}
        >
          Undo
        </button>
      )}
      <button type="button" className="button button-quiet" aria-label="Close" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
