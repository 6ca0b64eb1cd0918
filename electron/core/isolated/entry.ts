/**
 * Entry point of an isolated worker thread (bundled as `out/main/isolated-worker.js`): runs the jobs
 * it is sent (jobs.ts), one at a time, and answers each with its output or its error. The thread is
 * the unit of isolation: the runner can stop it (a time bound) and caps its heap (a memory bound)
 * without touching the thread that asked.
 */
import { parentPort } from 'node:worker_threads';
import { runJob } from './jobs';
import type { JobReply, JobRequest, SerializedJobError } from './protocol';

function serialize(error: unknown): SerializedJobError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, details, file } = error as { code?: unknown; details?: unknown; file?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof file === 'string' ? { file } : {}),
    ...(details !== null && typeof details === 'object'
      ? { details: details as Record<string, unknown> }
      : {}),
  };
}

const port = parentPort;
if (port === null) throw new Error('The isolated worker must be started as a worker thread.');
port.on('message', (request: JobRequest) => {
  let reply: JobReply;
  try {
    reply = { id: request.id, ok: true, output: runJob(request.job, request.input) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: serialize(error) };
  }
  port.postMessage(reply);
});
