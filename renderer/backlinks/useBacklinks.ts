/**
 * The backlinks of one note or source, kept current: loaded when the target changes or the panel is
 * shown again, when another note is stored here (a save may add or drop a link), and when the window or
 * tab regains focus (another tab or window may have saved a note meanwhile).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Backlink, BacklinkTarget } from '../../shared/areas/notes';
import { api } from '../api';
import { onNoteStored } from './noteSaved';

/** How long to wait after a note is stored before asking again: autosaves come in bursts. */
export const REFRESH_DELAY_MS = 250;

export interface BacklinksState {
  /** null until the first answer. */
  backlinks: Backlink[] | null;
  /** What went wrong with the last load (the previous list, if any, is kept). */
  error: string | null;
  reload(): void;
}

export function useBacklinks(target: BacklinkTarget, active = true): BacklinksState {
  const { kind, id } = target;
  const key = `${kind}:${id}`;
  // Answers are kept with the target they are for: a different target shows "loading", never the
  // previous target's list.
  const [loaded, setLoaded] = useState<{ key: string; backlinks: Backlink[] | null; error: string | null }>({
    key,
    backlinks: null,
    error: null,
  });
  // Only the answer to the latest request is shown: an older one may arrive after a newer one.
  const latest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latest.current;
    const forKey = `${kind}:${id}`;
    api.getBacklinks({ kind, id }).then(
      (found) => {
        if (request === latest.current) setLoaded({ key: forKey, backlinks: found, error: null });
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        const error = failure instanceof Error ? failure.message : String(failure);
        // The previous list of the same target stays on screen under the error.
        setLoaded((previous) => ({
          key: forKey,
          backlinks: previous.key === forKey ? previous.backlinks : null,
          error,
        }));
      },
    );
  }, [kind, id]);

  useEffect(() => {
    if (!active) return;
    // The panel sits below the text: its first answer waits until the page is idle, so opening a note
    // (or the window's start) puts the editor first.
    const first =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(reload, { timeout: 1_000 })
        : setTimeout(reload, 0);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = (stored: string): void => {
      // A note's own autosaves do not change what links to it (a link to itself shows on the next
      // focus or visit), so writing in a note does not reload its panel after every save.
      if (kind === 'note' && stored === id) return;
      clearTimeout(timer);
      timer = setTimeout(reload, REFRESH_DELAY_MS);
    };
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') reload();
    };
    const unsubscribe = onNoteStored(soon);
    window.addEventListener('focus', reload);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      if (typeof requestIdleCallback === 'function') cancelIdleCallback(first as number);
      else clearTimeout(first);
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('focus', reload);
      document.removeEventListener('visibilitychange', onVisible);
      // An answer arriving after the panel was hidden or retargeted is dropped.
      latest.current += 1;
    };
  }, [active, reload, kind, id]);

  const current = loaded.key === key;
  return { backlinks: current ? loaded.backlinks : null, error: current ? loaded.error : null, reload };
}
