/**
 * Messages between the thread that asks for an isolated job (runner.ts) and the worker that runs it
 * (entry.ts). Errors cross as plain objects and are rebuilt on the other side with their type, so a
 * clipper's refusal (ClipError with its code) reads the same as if the job had run in place.
 */
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
