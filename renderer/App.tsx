/**
 * The app shell: checks the notebook can be opened (getAppInfo) before anything else, then shows the
 * sidebar and the screen of the current route. A failure of that first call fills the window with its
 * message. Screens move the user with `useNavigate()` (shell/navigation.tsx).
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { AppInfo, NoteId } from '../shared/model';
import { api } from './api';
import { InteropProvider } from './interop/InteropProvider';
import { NotesView } from './notes/NotesView';
import { CommandPalette } from './search/CommandPalette';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { FatalError } from './shell/FatalError';
import {
  NavigationContext,
  routeOf,
  samePlace,
  sectionOf,
  type Navigate,
  type Route,
} from './shell/navigation';
import { routeFromHash, routeToHash } from './shell/routeUrl';
import { Sidebar } from './shell/Sidebar';
import { SkipAnchor, SkipLink } from './shell/SkipLink';
import { StartupGate } from './shell/StartupGate';
import { takePrefetched } from './startup-prefetch';

// Only the notes screen is in the first bundle: the others load when first opened, so the start to an
// editable note does not wait for the reader, the timeline or the settings code.
const EntityScreen = lazy(() => import('./entities/EntityScreen').then((m) => ({ default: m.EntityScreen })));
const EventsScreen = lazy(() => import('./entities/EventsScreen').then((m) => ({ default: m.EventsScreen })));
const PeopleScreen = lazy(() => import('./entities/PeopleScreen').then((m) => ({ default: m.PeopleScreen })));
const TimelineScreen = lazy(() =>
  import('./entities/TimelineScreen').then((m) => ({ default: m.TimelineScreen })),
);
const LibraryScreen = lazy(() =>
  import('./library/LibraryScreen').then((m) => ({ default: m.LibraryScreen })),
);
const TrashView = lazy(() => import('./notes/TrashView').then((m) => ({ default: m.TrashView })));
const SearchScreen = lazy(() => import('./search/SearchScreen').then((m) => ({ default: m.SearchScreen })));
const WelcomeScreen = lazy(() => import('./shell/WelcomeScreen').then((m) => ({ default: m.WelcomeScreen })));
const SettingsScreen = lazy(() =>
  import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);

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
    case 'welcome':
      return <WelcomeScreen />;
    case 'notes':
      return null;
  }
}

/**
 * The route and the address bar kept together: the fragment names the screen (shell/routeUrl.ts), so
 * a reload reopens it and Back/Forward move between screens. The notes screen also writes the open
 * note into the fragment (without a history entry), so a reload reopens that note.
 */
function useRoutedLocation(): {
  route: Route;
  navigate: Navigate;
  /** The route came from the address (a reload or a link), not the app's default. */
  fromAddress: boolean;
  noteShown: (id: NoteId) => void;
} {
  const [initial] = useState(() => routeFromHash(window.location.hash));
  const [route, setRoute] = useState<Route>(initial ?? { screen: 'notes' });
  useEffect(() => {
    const onPop = (): void => setRoute(routeFromHash(window.location.hash) ?? { screen: 'notes' });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback<Navigate>((next, options) => {
    const hash = routeToHash(next);
    const current = routeFromHash(window.location.hash);
    if (hash !== window.location.hash) {
      if (options?.replace === true || (current !== null && samePlace(current, next))) {
        window.history.replaceState(null, '', hash);
      } else {
        window.history.pushState(null, '', hash);
      }
    }
    setRoute(next);
  }, []);
  const noteShown = useCallback((id: NoteId) => {
    const hash = routeToHash({ screen: 'notes', noteId: id });
    const current = routeFromHash(window.location.hash);
    if (hash !== window.location.hash && (current === null || current.screen === 'notes')) {
      window.history.replaceState(null, '', hash);
    }
  }, []);
  return { route, navigate, fromAddress: initial !== null, noteShown };
}

/** The app once the notebook is open (normally or read-only): StartupGate decides that first. */
function NotebookApp(): JSX.Element {
  const [startup, setStartup] = useState<Startup>({ state: 'loading' });
  const { route, navigate: goTo, fromAddress, noteShown } = useRoutedLocation();
  // Set once the user goes anywhere: from then on the app never moves them by itself.
  const userMoved = useRef(false);
  const setRoute = useCallback<typeof goTo>(
    (next, options) => {
      userMoved.current = true;
      goTo(next, options);
    },
    [goTo],
  );
  // An empty notebook (no notes, no sources) opens on the welcome screen, unless the address named
  // another screen or the user has already gone somewhere (a click while the notebook was opening).
  // Decided once, when the notes list first answers empty.
  const onNoNotes = useCallback(() => {
    if (fromAddress || userMoved.current) return;
    api.listSources({ limit: 1 }).then(
      (list) => {
        if (list.total === 0 && !userMoved.current) goTo({ screen: 'welcome' });
      },
      () => undefined,
    );
  }, [fromAddress, goTo]);

  const start = useCallback(() => {
    takePrefetched('getAppInfo', () => api.getAppInfo()).then(
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
      <InteropProvider>
        <div className="app">
          <SkipLink />
          <Sidebar
            current={sectionOf(route)}
            onSelect={(section) => setRoute(routeOf(section))}
            appInfo={startup.info}
          />
          <SkipAnchor />
          <ErrorBoundary fallback={(error, retry) => <FatalError error={error} onRetry={retry} />}>
            {/* Notes stays mounted so switching screens never drops an open note's unsaved text. */}
            <NotesView
              active={route.screen === 'notes'}
              requestedNoteId={route.screen === 'notes' ? route.noteId : undefined}
              onNoteShown={noteShown}
              onEmptyAtStart={onNoNotes}
            />
            <Suspense
              fallback={
                <p className="screen-loading" role="status">
                  Loading…
                </p>
              }
            >
              <Screen route={route} />
            </Suspense>
          </ErrorBoundary>
          <CommandPalette />
        </div>
      </InteropProvider>
    </NavigationContext.Provider>
  );
}

/** The app: the start-up check (damaged-notebook screen, read-only banner), then the notebook. */
export function App(): JSX.Element {
  return (
    <StartupGate>
      <NotebookApp />
    </StartupGate>
  );
}
