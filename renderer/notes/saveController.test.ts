import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateNoteInput } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import type { Note, NoteId } from '../../shared/model';
import { NoteSaveController, type SaveStatus } from './saveController';

/** An in-memory notebook with the same version rule as the core, and a switch to hold saves open. */
class FakeNotebook {
  note: Note = {
    id: 'n1' as NoteId,
    title: '',
    content: '',
    plainText: '',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
  };
  calls: { input: UpdateNoteInput; keepalive: boolean }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  failures: Error[] = [];
  held: (() => void)[] = [];
  hold = false;

  save = async (input: UpdateNoteInput, { keepalive }: { keepalive: boolean }): Promise<Note> => {
    this.calls.push({ input, keepalive });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
      const failure = this.failures.shift();
      if (failure) throw failure;
      if (input.expectedVersion !== this.note.version) {
        throw new ApiError('VERSION_CONFLICT', 'changed elsewhere', { current: { ...this.note } });
      }
      this.note = {
        ...this.note,
        ...(input.title !== undefined && { title: input.title }),
        ...(input.content !== undefined && { content: input.content }),
        version: this.note.version + 1,
      };
      return { ...this.note };
    } finally {
      this.inFlight -= 1;
    }
  };

  release(): void {
    this.held.splice(0).forEach((resolve) => resolve());
  }
}

let notebook: FakeNotebook;
let statuses: SaveStatus['state'][];

function controller(): NoteSaveController {
  return new NoteSaveController(notebook.note, {
    save: notebook.save,
    debounceMs: 600,
    retryMs: 1_000,
    onStatus: (s) => statuses.push(s.state),
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  notebook = new FakeNotebook();
  statuses = [];
});
afterEach(() => vi.useRealTimers());

describe('NoteSaveController', () => {
  it('reads content given lazily once per save, not once per keystroke', async () => {
    const c = controller();
    let text = '';
    const read = vi.fn(() => text);
    for (const key of 'hello') {
      text += key;
      c.editContent(read);
    }
    expect(read).not.toHaveBeenCalled();
    expect(c.hasUnsavedChanges()).toBe(true);
    expect(statuses).toEqual(['dirty']);
    await vi.advanceTimersByTimeAsync(600);
    expect(read).toHaveBeenCalledTimes(1);
    expect(notebook.calls.map((call) => call.input.content)).toEqual(['hello']);
    expect(c.status.state).toBe('saved');
    // Typed and undone before the save: read, found unchanged, nothing saved.
    c.editContent(() => 'hello');
    await c.flush();
    expect(notebook.calls).toHaveLength(1);
    expect(c.hasUnsavedChanges()).toBe(false);
    // flush (leaving the page) reads what was not read yet, and fields shows it.
    c.editContent(() => 'hello world');
    expect(c.fields.content).toBe('hello world');
    await c.flush({ keepalive: true });
    expect(notebook.calls.map((call) => call.input.content)).toEqual(['hello', 'hello world']);
  });

  it('drops unread content when the newer stored version is loaded instead', async () => {
    const c = controller();
    notebook.note = { ...notebook.note, content: 'theirs', version: 2 };
    c.editContent(() => 'mine');
    await c.flush();
    expect(c.status.state).toBe('conflict');
    c.editContent(() => 'mine, more');
    c.takeTheirs({ ...notebook.note });
    expect(c.fields.content).toBe('theirs');
    expect(c.hasUnsavedChanges()).toBe(false);
  });

  it('waits for a quiet period, then saves the latest text once', async () => {
    const c = controller();
    c.edit({ content: 'a' });
    await vi.advanceTimersByTimeAsync(400);
    c.edit({ content: 'ab' });
    await vi.advanceTimersByTimeAsync(400);
    expect(notebook.calls).toHaveLength(0);
    expect(c.status.state).toBe('dirty');
    await vi.advanceTimersByTimeAsync(200);
    expect(notebook.calls.map((call) => call.input)).toEqual([
      { id: 'n1', expectedVersion: 1, content: 'ab' },
    ]);
    expect(c.status.state).toBe('saved');
    expect(statuses).toEqual(['dirty', 'saving', 'saved']);
  });

  it('reports "saved" only after the notebook confirmed the write', async () => {
    notebook.hold = true;
    const c = controller();
    c.edit({ title: 'T' });
    const flushed = c.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.status.state).toBe('saving');
    expect(c.hasUnsavedChanges()).toBe(true);
    notebook.release();
    await flushed;
    expect(c.status.state).toBe('saved');
    expect(c.hasUnsavedChanges()).toBe(false);
    expect(notebook.note.title).toBe('T');
  });

  it('flush saves immediately, with keepalive when asked', async () => {
    const c = controller();
    c.edit({ content: 'x', title: 'Title' });
    await c.flush({ keepalive: true });
    expect(notebook.calls).toEqual([
      { input: { id: 'n1', expectedVersion: 1, title: 'Title', content: 'x' }, keepalive: true },
    ]);
    // The debounce was cancelled: no second save later.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(notebook.calls).toHaveLength(1);
  });

  it('never has two saves in flight and chains each on the last confirmed version', async () => {
    notebook.hold = true;
    const c = controller();
    c.edit({ content: 'one' });
    const first = c.flush();
    await vi.advanceTimersByTimeAsync(0);
    c.edit({ content: 'two' });
    const second = c.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(notebook.calls).toHaveLength(1);
    notebook.release();
    await vi.advanceTimersByTimeAsync(0);
    notebook.release();
    await Promise.all([first, second]);
    expect(notebook.maxInFlight).toBe(1);
    expect(notebook.calls.map((call) => call.input.expectedVersion)).toEqual([1, 2]);
    expect(notebook.note).toMatchObject({ content: 'two', version: 3 });
    expect(c.confirmedVersion).toBe(3);
  });

  it('sends only the fields that changed since the last confirmed save', async () => {
    const c = controller();
    c.edit({ title: 'A' });
    await c.flush();
    c.edit({ content: 'body' });
    await c.flush();
    expect(notebook.calls.map((call) => call.input)).toEqual([
      { id: 'n1', expectedVersion: 1, title: 'A' },
      { id: 'n1', expectedVersion: 2, content: 'body' },
    ]);
  });

  it('keeps the text on failure, shows the error, and retries until it is saved', async () => {
    notebook.failures.push(new ApiError('DB_READONLY', 'The disk is full.'));
    const c = controller();
    c.edit({ content: 'precious' });
    await c.flush();
    expect(c.status).toEqual({ state: 'error', message: 'The disk is full.' });
    expect(c.fields.content).toBe('precious');
    expect(c.hasUnsavedChanges()).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(c.status.state).toBe('saved');
    expect(notebook.note.content).toBe('precious');
  });

  it('stops on a version conflict, keeps the text, and overwrites only when told to', async () => {
    const c = controller();
    notebook.note = { ...notebook.note, title: 'From another tab', version: 2 };
    c.edit({ content: 'mine' });
    await c.flush();
    const status = c.status;
    expect(status.state).toBe('conflict');
    expect(status.state === 'conflict' && status.current?.version).toBe(2);
    // Further typing is kept but not saved while the conflict is open.
    c.edit({ content: 'mine, more' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(notebook.calls).toHaveLength(1);
    expect(c.fields.content).toBe('mine, more');

    await c.keepMine((status as { current: Note }).current);
    expect(c.status.state).toBe('saved');
    expect(notebook.calls.at(-1)!.input).toEqual({
      id: 'n1',
      expectedVersion: 2,
      title: '',
      content: 'mine, more',
    });
    expect(notebook.note).toMatchObject({ title: '', content: 'mine, more', version: 3 });
  });

  it('can take the newer stored version instead', async () => {
    const c = controller();
    notebook.note = { ...notebook.note, content: 'theirs', version: 5 };
    c.edit({ content: 'mine' });
    await c.flush();
    c.takeTheirs({ ...notebook.note });
    expect(c.fields.content).toBe('theirs');
    expect(c.status.state).toBe('saved');
    c.edit({ content: 'theirs, edited' });
    await c.flush();
    expect(notebook.calls.at(-1)!.input.expectedVersion).toBe(5);
    expect(notebook.note.version).toBe(6);
  });

  it('ignores edits that change nothing', async () => {
    const c = controller();
    c.edit({ title: '', content: '' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(notebook.calls).toHaveLength(0);
    expect(statuses).toEqual([]);
  });
});
