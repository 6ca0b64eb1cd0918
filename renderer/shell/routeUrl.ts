/**
 * Routes as URL fragments (`#/source/<id>`, `#/entity/<id>?kind=person`, `#/search?q=site%3Avox.com`),
 * so a screen survives a reload, Back and Forward move between screens, and a note can link to a
 * reader, a person, an event or a search like to any web page. The same strings work in the browser
 * host and in the desktop app (whose app:// pages keep their fragment too).
 */
import type { EntityId, EntityKind, NoteId, SourceId } from '../../shared/model';
import type { Route } from './navigation';

const PLAIN_SCREENS = ['library', 'people', 'events', 'timeline', 'settings', 'trash', 'welcome'] as const;
const KINDS: readonly EntityKind[] = ['person', 'place', 'org', 'event', 'topic'];
// Ids are UUIDs; anything else in a link is refused rather than sent to the notebook.
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The fragment (with its `#`) that opens `route`. */
export function routeToHash(route: Route): string {
  switch (route.screen) {
    case 'notes':
      return route.noteId === undefined ? '#/notes' : `#/notes/${route.noteId}`;
    case 'reader':
      return `#/source/${route.sourceId}${route.highlight ? `?at=${route.highlight.start}-${route.highlight.end}` : ''}`;
    case 'entity':
      return `#/entity/${route.entityId}${route.kind ? `?kind=${route.kind}` : ''}`;
    case 'search':
      return route.query ? `#/search?q=${encodeURIComponent(route.query)}` : '#/search';
    case 'library':
      // A start of clipping is an action, not a place: the link is to the library.
      return '#/library';
    default:
      return `#/${route.screen}`;
  }
}

/** The route a fragment names, or null when it names none (then the app opens where it would anyway). */
export function routeFromHash(hash: string): Route | null {
  const match = /^#\/([a-z]+)(?:\/([^?/]*))?(?:\?(.*))?$/.exec(hash);
  if (match === null) return null;
  const [, screen = '', id, query = ''] = match;
  const params = new URLSearchParams(query);
  if (id !== undefined && !ID.test(id)) return null;
  switch (screen) {
    case 'notes':
      return id === undefined ? { screen: 'notes' } : { screen: 'notes', noteId: id as NoteId };
    case 'source': {
      if (id === undefined) return null;
      const at = /^(\d+)-(\d+)$/.exec(params.get('at') ?? '');
      const highlight =
        at && Number(at[2]) > Number(at[1]) ? { start: Number(at[1]), end: Number(at[2]) } : null;
      return {
        screen: 'reader',
        sourceId: id as SourceId,
        ...(highlight ? { highlight } : {}),
      };
    }
    case 'entity': {
      if (id === undefined) return null;
      const kind = params.get('kind') as EntityKind | null;
      return {
        screen: 'entity',
        entityId: id as EntityId,
        ...(kind !== null && KINDS.includes(kind) ? { kind } : {}),
      };
    }
    case 'search': {
      const q = params.get('q');
      return q ? { screen: 'search', query: q } : { screen: 'search' };
    }
    default:
      return id === undefined && (PLAIN_SCREENS as readonly string[]).includes(screen)
        ? ({ screen } as Route)
        : null;
  }
}

/** True for a link a note may hold to a place in Dossier (see routeFromHash). */
export function isAppLink(href: string): boolean {
  return routeFromHash(href) !== null;
}
