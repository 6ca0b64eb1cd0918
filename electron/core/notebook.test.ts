import { API_METHODS } from '../../shared/api';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION } from './db/migrate';
import { Notebook } from './notebook';
import { DATABASE_FILE } from './paths';
import { makeTempDir } from './testing/temp-dir';
import { APP_VERSION } from './version';

const STATE = JSON.stringify({
  root: {
    type: 'root',
    children: [
      { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Hearing' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'The minister spoke.' }] },
    ],
  },
});

let temp: ReturnType<typeof makeTempDir>;
let notebook: Notebook;

beforeEach(() => {
  temp = makeTempDir();
  notebook = Notebook.open({ dataDir: temp.dir, host: 'test' });
});

afterEach(async () => {
  await notebook.close();
  temp.remove();
});

describe('Notebook', () => {
  it('describes itself', async () => {
    const info = await notebook.getAppInfo();
    expect(info).toEqual({
      version: APP_VERSION,
      dataDir: temp.dir,
      databasePath: path.join(temp.dir, DATABASE_FILE),
      schemaVersion: LATEST_SCHEMA_VERSION,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      sqliteVersion: expect.stringMatching(/^3\.\d+\.\d+$/),
      host: 'test',
    });
  });

  it('derives plain text from the content on create and update', async () => {
    const empty = await notebook.createNote();
    expect(empty).toMatchObject({ title: '', content: '', plainText: '', version: 1 });
    const note = await notebook.createNote({ title: 'T', content: STATE });
    expect(note.plainText).toBe('Hearing\nThe minister spoke.');
    const updated = await notebook.updateNote({ id: note.id, expectedVersion: 1, content: '' });
    expect(updated).toMatchObject({ content: '', plainText: '', version: 2 });
    expect((await notebook.listNotes()).map((n) => n.id)).toEqual([updated.id, empty.id]);
  });

  it('refuses invalid content without touching the stored note', async () => {
    const note = await notebook.createNote({ title: 'Safe', content: STATE });
    await expect(
      notebook.updateNote({ id: note.id, expectedVersion: 1, content: '{broken' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(await notebook.getNote(note.id)).toEqual(note);
  });

  it('trashes and restores', async () => {
    const note = await notebook.createNote({ title: 'Bin me' });
    expect((await notebook.deleteNote(note.id)).deletedAt).not.toBeNull();
    expect(await notebook.listNotes({ trashed: true })).toHaveLength(1);
    expect(await notebook.listNotes()).toHaveLength(0);
    expect((await notebook.restoreNote(note.id)).deletedAt).toBeNull();
  });

  it('serves every API method', () => {
    for (const method of API_METHODS) expect(typeof notebook[method], method).toBe('function');
    expect(notebook.missing).toEqual([]);
  });

  it('answers UNAVAILABLE once closed', async () => {
    await notebook.close();
    const error: unknown = await notebook.listNotes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAVAILABLE');
  });
});
