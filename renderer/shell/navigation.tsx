/**
 * Where the user is: one Route for the whole app, and `useNavigate()` for any screen to go elsewhere
 * (a quote opens the reader at its span, a search hit opens its note or source, a name opens its page).
 */
import { createContext, useContext } from 'react';
import type { EntityId, EntityKind, NoteId, SourceId } from '../../shared/model';
import type { SectionId } from './sections';

/** A span of a source's plain text to scroll to and highlight, in JavaScript string offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Every screen the app can show, with what it shows. */
export type Route =
  /** `start`: begin clipping at once (the welcome screen's buttons): the file picker or a dialog. */
  | { screen: 'library'; start?: 'import' | 'paste' | 'url' }
  | { screen: 'reader'; sourceId: SourceId; highlight?: TextSpan }
  | { screen: 'notes'; noteId?: NoteId }
  | { screen: 'people' }
  | { screen: 'events' }
  /** `kind` when the link knows it (else the page adds it once loaded): it picks the sidebar entry. */
  | { screen: 'entity'; entityId: EntityId; kind?: EntityKind }
  | { screen: 'timeline' }
  | { screen: 'search'; query?: string }
  | { screen: 'settings' }
  | { screen: 'trash' }
  /** The first screen of an empty notebook: how to clip the first article. */
  | { screen: 'welcome' };

/** The sidebar entry a route belongs to. */
export function sectionOf(route: Route): SectionId {
  switch (route.screen) {
    case 'reader':
      return 'library';
    case 'entity':
      return route.kind === 'event' ? 'events' : 'people';
    case 'welcome':
      return 'library';
    default:
      return route.screen;
  }
}

/** The route a sidebar entry opens. */
export function routeOf(section: SectionId): Route {
  return { screen: section } as Route;
}

/**
 * Goes to `route`. A new place gets its own history entry (Back returns); `replace` (or a route that
 * only adds detail to the current place, such as an entity page learning its kind) replaces it.
 */
export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

/** True when `next` shows the same thing as `current` (same screen and record), perhaps in more detail. */
export function samePlace(current: Route, next: Route): boolean {
  if (current.screen !== next.screen) return false;
  if (current.screen === 'entity' && next.screen === 'entity') return current.entityId === next.entityId;
  if (current.screen === 'reader' && next.screen === 'reader') return current.sourceId === next.sourceId;
  return current.screen !== 'notes' && current.screen !== 'search';
}

export const NavigationContext = createContext<Navigate>(() => {
  throw new Error('useNavigate() outside the App');
});

/** The app's navigate function. */
export function useNavigate(): Navigate {
  return useContext(NavigationContext);
}
