/**
 * Running a job in a thread of its own, bounded in time and memory. Large clips and extractions run
 * this way: the notebook's own thread keeps answering while they work, a job that takes too long is
 * stopped, and one that needs more memory than allowed ends with a clear error instead of taking the
 * whole app down.
 */
import { Worker } from 'node:worker_threads';
import { ApiError, isErrorCode } from '../../../shared/errors';
import { ClipError, type ClipErrorCode } from '../clip/errors';
import { ModelFileError } from '../extract/models/container';
import { resolveWorkerScript, workerSource } from '../worker/script';
import type { JobInput, JobName, JobOutput } from './jobs';
import {
  ISOLATED_WORKER_NAMES,
  joinLongStrings,
  type JobItems,
  type JobPiece,
  type LongValue,
  type JobReply,
  type PieceAck,
  type SerializedJobError,
} from './protocol';

/** Why an isolated job did not finish. */
export type IsolatedFailure =
  /** It ran longer than its time bound and was stopped. */
  | 'timeout'
  /** It needed more memory than its bound allows. */
  | 'memory'
  /** The thread died for another reason (a bug, a failed start). */
  | 'crashed';

/** A job that was stopped or lost, as opposed to one that failed by throwing. */
export class IsolatedJobError extends Error {
  constructor(
    readonly reason: IsolatedFailure,
    message: string,
  ) {
    super(message);
    this.name = 'IsolatedJobError';
  }
}

/** Bounds of the worker and where its script is. */
export interface IsolatedWorkerOptions {
  /** Heap the thread may use, in MB (V8's old generation). Default 512. */
  maxMemoryMb?: number;
  /** The worker script; default out/main/isolated-worker.js beside the build, entry.ts from source. */
  workerFile?: string;
}

/** One run's bounds. */
export interface RunOptions {
  /** Stop the job after this long, in milliseconds. Default: no time bound. */
  timeoutMs?: number;
  /** Buffers handed over to the thread without copying (they are unusable here afterwards). */
  transfer?: readonly ArrayBuffer[];
  /** Called as each piece of a long string of the output arrives (see protocol.ts's PIECE_CHARS). */
  onPiece?: () => void;
}

/** The default heap bound of an isolated job, in MB. */
export const DEFAULT_ISOLATED_MEMORY_MB = 512;

function rebuild(error: SerializedJobError): Error {
  if (error.name === 'ClipError' && error.code !== undefined) {
    return new ClipError(error.code as ClipErrorCode, error.message);
  }
  if (error.name === 'ApiError' && isErrorCode(error.code)) {
    return new ApiError(error.code, error.message, error.details);
  }
  if (error.name === 'ModelFileError' && error.file !== undefined) {
    // Its own message (which file, what to do), so the CLI shows it as it is, not as "unexpected".
    return Object.assign(new ModelFileError(error.file, 'is missing'), { message: error.message });
  }
  return new Error(error.message);
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

interface Pending {
  id: number;
  /** The thread running it: a thread stopped at a time bound may still report after a new one started. */
  worker: Worker;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
  /** Pieces of the output's long strings received so far, by long value's number. */
  long: string[][];
  /** Items of the output's long lists received so far, by long value's number. */
  lists: { items: unknown[]; nested: boolean }[];
  onPiece: (() => void) | undefined;
}

/**
 * A worker thread for isolated jobs, started on the first run and started again after a job was
 * stopped. Runs one job at a time; further runs wait their turn.
 */
export class IsolatedWorker {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private readonly maxMemoryMb: number;

  constructor(private readonly options: IsolatedWorkerOptions = {}) {
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_ISOLATED_MEMORY_MB;
  }

  /** Runs `job` on `input` in the thread. Rejects with the job's own error, or {@link IsolatedJobError}. */
  run<J extends JobName>(job: J, input: JobInput<J>, options: RunOptions = {}): Promise<JobOutput<J>> {
    const run = this.queue.then(() => this.start(job, input, options));
    this.queue = run.catch(() => undefined);
    return run as Promise<JobOutput<J>>;
  }

  /** Stops the thread (a job in progress rejects as crashed). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker !== null) return this.worker;
    const script = resolveWorkerScript(this.options.workerFile, import.meta.url, ISOLATED_WORKER_NAMES);
    const source = workerSource(script);
    const worker = new Worker(source.filename, {
      eval: source.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
    });
    // An idle isolated thread must never keep a process (the CLI, a test) alive.
    worker.unref();
    let failure: IsolatedJobError | null = null;
    worker.on('message', (reply: JobReply | JobPiece | JobItems) => {
      const pending = this.pending;
      if (pending === null || pending.worker !== worker || reply.id !== pending.id) return;
      if ('piece' in reply || 'items' in reply) {
        // A piece of a long string or a slice of a long list of the output: kept, and the next one
        // asked for after this turn of the event loop (not at once: a quick answer would be read in
        // the same turn), so calls waiting here are answered between any two.
        if ('piece' in reply) ((pending.long[reply.of] ??= []) as string[]).push(reply.piece);
        else {
          const list = (pending.lists[reply.of] ??= { items: [], nested: reply.nested });
          for (const item of reply.items) list.items.push(item);
        }
        pending.onPiece?.();
        setImmediate(() => {
          if (this.pending === pending) worker.postMessage({ ack: reply.id } satisfies PieceAck);
        });
        return;
      }
      this.settle(pending);
      if (reply.ok) {
        const long: LongValue[] = [];
        pending.long.forEach((pieces, of) => (long[of] = pieces.length === 1 ? pieces[0]! : pieces.join('')));
        pending.lists.forEach((list, of) => (long[of] = list));
        pending.resolve(joinLongStrings(reply.output, long));
      } else pending.reject(rebuild(reply.error));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new IsolatedJobError('memory', `it needed more than the ${this.maxMemoryMb} MB of memory allowed`)
          : new IsolatedJobError('crashed', `it stopped after an internal error (${error.message})`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      const pending = this.pending;
      if (pending === null || pending.worker !== worker) return;
      this.settle(pending);
      pending.reject(failure ?? new IsolatedJobError('crashed', `its thread stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(pending: Pending): void {
    clearTimeout(pending.timer);
    this.pending = null;
    if (this.worker !== null && this.pending === null) this.worker.unref();
  }

  private start(job: string, input: unknown, options: RunOptions): Promise<unknown> {
    const worker = this.thread();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const pending: Pending = {
        id,
        worker,
        resolve,
        reject,
        timer: undefined,
        long: [],
        lists: [],
        onPiece: options.onPiece,
      };
      this.pending = pending;
      // Working: the thread keeps the process alive until the job is done.
      worker.ref();
      if (options.timeoutMs !== undefined) {
        const limit = options.timeoutMs;
        pending.timer = setTimeout(() => {
          if (this.pending !== pending) return;
          this.settle(pending);
          this.worker = null;
          void worker.terminate();
          reject(
            new IsolatedJobError('timeout', `it did not finish within ${seconds(limit)}, so it was stopped`),
          );
        }, limit);
      }
      try {
        worker.postMessage({ id, job, input }, [...(options.transfer ?? [])]);
      } catch (error) {
        this.settle(pending);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}

/** Runs one job in a worker of its own, which is stopped afterwards (its memory goes with it). */
export async function runIsolated<J extends JobName>(
  job: J,
  input: JobInput<J>,
  options: RunOptions & IsolatedWorkerOptions = {},
): Promise<JobOutput<J>> {
  const worker = new IsolatedWorker(options);
  try {
    return await worker.run(job, input, options);
  } finally {
    await worker.close();
  }
}
