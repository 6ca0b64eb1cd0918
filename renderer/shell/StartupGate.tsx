/**
 * Asks the notebook how it opened (getStartupState) before the app is shown, and picks the screen: the
 * damaged-notebook screen when it could not be opened, otherwise the app, with a read-only banner when
 * it is read-only. A recovery action hands back the new state, and the app mounts without a reload.
 */
import { useCallback, useEffect, useState, type JSX, type ReactNode } from 'react';
import type { StartupState } from '../../shared/areas/startup';
import { api } from '../api';
import { discardPrefetched, takePrefetched } from '../startup-prefetch';
import { DamagedNotebookScreen } from './DamagedNotebookScreen';
import { FatalError } from './FatalError';
import { ReadOnlyContext } from './read-only';
import { KeptAsideNotice, ReadOnlyBanner } from './ReadOnlyBanner';
import './startup.css';

type Gate =
  { state: 'loading' } | { state: 'known'; startup: StartupState } | { state: 'failed'; error: Error };

export function StartupGate({ children }: { children: ReactNode }): JSX.Element {
  const [gate, setGate] = useState<Gate>({ state: 'loading' });

  const ask = useCallback(() => {
    takePrefetched('getStartupState', () => api.getStartupState()).then(
      (startup) => {
        // Answers fetched with it are only good for a notebook that opened as it is.
        if (startup.mode === 'problem') discardPrefetched();
        setGate({ state: 'known', startup });
      },
      (error: Error) => {
        discardPrefetched();
        setGate({ state: 'failed', error });
      },
    );
  }, []);
  useEffect(ask, [ask]);

  if (gate.state === 'loading') return <div className="startup muted">Opening your notebook…</div>;
  if (gate.state === 'failed') {
    return (
      <FatalError
        error={gate.error}
        onRetry={() => {
          setGate({ state: 'loading' });
          ask();
        }}
      />
    );
  }
  const { startup } = gate;
  if (startup.mode === 'problem') {
    return (
      <DamagedNotebookScreen
        state={startup}
        onRecovered={(next) => setGate({ state: 'known', startup: next })}
      />
    );
  }
  return (
    <ReadOnlyContext.Provider value={startup.readOnlyReason}>
      <div className="startup-frame" data-mode={startup.mode}>
        {startup.readOnlyReason !== null && <ReadOnlyBanner reason={startup.readOnlyReason} />}
        <KeptAsideNotice files={startup.keptAside} />
        <div className="startup-frame-body">{children}</div>
      </div>
    </ReadOnlyContext.Provider>
  );
}
