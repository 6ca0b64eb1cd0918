/** Reading request bodies safely: JSON only, with a size limit, so a huge or odd post costs nothing. */
import type { IncomingMessage } from 'node:http';

/** True when the request's media type is application/json (parameters such as charset allowed). */
export function isJsonRequest(req: IncomingMessage): boolean {
  return req.headers['content-type']?.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * Reads the body up to `limit` bytes. Resolves `'too-large'` as soon as the declared or received size
 * exceeds the limit; the rest of the body is then discarded, never buffered.
 *
 * A body whose length is declared is copied into one buffer of that size as it arrives, a piece per
 * network read: a 45 MB clip is then never joined in one go (which held this thread for about 0.1 s),
 * and the buffer is one that can be handed to another thread without a copy.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolvePromise('too-large');
      return;
    }
    // Node checks the declared length against what arrives (more is a parse error, less never ends).
    const whole =
      Number.isInteger(declared) && declared > PREALLOCATE_ABOVE
        ? Buffer.from(new ArrayBuffer(declared))
        : null;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      if (whole !== null && size + chunk.length <= whole.length) {
        whole.set(chunk, size);
        size += chunk.length;
        return;
      }
      size += chunk.length;
      if (size > limit || whole !== null) {
        tooLarge = true;
        chunks.length = 0;
        resolvePromise('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return;
      resolvePromise(whole !== null ? whole.subarray(0, size) : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Declared bodies above this many bytes are copied into one buffer as they arrive. */
const PREALLOCATE_ABOVE = 64 * 1024;
