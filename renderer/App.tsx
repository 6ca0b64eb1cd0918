/**
 * The app shell: checks the notebook can be opened (getAppInfo) before anything else, then shows the
 * sidebar and the chosen screen. A failure of that first call fills the window with its message.
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import type { AppInfo } from '../shared/model';
import { api } from './api';
import { NotesView } from './notes/NotesView';
import { TrashView } from './notes/TrashView';
import { ComingSoon } from './shell/ComingSoon';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { FatalError } from './shell/FatalError';
import { SECTIONS, type SectionId } from './shell/sections';
import { Sidebar } from './shell/Sidebar';

type Startup = { state: 'loading' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; error: Error };

export function App(): JSX.Element {
  const [startup, setStartup] = useState<Startup>({ state: 'loading' });
  const [section, setSection] = useState<SectionId>('notes');

  const start = useCallback(() => {
    api.getAppInfo().then(
      (info) => setStartup({ state: 'ready', info }),
      (error: Error) => setStartup({ state: 'failed', error }),
    );
  }, []);
  useEffect(start, [start]);

  if (startup.state === 'loading') {
    return <div className="startup muted">Opening your notebook…</div>;
  }
  if (startup.state === 'failed') {
    return (
      <FatalError
        error={startup.error}
        onRetry={() => {
          setStartup({ state: 'loading' });
          start();
        }}
      />
    );
  }

  const planned = SECTIONS.find((s) => s.id === section && s.comingSoon);
  return (
    <div className="app">
      <Sidebar current={section} onSelect={setSection} appInfo={startup.info} />
      <ErrorBoundary fallback={(error, retry) => <FatalError error={error} onRetry={retry} />}>
        {/* Notes stays mounted so switching screens never drops an open note's unsaved text. */}
        <NotesView active={section === 'notes'} />
        {section === 'trash' && <TrashView />}
        {planned?.comingSoon && <ComingSoon title={planned.label} what={planned.comingSoon} />}
      </ErrorBoundary>
    </div>
  );
}
