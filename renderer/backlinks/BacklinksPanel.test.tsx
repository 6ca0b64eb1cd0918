// @vitest-environment jsdom
/**
 * The Backlinks panel in jsdom against an in-memory stand-in for getBacklinks: it lists the linking
 * notes with how they point here and their excerpt, shows the empty state, refreshes when a note is
 * stored or the window regains focus, opens a note by route (or the given handler), folds, and shows a
 * failure with a retry.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backlink, BacklinkTarget } from '../../shared/areas/notes';
import type { NoteId } from '../../shared/model';
import { NavigationContext, type Route } from '../shell/navigation';
import { announceNoteStored } from './noteSaved';
import { REFRESH_DELAY_MS } from './useBacklinks';
import { reactRootPerTest } from '../testing/react-root';

const link = (id: string, title: string, kinds: string[], context = ''): Backlink => ({
  noteId: id as NoteId,
  title,
  updatedAt: '2026-11-28T12:00:00.000Z',
  kinds,
  context,
});

const fake = {
  byTarget: new Map<string, Backlink[]>(),
  failWith: null as Error | null,
  getBacklinks: vi.fn(async (target: BacklinkTarget): Promise<Backlink[]> => {
    if (fake.failWith) throw fake.failWith;
    return structuredClone(fake.byTarget.get(`${target.kind}:${target.id}`) ?? []);
  }),
};
vi.mock('../api', () => ({ api: new Proxy({}, { get: (_, name: string) => (fake as never)[name] }) }));

const dom = reactRootPerTest();
let routes: Route[];

async function settle(ms = 20): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

async function render(target: BacklinkTarget, onOpenNote?: (id: NoteId) => void): Promise<void> {
  const { BacklinksPanel } = await import('./BacklinksPanel');
  await act(async () => {
    dom.root.render(
      <NavigationContext.Provider value={(route) => routes.push(route)}>
        <BacklinksPanel target={target} {...(onOpenNote ? { onOpenNote } : {})} />
      </NavigationContext.Provider>,
    );
  });
  await settle();
}

const shown = (): string[] =>
  [...dom.container.querySelectorAll('[data-testid="backlink"]')].map((el) => el.textContent ?? '');
const byTestId = (id: string): HTMLElement | null => dom.container.querySelector(`[data-testid="${id}"]`);

beforeEach(() => {
  fake.byTarget = new Map();
  fake.failWith = null;
  fake.getBacklinks.mockClear();
  window.localStorage.clear();
  routes = [];
});

describe('BacklinksPanel', () => {
  it('lists linking notes with how they point here and their excerpt; a click opens the note', async () => {
    fake.byTarget.set('source:s1', [
      link('n1', 'Ceasefire talks', ['citation', 'quote'], '“We agree with the proposals”'),
      link('n2', '', ['citation']),
    ]);
    await render({ kind: 'source', id: 's1' });
    expect(shown()).toEqual([
      'Ceasefire talksquotes it“We agree with the proposals”',
      'Untitled notecites it',
    ]);
    expect(byTestId('backlinks-count')?.textContent).toBe('2');
    await act(async () => byTestId('backlink')?.click());
    expect(routes).toEqual([{ screen: 'notes', noteId: 'n1' }]);
  });

  it('says when nothing links here, and uses the given opener instead of navigating', async () => {
    await render({ kind: 'note', id: 'lonely' });
    expect(byTestId('backlinks-empty')?.textContent).toBe('No notes link here yet.');
    fake.byTarget.set('note:lonely', [link('n3', 'Later', ['note'])]);
    const opened: NoteId[] = [];
    await render({ kind: 'note', id: 'lonely' }, (id) => opened.push(id));
    // Same target: only a refresh brings the new link.
    announceNoteStored('n3' as NoteId);
    await settle(REFRESH_DELAY_MS + 50);
    expect(shown()).toEqual(['Laterlinks here']);
    await act(async () => byTestId('backlink')?.click());
    expect(opened).toEqual(['n3']);
    expect(routes).toEqual([]);
  });

  it('refreshes when the window regains focus, once per burst of saves', async () => {
    await render({ kind: 'note', id: 'b' });
    const calls = fake.getBacklinks.mock.calls.length;
    for (let i = 0; i < 5; i++) announceNoteStored('a' as NoteId);
    await settle(REFRESH_DELAY_MS + 50);
    expect(fake.getBacklinks.mock.calls.length).toBe(calls + 1);
    // The note's own autosaves do not ask again.
    for (let i = 0; i < 5; i++) announceNoteStored('b' as NoteId);
    await settle(REFRESH_DELAY_MS + 50);
    expect(fake.getBacklinks.mock.calls.length).toBe(calls + 1);
    fake.byTarget.set('note:b', [link('a', 'A', ['note'])]);
    await act(async () => window.dispatchEvent(new Event('focus')));
    await settle();
    expect(shown()).toEqual(['Alinks here']);
  });

  it('folds and unfolds with its toggle, and remembers it for the next page of that kind', async () => {
    fake.byTarget.set('note:b', [link('a', 'A', ['note'])]);
    await render({ kind: 'note', id: 'b' });
    const toggle = byTestId('backlinks-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.hidden).toBe(true);
    dom.remount();
    await render({ kind: 'note', id: 'other' });
    expect(byTestId('backlinks-toggle')?.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows a failure with a retry that loads the list', async () => {
    fake.failWith = new Error('The notebook is busy. Try again.');
    fake.byTarget.set('entity:e1', [link('a', 'A', ['mention'], 'Met Putin')]);
    await render({ kind: 'entity', id: 'e1' });
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toContain('The notebook is busy');
    fake.failWith = null;
    await act(async () => dom.container.querySelector<HTMLButtonElement>('[role="alert"] button')?.click());
    await settle();
    expect(dom.container.querySelector('[role="alert"]')).toBeNull();
    expect(shown()).toEqual(['Amentions itMet Putin']);
  });
});
