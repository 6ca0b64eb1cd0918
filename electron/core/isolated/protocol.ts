/**
 * Messages between the thread that asks for an isolated job (runner.ts) and the worker that runs it
 * (entry.ts). Errors cross as plain objects and are rebuilt on the other side with their type, so a
 * clipper's refusal (ClipError with its code) reads the same as if the job had run in place.
 */
import { splitParts } from '../db/source-parts';
import type { WorkerScriptNames } from '../worker/script';

/** Where the isolated worker's script is: `out/main/isolated-worker.js` built, `entry.ts` from source. */
export const ISOLATED_WORKER_NAMES: WorkerScriptNames = {
  bundled: 'isolated-worker.js',
  source: 'entry.ts',
};

/** Run one job. */
export interface JobRequest {
  id: number;
  job: string;
  input: unknown;
}

/** An error thrown by a job, as it crosses the thread boundary. */
export interface SerializedJobError {
  name: string;
  message: string;
  /** ClipError's or ApiError's code. */
  code?: string;
  /** ModelFileError's model file. */
  file?: string;
  details?: Record<string, unknown>;
}

/** The answer to a {@link JobRequest}. */
export type JobReply =
  { id: number; ok: true; output: unknown } | { id: number; ok: false; error: SerializedJobError };

/**
 * Strings of an output longer than {@link ALONE_CHARS} (UTF-16 units) cross in messages of their own
 * before the reply, in pieces of at most this size, each sent once the previous one was read: a 45 MB
 * page's prepared clip (its HTML twice and its text) read in one message held the asking thread for
 * over half a second while it was copied in. A string of one piece arrives as it was sent; longer
 * ones are joined (which costs a copy: a long article crosses in its parts, see library/prepare.ts).
 */
export const PIECE_CHARS = 1024 * 1024;

/** Strings longer than this cross in messages of their own (see {@link PIECE_CHARS}). */
export const ALONE_CHARS = 64 * 1024;

/**
 * Lists longer than this cross the same way, this many items per message: the extraction of a
 * million characters (thousands of quotes, dates and mentions) read in one message held the asking
 * thread for over 0.1 s.
 */
export const ALONE_ITEMS = 256;

/** One piece of the output's long string number `of` (pieces arrive in order). */
export interface JobPiece {
  id: number;
  of: number;
  piece: string;
}

/**
 * Items of the output's long list number `of` (they arrive in order); `nested` says whether its items
 * hold references to other long values (then they are looked through when the reply is put together).
 */
export interface JobItems {
  id: number;
  of: number;
  items: unknown[];
  nested: boolean;
}

/** The asking thread has read a piece: the worker sends the next one (one message per turn there). */
export interface PieceAck {
  ack: number;
}

/** The key of a reference to a long value sent on its own; no output of a job has it. */
const PIECES_KEY = '__isolatedPieces';

/** Where a long value stood in the reply's output: value number n of those sent on their own. */
export interface PiecesRef {
  [PIECES_KEY]: number;
}

/** A long value taken out of an output: a string sent in pieces, or a list sent in slices of items. */
export type LongValue = string | { items: unknown[]; nested: boolean };

/**
 * Replaces each string longer than {@link ALONE_CHARS} and each list longer than {@link ALONE_ITEMS}
 * in `value` (plain objects and arrays) by a reference, collecting them in `long`.
 */
export function splitLongStrings(value: unknown, long: LongValue[]): unknown {
  if (typeof value === 'string') {
    if (value.length <= ALONE_CHARS) return value;
    long.push(value);
    return { [PIECES_KEY]: long.length - 1 } satisfies PiecesRef;
  }
  if (Array.isArray(value)) {
    if (value.length <= ALONE_ITEMS) return splitItems(value, long);
    const slot = long.push({ items: [], nested: false }) - 1;
    const before = long.length;
    const items = splitItems(value, long);
    long[slot] = { items, nested: long.length > before };
    return { [PIECES_KEY]: slot } satisfies PiecesRef;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const before = long.length;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = splitLongStrings(item, long);
    // Nothing taken out: the object itself, not a copy (an extraction's thousands of quotes are not
    // held twice while they are sent).
    return long.length === before ? value : out;
  }
  return value;
}

/** `items` with their long values taken out: the same array when there were none. */
function splitItems(items: readonly unknown[], long: LongValue[]): unknown[] {
  const before = long.length;
  const out = items.map((item) => splitLongStrings(item, long));
  return long.length === before ? (items as unknown[]) : out;
}

/**
 * Puts the long values back where {@link splitLongStrings} took them from. `long` holds each as it
 * arrived: a string, or a list whose items are looked through only when `nested`.
 */
export function joinLongStrings(value: unknown, long: readonly LongValue[]): unknown {
  if (Array.isArray(value)) return value.map((item) => joinLongStrings(item, long));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === PIECES_KEY && typeof entries[0]![1] === 'number') {
      const found = long[entries[0]![1]];
      if (found === undefined || typeof found === 'string') return found;
      return found.nested ? found.items.map((item) => joinLongStrings(item, long)) : found.items;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) out[key] = joinLongStrings(item, long);
    return out;
  }
  return value;
}

/** `text` in pieces of at most {@link PIECE_CHARS}, no surrogate pair split. */
export function piecesOf(text: string): string[] {
  return splitParts(text, PIECE_CHARS);
}
