/**
 * One action for the whole source: confirm every suggested quote whose confidence is at or above the
 * chosen level (Shift+C in the panel does the same). The count on the button says how many it will
 * confirm; the Undo toast puts each one back.
 */
import { useId, type JSX } from 'react';
import { CONFIRM_THRESHOLDS, percent } from './confirmAbove';

export interface ConfirmAboveBarProps {
  threshold: number;
  onThreshold: (threshold: number) => void;
  /** How many quotes the action would confirm at the current threshold. */
  count: number;
  busy: boolean;
  onConfirm: () => void;
}

export function ConfirmAboveBar({
  threshold,
  onThreshold,
  count,
  busy,
  onConfirm,
}: ConfirmAboveBarProps): JSX.Element {
  const selectId = useId();
  return (
    <div className="confirm-above" data-testid="confirm-above">
      <label htmlFor={selectId}>Confirm all at or above</label>
      <select
        id={selectId}
        data-testid="confirm-threshold"
        value={threshold}
        onChange={(event) => onThreshold(Number(event.target.value))}
      >
        {CONFIRM_THRESHOLDS.map((t) => (
          <option key={t} value={t}>
            {percent(t)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        data-testid="confirm-above-button"
        disabled={busy || count === 0}
        title="Confirm every suggested quote at or above this confidence (Shift+C)"
        onClick={onConfirm}
      >
        {count === 1 ? 'Confirm 1 quote' : `Confirm ${count} quotes`}
      </button>
    </div>
  );
}
