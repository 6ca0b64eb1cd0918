/**
 * Entry point of an isolated worker thread (bundled as `out/main/isolated-worker.js`): runs the jobs
 * it is sent (jobs.ts), one at a time, and answers each with its output or its error. The thread is
 * the unit of isolation: the runner can stop it (a time bound) and caps its heap (a memory bound)
 * without touching the thread that asked.
 */
import { parentPort } from 'node:worker_threads';
import { runJob } from './jobs';
import {
  ALONE_ITEMS,
  piecesOf,
  splitLongStrings,
  type JobItems,
  type JobPiece,
  type LongValue,
  type JobReply,
  type JobRequest,
  type PieceAck,
  type SerializedJobError,
} from './protocol';

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

/** Resolves when the asking thread has read the last piece sent. */
let acknowledged: (() => void) | null = null;

/** Posts one message of a long value and resolves once the asking thread has read it. */
function sendRead(message: JobPiece | JobItems): Promise<void> {
  const read = new Promise<void>((resolve) => (acknowledged = resolve));
  port!.postMessage(message);
  return read;
}

/**
 * Sends the output's long strings piece by piece and long lists a slice of items at a time, each
 * message after the previous one was read, then the rest.
 */
async function reply(id: number, output: unknown): Promise<void> {
  const long: LongValue[] = [];
  const skeleton = splitLongStrings(output, long);
  for (let of = 0; of < long.length; of++) {
    const value = long[of]!;
    if (typeof value === 'string') {
      for (const piece of piecesOf(value)) await sendRead({ id, of, piece });
    } else {
      for (let start = 0; start < value.items.length; start += ALONE_ITEMS) {
        const items = value.items.slice(start, start + ALONE_ITEMS);
        await sendRead({ id, of, items, nested: value.nested });
      }
    }
    long[of] = '';
  }
  port!.postMessage({ id, ok: true, output: skeleton } satisfies JobReply);
}

port.on('message', (message: JobRequest | PieceAck) => {
  if ('ack' in message) {
    const resolve = acknowledged;
    acknowledged = null;
    resolve?.();
    return;
  }
  let output: unknown;
  try {
    output = runJob(message.job, message.input);
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: serialize(error) } satisfies JobReply);
    return;
  }
  void reply(message.id, output);
});
