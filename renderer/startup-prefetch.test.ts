/**
 * The start-up prefetch against an in-memory stand-in for the API: the first screen's calls go out
 * together, each answer is taken once, the most recent note only by the first open of that note, and
 * nothing is kept for a notebook that did not open normally.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note, NoteId } from '../shared/model';

const note = (id: string, version: number): Note =>
  ({ id: id as NoteId, title: id, content: '', plainText: '', version }) as unknown as Note;

let version = 1;
const fake = {
  getStartupState: vi.fn(async () => ({ mode: 'normal' })),
  getAppInfo: vi.fn(async () => ({ host: 'web' })),
  listNotes: vi.fn(async () => [{ id: 'recent' }, { id: 'older' }]),
  getNote: vi.fn(async (id: string) => note(id, version)),
};
vi.mock('./api', () => ({ api: new Proxy({}, { get: (_, name: string) => (fake as never)[name] }) }));

const { prefetchStartup, takePrefetched, takePrefetchedNote, discardPrefetched, FIRST_NOTES_PAGE } =
  await import('./startup-prefetch');

const fresh = (id: string) => () => fake.getNote(id);

describe('startup prefetch', () => {
  beforeEach(() => {
    discardPrefetched();
    version = 1;
    for (const f of Object.values(fake)) f.mockClear();
  });

  it('sends the first screen’s calls at once and hands each answer out once', async () => {
    prefetchStartup();
    expect(fake.getStartupState).toHaveBeenCalledTimes(1);
    expect(fake.getAppInfo).toHaveBeenCalledTimes(1);
    expect(fake.listNotes).toHaveBeenCalledWith({ limit: FIRST_NOTES_PAGE });
    const again = vi.fn(async () => ({ host: 'again' }) as never);
    expect(await takePrefetched('getAppInfo', again)).toEqual({ host: 'web' });
    expect(again).not.toHaveBeenCalled();
    expect(await takePrefetched('getAppInfo', again)).toEqual({ host: 'again' });
    // The most recent note was asked for as soon as the list answered.
    const opened = await takePrefetchedNote('recent' as NoteId, fresh('recent'));
    expect(opened.id).toBe('recent');
    expect(fake.getNote).toHaveBeenCalledTimes(1);
  });

  it('never serves the prefetched note after another note was opened first', async () => {
    prefetchStartup();
    await takePrefetched('firstNotes', async () => []);
    const other = await takePrefetchedNote('older' as NoteId, fresh('older'));
    expect(other.id).toBe('older');
    // The user edits the recent note elsewhere meanwhile; opening it now asks the notebook again.
    version = 5;
    const later = await takePrefetchedNote('recent' as NoteId, fresh('recent'));
    expect(later.version).toBe(5);
  });

  it('drops every answer when told to (a notebook that did not open normally)', async () => {
    fake.getAppInfo.mockRejectedValueOnce(new Error('DB_CORRUPT'));
    prefetchStartup();
    discardPrefetched();
    expect(await takePrefetched('getAppInfo', async () => ({ host: 'after restore' }) as never)).toEqual({
      host: 'after restore',
    });
  });
});
