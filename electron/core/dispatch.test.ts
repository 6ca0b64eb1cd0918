import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotebookApi } from '../../shared/api';
import type { Note } from '../../shared/model';
import { dispatch } from './dispatch';
import { Notebook } from './notebook';
import { makeTempDir } from './testing/temp-dir';

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

describe('dispatch', () => {
  it('calls a method with valid arguments', async () => {
    const created = await dispatch(notebook, 'createNote', [{ title: 'Via dispatch' }]);
    expect(created).toMatchObject({ ok: true, result: { title: 'Via dispatch', version: 1 } });
    const listed = await dispatch(notebook, 'listNotes', []);
    expect(listed.ok && (listed.result as unknown[]).length).toBe(1);
  });

  it('rejects unknown methods without calling anything', async () => {
    let called = false;
    const spy = new Proxy(notebook, {
      get(target, property, receiver) {
        called = true;
        return Reflect.get(target, property, receiver) as unknown;
      },
    }) as NotebookApi;
    for (const method of ['close', 'constructor', '__proto__', 'toString', 'nope', 42, undefined]) {
      const outcome = await dispatch(spy, method, []);
      expect(outcome).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/unknown method/) },
      });
    }
    expect(called).toBe(false);
  });

  it('rejects bad arguments before they reach the notebook', async () => {
    for (const [method, args] of [
      ['getNote', [42]],
      ['getNote', 'not-a-list'],
      ['createNote', [{ title: 'x', evil: true }]],
      ['updateNote', [{ id: 'a', expectedVersion: 0 }]],
      ['listNotes', [{ trashed: 'yes' }]],
    ] as const) {
      const outcome = await dispatch(notebook, method, args);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.error.code).toBe('INVALID_ARGUMENT');
    }
    expect(await notebook.listNotes()).toEqual([]);
  });

  it('returns errors from the notebook as outcomes', async () => {
    const created = await dispatch(notebook, 'createNote', []);
    const note = (created.ok ? created.result : undefined) as Note;
    await dispatch(notebook, 'updateNote', [{ id: note.id, expectedVersion: 1, title: 'a' }]);
    const conflict = await dispatch(notebook, 'updateNote', [
      { id: note.id, expectedVersion: 1, title: 'b' },
    ]);
    expect(conflict).toMatchObject({
      ok: false,
      error: { code: 'VERSION_CONFLICT', details: { current: { version: 2 } } },
    });
    expect(await dispatch(notebook, 'getNote', ['missing'])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('turns unexpected exceptions into INTERNAL instead of throwing', async () => {
    const broken = {
      getAppInfo: () => {
        throw new TypeError('boom');
      },
    } as unknown as NotebookApi;
    expect(await dispatch(broken, 'getAppInfo', [])).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Unexpected error: boom' },
    });
  });
});
