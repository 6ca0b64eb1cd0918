/**
 * Saves one open note: debounces edits, sends at most one updateNote at a time, and reports a status the
 * UI can show truthfully. It never drops the user's text: a failed save keeps the text and retries, a
 * version conflict stops saving until the user chooses which version wins. No DOM, so it is unit-tested.
 */
import type { UpdateNoteInput } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import type { Note, NoteId } from '../../shared/model';

/** What the UI shows about the open note's text. */
export type SaveStatus =
  | { state: 'saved' }
  | { state: 'dirty' }
  | { state: 'saving' }
  | { state: 'error'; message: string }
  /** `current` is the newer stored note when the host sent it, otherwise null (fetch it). */
  | { state: 'conflict'; current: Note | null };

/** The fields of a note the editor changes. */
export interface NoteFields {
  title: string;
  content: string;
}

/** Timer functions, injectable so tests can drive time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How a controller reaches the notebook and tells the UI what happened. */
export interface SaveControllerOptions {
  /** Writes a change; `keepalive` asks it to survive the page closing. */
  save(input: UpdateNoteInput, options: { keepalive: boolean }): Promise<Note>;
  /** Quiet time after the last edit before saving. */
  debounceMs?: number;
  /** First delay before retrying a failed save; doubles up to {@link MAX_RETRY_MS}. */
  retryMs?: number;
  timers?: Timers;
  onStatus?(status: SaveStatus): void;
  /** Called with the stored note after every confirmed write. */
  onSaved?(note: Note): void;
}

export const DEFAULT_DEBOUNCE_MS = 600;
const DEFAULT_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function changedFields(local: NoteFields, confirmed: NoteFields): Partial<NoteFields> {
  const changes: Partial<NoteFields> = {};
  if (local.title !== confirmed.title) changes.title = local.title;
  if (local.content !== confirmed.content) changes.content = local.content;
  return changes;
}

function isStoredNote(value: unknown): value is Note {
  return value !== null && typeof value === 'object' && typeof (value as Note).version === 'number';
}

/** Saves the edits of one note. Create one per opened note; flush before dropping it. */
export class NoteSaveController {
  readonly noteId: NoteId;
  /** What the notebook confirmed it stores, and at which version. */
  private confirmed: NoteFields;
  private version: number;
  /** What the user sees; may be ahead of `confirmed`. */
  private local: NoteFields;
  /** Reads the editor's content, when it changed since `local.content` was last read. */
  private unread: (() => string) | null = null;
  private readonly options: SaveControllerOptions;
  private readonly timers: Timers;
  private debounceTimer: unknown = null;
  private retryTimer: unknown = null;
  private retryDelay: number;
  private pumping: Promise<void> | null = null;
  private inFlight = false;
  private error: string | null = null;
  private conflict: { current: Note | null } | null = null;
  private disposed = false;
  private lastStatus: SaveStatus = { state: 'saved' };

  constructor(note: Note, options: SaveControllerOptions) {
    this.noteId = note.id;
    this.version = note.version;
    this.confirmed = { title: note.title, content: note.content };
    this.local = { ...this.confirmed };
    this.options = options;
    this.timers = options.timers ?? realTimers;
    this.retryDelay = options.retryMs ?? DEFAULT_RETRY_MS;
  }

  /** The text the user currently has, saved or not. */
  get fields(): NoteFields {
    this.readContent();
    return { ...this.local };
  }

  /** The version the next save will name as expectedVersion. */
  get confirmedVersion(): number {
    return this.version;
  }

  get status(): SaveStatus {
    return this.lastStatus;
  }

  /** True while anything the user typed is not yet confirmed by the notebook. */
  hasUnsavedChanges(): boolean {
    return (
      this.inFlight ||
      this.unread !== null ||
      Object.keys(changedFields(this.local, this.confirmed)).length > 0
    );
  }

  /** Records an edit and schedules a save after the debounce. */
  edit(change: Partial<NoteFields>): void {
    // A content given here is newer than one not read yet.
    if (change.content !== undefined) this.unread = null;
    const next = { ...this.local, ...change };
    if (next.title === this.local.title && next.content === this.local.content) return;
    this.local = next;
    this.scheduleDebounce();
    this.emit();
  }

  /**
   * Records that the content changed without serializing it: `read` returns it when a save needs it
   * (after the debounce, on flush, or when {@link fields} is asked), once per save rather than once per
   * keystroke. Content that turns out unchanged (typed, then undone) is not saved.
   */
  editContent(read: () => string): void {
    this.unread = read;
    this.scheduleDebounce();
    this.emit();
  }

  private readContent(): void {
    const read = this.unread;
    if (read === null) return;
    this.unread = null;
    this.local = { ...this.local, content: read() };
  }

  /**
   * Saves everything now and resolves once the notebook confirmed it, or once saving stopped on an
   * error or a conflict (check {@link hasUnsavedChanges}). Never rejects.
   */
  flush(options: { keepalive?: boolean } = {}): Promise<void> {
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
    return this.pump(options.keepalive ?? false);
  }

  /** Conflict resolution "Keep mine": overwrite the newer stored version with the user's text. */
  keepMine(current: Note): Promise<void> {
    this.version = current.version;
    this.confirmed = { title: current.title, content: current.content };
    this.conflict = null;
    this.emit();
    return this.flush();
  }

  /** Conflict resolution "Load the newer version": the user's unsaved text is replaced by `current`. */
  takeTheirs(current: Note): void {
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
    this.version = current.version;
    this.confirmed = { title: current.title, content: current.content };
    this.local = { ...this.confirmed };
    this.unread = null;
    this.conflict = null;
    this.error = null;
    this.emit();
  }

  /** Stops timers and further saves. Call only after a flush left nothing unsaved. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
  }

  private scheduleDebounce(): void {
    this.clearTimer('debounceTimer');
    if (this.conflict || this.disposed) return;
    this.debounceTimer = this.timers.setTimeout(() => {
      this.debounceTimer = null;
      void this.pump(false);
    }, this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /** Runs one save loop at a time, so two saves of this note are never in flight together. */
  private pump(keepalive: boolean): Promise<void> {
    this.pumping ??= this.saveUntilCurrent(keepalive).finally(() => {
      this.pumping = null;
      this.emit();
    });
    return this.pumping;
  }

  private async saveUntilCurrent(keepalive: boolean): Promise<void> {
    // Edits made while a save is in flight are picked up by the next turn of this loop.
    while (!this.disposed && !this.conflict) {
      this.readContent();
      const changes = changedFields(this.local, this.confirmed);
      if (Object.keys(changes).length === 0) return;
      this.inFlight = true;
      this.emit();
      try {
        const saved = await this.options.save(
          { id: this.noteId, expectedVersion: this.version, ...changes },
          { keepalive },
        );
        this.confirmed = { ...this.confirmed, ...changes };
        this.version = saved.version;
        this.error = null;
        this.retryDelay = this.options.retryMs ?? DEFAULT_RETRY_MS;
        this.options.onSaved?.(saved);
      } catch (error) {
        this.onFailure(error);
        return;
      } finally {
        this.inFlight = false;
      }
    }
  }

  private onFailure(error: unknown): void {
    if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
      const current = error.details?.current;
      this.conflict = { current: isStoredNote(current) ? current : null };
      this.clearTimer('debounceTimer');
      return;
    }
    this.error = error instanceof Error ? error.message : String(error);
    this.clearTimer('retryTimer');
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.pump(false);
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
  }

  private clearTimer(which: 'debounceTimer' | 'retryTimer'): void {
    if (this[which] !== null) this.timers.clearTimeout(this[which]);
    this[which] = null;
  }

  private computeStatus(): SaveStatus {
    if (this.conflict) return { state: 'conflict', current: this.conflict.current };
    // An error stays on screen until a save succeeds, so a retry in flight never looks like success.
    if (this.error !== null) return { state: 'error', message: this.error };
    if (this.inFlight) return { state: 'saving' };
    if (this.hasUnsavedChanges()) return { state: 'dirty' };
    return { state: 'saved' };
  }

  private emit(): void {
    const next = this.computeStatus();
    const prev = this.lastStatus;
    const same =
      next.state === prev.state &&
      (next.state !== 'error' || (prev.state === 'error' && prev.message === next.message)) &&
      (next.state !== 'conflict' || (prev.state === 'conflict' && prev.current === next.current));
    if (same) return;
    this.lastStatus = next;
    this.options.onStatus?.(next);
  }
}
