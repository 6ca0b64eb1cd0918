/**
 * Whether the notebook is open read-only, for every screen that edits: the reason (shown in the
 * banner) or null when the notebook can be written. Set once by StartupGate from getStartupState.
 */
import { createContext, useContext } from 'react';

/** The read-only reason, or null. */
export const ReadOnlyContext = createContext<string | null>(null);

/** The reason the notebook is read-only, or null when it can be edited. */
export function useReadOnly(): string | null {
  return useContext(ReadOnlyContext);
}
