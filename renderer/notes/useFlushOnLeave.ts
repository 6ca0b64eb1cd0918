/**
 * Saves the open note when the page goes away or into the background, with requests that outlive the
 * page, and asks the browser to confirm leaving while anything is still unsaved.
 */
import { useEffect } from 'react';
import type { NoteSaveController } from './saveController';

export function useFlushOnLeave(getController: () => NoteSaveController | null): void {
  useEffect(() => {
    const flush = (): void => {
      void getController()?.flush({ keepalive: true });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      const controller = getController();
      if (!controller?.hasUnsavedChanges()) return;
      flush();
      // Shows the browser's "Leave site?" prompt; the save started above may finish meanwhile.
      event.preventDefault();
      event.returnValue = '';
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [getController]);
}
