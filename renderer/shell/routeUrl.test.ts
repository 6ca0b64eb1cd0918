import { describe, expect, it } from 'vitest';
import type { EntityId, NoteId, SourceId } from '../../shared/model';
import type { Route } from './navigation';
import { isAppLink, routeFromHash, routeToHash } from './routeUrl';

describe('routeUrl', () => {
  it('reads back every route it writes', () => {
    const routes: Route[] = [
      { screen: 'notes' },
      { screen: 'notes', noteId: 'n-1' as NoteId },
      { screen: 'library' },
      { screen: 'reader', sourceId: 's-1' as SourceId },
      { screen: 'reader', sourceId: 's-1' as SourceId, highlight: { start: 10, end: 42 } },
      { screen: 'entity', entityId: 'e-1' as EntityId, kind: 'event' },
      { screen: 'entity', entityId: 'e-1' as EntityId },
      { screen: 'search', query: 'type:quote from:2019-11-01 "a phrase" #x&y' },
      { screen: 'search' },
      { screen: 'people' },
      { screen: 'trash' },
      { screen: 'welcome' },
    ];
    for (const route of routes) expect(routeFromHash(routeToHash(route))).toEqual(route);
  });

  it('refuses what names no screen', () => {
    for (const hash of [
      '',
      '#',
      '#notes',
      '#/nowhere',
      '#/source',
      '#/source/a b',
      '#/library/x',
      'https://x.org/#/notes',
    ]) {
      expect(routeFromHash(hash), hash).toBeNull();
    }
    expect(isAppLink('#/search?q=putin')).toBe(true);
    expect(isAppLink('javascript:alert(1)')).toBe(false);
  });
});
