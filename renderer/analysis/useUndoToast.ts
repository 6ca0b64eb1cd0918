/**
 * One "done — Undo" toast at a time for the review actions. The undo is the reverse API call, captured
 * when the action is taken (e.g. the quote's previous status and speaker), so it works even after the
 * panel reloaded. The toast leaves on its own after a while; a newer action replaces it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** What the toast shows. */
export interface UndoOffer {
  message: string;
  /** The reverse call; absent when the action cannot be undone from here. */
  undo?: () => Promise<unknown>;
}

/** How long a toast stays, long enough to read and reach for the button. */
const TOAST_MS = 10_000;

export interface UndoToastState {
  offer: UndoOffer | null;
  /** Shows a toast for an action just done. */
  show: (offer: UndoOffer) => void;
  /** Runs the offered undo, then `after` (e.g. reload), and hides the toast. */
  runUndo: () => Promise<void>;
  dismiss: () => void;
  /** The undo's error, shown in the toast. */
  error: string | null;
}

export function useUndoToast(after: () => void): UndoToastState {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    setOffer(null);
    setError(null);
  }, []);

  const show = useCallback(
    (next: UndoOffer) => {
      clearTimeout(timer.current);
      setOffer(next);
      setError(null);
      timer.current = setTimeout(dismiss, TOAST_MS);
    },
    [dismiss],
  );

  const runUndo = useCallback(async () => {
    if (!offer?.undo) return;
    clearTimeout(timer.current);
    try {
      await offer.undo();
      dismiss();
      after();
    } catch (err) {
      setError(`Could not undo: ${(err as Error).message}`);
    }
  }, [offer, dismiss, after]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { offer, show, runUndo, dismiss, error };
}
