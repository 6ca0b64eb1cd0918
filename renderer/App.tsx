/**
 * The app shell: checks the notebook can be opened (getAppInfo) before anything else, then shows the
 * sidebar and the screen of the current route. A failure of that first call fills the window with its
 * message. Screens move the user with `useNavigate()` (shell/navigation.tsx).
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import type { AppInfo } from '../shared/model';
import { api } from './api';
import { EntityScreen } from './entities/EntityScreen';
import { EventsScreen } from './entities/EventsScreen';
import { PeopleScreen } from './entities/PeopleScreen';
import { TimelineScreen } from './entities/TimelineScreen';
import { LibraryScreen } from './library/LibraryScreen';
import { NotesView } from './notes/NotesView';
import { TrashView } from './notes/TrashView';
import { CommandPalette } from './search/CommandPalette';
import { SearchScreen } from './search/SearchScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { FatalError } from './shell/FatalError';
import { NavigationContext, routeOf, sectionOf, type Route } from './shell/navigation';
import { Sidebar } from './shell/Sidebar';

type Startup = { state: 'loading' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; error: Error };

function Screen({ route }: { route: Route }): JSX.Element | null {
  switch (route.screen) {
    case 'library':
    case 'reader':
      return <LibraryScreen route={route} />;
    case 'people':
      return <PeopleScreen route={route} />;
    case 'events':
      return <EventsScreen route={route} />;
    case 'entity':
      return <EntityScreen route={route} />;
    case 'timeline':
      return <TimelineScreen route={route} />;
    case 'search':
      return <SearchScreen route={route} />;
    case 'settings':
      return <SettingsScreen route={route} />;
    case 'trash':
      return <TrashView />;
    case 'notes':
      return null;
  }
}

export function App(): JSX.Element {
  const [startup, setStartup] = useState<Startup>({ state: 'loading' });
  const [route, setRoute] = useState<Route>({ screen: 'notes' });

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

  return (
    <NavigationContext.Provider value={setRoute}>
      <div className="app">
        <Sidebar
          current={sectionOf(route)}
          onSelect={(section) => setRoute(routeOf(section))}
          appInfo={startup.info}
        />
        <ErrorBoundary fallback={(error, retry) => <FatalError error={error} onRetry={retry} />}>
          {/* Notes stays mounted so switching screens never drops an open note's unsaved text. */}
          <NotesView
            active={route.screen === 'notes'}
            requestedNoteId={route.screen === 'notes' ? route.noteId : undefined}
          />
          <Screen route={route} />
        </ErrorBoundary>
        <CommandPalette />
      </div>
    </NavigationContext.Provider>
  );
}
