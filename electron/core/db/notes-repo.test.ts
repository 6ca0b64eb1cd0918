import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { Note, NoteId } from '../../../shared/model';
import { makeTempDir } from '../testing/temp-dir';
import { EXCERPT_LENGTH, NotesRepo, excerptOf } from './notes-repo';
import { openDatabase } from './open';

let temp: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let repo: NotesRepo;
let tick: number;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'dossier.sqlite'));
  // A clock that advances one second per reading: ordering never depends on how fast the test runs.
  tick = Date.UTC(2026, 10, 28, 3, 0, 0);
  repo = new NotesRepo(db, () => new Date((tick += 1000)));
});

afterEach(() => {
  db.close();
  temp.remove();
});

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

const draft = (title: string, plainText = '') => ({ title, content: '', plainText });

describe('NotesRepo', () => {
  it('creates and reads a note', () => {
    const note = repo.create({ title: 'First', content: '{"root":{"children":[]}}', plainText: 'Body' });
    expect(note).toMatchObject({ title: 'First', plainText: 'Body', version: 1, deletedAt: null });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note.createdAt).toBe(note.updatedAt);
    expect(new Date(note.createdAt).toISOString()).toBe(note.createdAt);
    expect(repo.get(note.id)).toEqual(note);
  });

  it('reports an unknown id as NOT_FOUND', () => {
    expect(failure(() => repo.get('nope' as NoteId)).code).toBe('NOT_FOUND');
    expect(repo.find('nope' as NoteId)).toBeUndefined();
  });

  it('updates with the expected version and increases it', () => {
    const note = repo.create(draft('Old'));
    const updated = repo.update({
      id: note.id,
      expectedVersion: 1,
      title: 'New',
      content: 'c',
      plainText: 'p',
    });
    expect(updated).toMatchObject({ title: 'New', content: 'c', plainText: 'p', version: 2 });
    expect(updated.updatedAt > note.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(note.createdAt);
    // Absent fields stay as stored.
    expect(repo.update({ id: note.id, expectedVersion: 2, title: 'Newer' })).toMatchObject({
      title: 'Newer',
      content: 'c',
      plainText: 'p',
      version: 3,
    });
  });

  it('refuses a second update based on the same version, attaching the stored note', () => {
    const note = repo.create(draft('Shared'));
    const first = repo.update({ id: note.id, expectedVersion: 1, title: 'From window A' });
    const error = failure(() => repo.update({ id: note.id, expectedVersion: 1, title: 'From window B' }));
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.message).toMatch(/version 1.*version 2/);
    expect((error.details as { current: Note }).current).toEqual(first);
    expect(repo.get(note.id).title).toBe('From window A');
  });

  it('moves notes to the trash and back', () => {
    const a = repo.create(draft('A'));
    const b = repo.create(draft('B'));
    const trashed = repo.softDelete(a.id);
    expect(trashed.deletedAt).not.toBeNull();
    expect(trashed.version).toBe(a.version);
    expect(repo.list().map((n) => n.id)).toEqual([b.id]);
    expect(repo.list(true).map((n) => n.id)).toEqual([a.id]);
    expect(repo.get(a.id).deletedAt).toBe(trashed.deletedAt);

    expect(failure(() => repo.softDelete(a.id)).code).toBe('NOT_FOUND');
    expect(failure(() => repo.restore(b.id)).code).toBe('NOT_FOUND');

    const restored = repo.restore(a.id);
    expect(restored.deletedAt).toBeNull();
    expect(repo.list(true)).toEqual([]);
    expect(
      repo
        .list()
        .map((n) => n.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });

  it('refuses to update a trashed note with NOT_FOUND', () => {
    const note = repo.create(draft('Gone'));
    repo.softDelete(note.id);
    const error = failure(() => repo.update({ id: note.id, expectedVersion: 1, title: 'Edit' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/trash/);
    expect(repo.get(note.id).title).toBe('Gone');
    expect(failure(() => repo.update({ id: 'missing' as NoteId, expectedVersion: 1 })).code).toBe(
      'NOT_FOUND',
    );
    expect(failure(() => repo.softDelete('missing' as NoteId)).code).toBe('NOT_FOUND');
    expect(failure(() => repo.restore('missing' as NoteId)).code).toBe('NOT_FOUND');
  });

  it('lists most recently updated first, without the editor state', () => {
    const a = repo.create(draft('A', 'alpha'));
    const b = repo.create(draft('B', 'beta'));
    repo.create(draft('C', 'gamma'));
    expect(repo.list().map((n) => n.title)).toEqual(['C', 'B', 'A']);
    repo.update({ id: a.id, expectedVersion: 1, title: 'A2' });
    expect(repo.list().map((n) => n.title)).toEqual(['A2', 'C', 'B']);
    // The first page the window paints before the rest arrives.
    expect(repo.list(false, 2).map((n) => n.title)).toEqual(['A2', 'C']);
    const summary = repo.list().find((n) => n.id === b.id);
    expect(summary).toEqual({
      id: b.id,
      title: 'B',
      excerpt: 'beta',
      version: 1,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
      deletedAt: null,
    });
  });

  it('breaks ties in updated_at by insertion order', () => {
    const fixed = new NotesRepo(db, () => new Date(Date.UTC(2026, 0, 1)));
    const first = fixed.create(draft('first'));
    const second = fixed.create(draft('second'));
    expect(fixed.list().map((n) => n.id)).toEqual([second.id, first.id]);
  });
});

describe('excerptOf', () => {
  it('flattens whitespace and cuts long text', () => {
    expect(excerptOf('  one\n\ntwo\tthree  ')).toBe('one two three');
    const long = 'word '.repeat(100);
    const excerpt = excerptOf(long);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'x'.repeat(EXCERPT_LENGTH - 1)}😀 and more`;
    const excerpt = excerptOf(text);
    expect(excerpt).toBe(`${'x'.repeat(EXCERPT_LENGTH - 1)}…`);
  });
});
