import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { DATABASE_FILE } from '../paths';
import { hashFile, makeTempDir } from '../testing/temp-dir';
import { startCoreWorker, type CoreWorker } from './client';
import { resolveWorkerScript } from './script';

const ENTRY = path.join(import.meta.dirname, 'entry.ts');

let temp: ReturnType<typeof makeTempDir>;
const running: CoreWorker[] = [];

async function start(workerFile: string | URL = ENTRY): Promise<CoreWorker> {
  const core = await startCoreWorker({ dataDir: temp.dir, host: 'test', workerFile });
  running.push(core);
  return core;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  temp = makeTempDir();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((core) => core.close()));
  temp.remove();
});

describe('core worker', () => {
  it('serves the notebook and keeps data across restarts', async () => {
    const first = await start();
    const info = await first.getAppInfo();
    expect(info).toMatchObject({ host: 'test', dataDir: temp.dir, schemaVersion: LATEST_SCHEMA_VERSION });
    const note = await first.createNote({ title: 'Draft' });
    const saved = await first.updateNote({ id: note.id, expectedVersion: 1, title: 'Final' });
    expect(saved.version).toBe(2);
    const conflict = await rejection(first.updateNote({ id: note.id, expectedVersion: 1, title: 'Stale' }));
    expect(conflict.code).toBe('VERSION_CONFLICT');
    expect(conflict.details).toMatchObject({ current: { title: 'Final', version: 2 } });
    await first.close();
    await first.close(); // closing twice is harmless

    const second = await start(pathToFileURL(ENTRY));
    expect(await second.getNote(note.id)).toEqual(saved);
    expect((await second.listNotes()).map((n) => n.title)).toEqual(['Final']);
  });

  it('passes raw calls through validation and answers with outcomes', async () => {
    const core = await start();
    expect(await core.call('listNotes', [])).toEqual({ ok: true, result: [] });
    expect(await core.call('dropTables', [])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await core.call('getNote', [{ not: 'an id' }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await core.call('createNote', [{ title: () => 'x' }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect((await rejection(core.getNote('missing' as never))).code).toBe('NOT_FOUND');
  });

  it('answers UNAVAILABLE after close', async () => {
    const core = await start();
    const pending = core.createNote({ title: 'In flight' });
    await core.close();
    // A call sent before close still completes.
    expect((await pending).title).toBe('In flight');
    expect(await core.call('listNotes', [])).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect((await rejection(core.listNotes())).code).toBe('UNAVAILABLE');
  });

  it('starts on a notebook from a newer Dossier, says so, and leaves the file unchanged', async () => {
    const db = new Database(path.join(temp.dir, DATABASE_FILE));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = hashFile(path.join(temp.dir, DATABASE_FILE));

    // The host starts anyway (startup/session.ts) so the window can show what is wrong.
    const core = await start();
    expect(await core.getStartupState()).toMatchObject({ mode: 'problem', problem: { kind: 'too-new' } });
    const error = await rejection(core.listNotes());
    expect(error.code).toBe('DB_TOO_NEW');
    expect(error.message).toMatch(/made by a newer Dossier/);
    const { problem } = await core.getStartupState();
    expect(problem?.message).toMatch(/newer version of Dossier \(schema \d+; this version knows up to \d+\)/);
    expect(hashFile(path.join(temp.dir, DATABASE_FILE))).toBe(before);
  });

  it('rejects startup with UNAVAILABLE when the worker script cannot run', async () => {
    const missing = path.join(temp.dir, 'no-such-worker.ts');
    const error = await rejection(start(missing));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/could not be started/);

    const crashing = path.join(temp.dir, 'crash.mjs');
    fs.writeFileSync(crashing, "throw new Error('worker exploded');\n");
    const crashed = await rejection(start(crashing));
    expect(crashed.code).toBe('UNAVAILABLE');
    expect(crashed.message).toMatch(/worker exploded/);
  });

  it('rejects pending calls with UNAVAILABLE when the worker dies', async () => {
    // A stand-in worker that says ready, then dies on the first request, as a crash in native code would.
    const dying = path.join(temp.dir, 'dying.mjs');
    fs.writeFileSync(
      dying,
      [
        "import { parentPort } from 'node:worker_threads';",
        "parentPort.postMessage({ type: 'ready' });",
        "parentPort.on('message', () => process.exit(3));",
      ].join('\n'),
    );
    const core = await start(dying);
    const error = await rejection(core.listNotes());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toMatchObject({ exitCode: 3 });
    expect(await core.call('listNotes', [])).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});

describe('resolveWorkerScript', () => {
  it('uses the given file, as a path or URL', () => {
    expect(resolveWorkerScript('/x/core-worker.js', 'file:///a/b.js')).toBe(
      path.resolve('/x/core-worker.js'),
    );
    expect(resolveWorkerScript(pathToFileURL('/x/w.js'), 'file:///a/b.js')).toBe(path.resolve('/x/w.js'));
  });

  it('defaults to entry.ts from source', () => {
    expect(
      resolveWorkerScript(undefined, pathToFileURL(path.join(import.meta.dirname, 'client.ts')).href),
    ).toBe(ENTRY);
  });

  it('finds the bundled worker beside an entry or one folder up from a chunk', () => {
    const out = path.join(temp.dir, 'out', 'main');
    fs.mkdirSync(path.join(out, 'chunks'), { recursive: true });
    fs.writeFileSync(path.join(out, 'core-worker.js'), '');
    const expected = path.join(out, 'core-worker.js');
    expect(resolveWorkerScript(undefined, pathToFileURL(path.join(out, 'index.js')).href)).toBe(expected);
    expect(
      resolveWorkerScript(undefined, pathToFileURL(path.join(out, 'chunks', 'notebook-x1.js')).href),
    ).toBe(expected);
    fs.rmSync(expected);
    expect(() => resolveWorkerScript(undefined, pathToFileURL(path.join(out, 'index.js')).href)).toThrow(
      /missing/,
    );
  });
});
