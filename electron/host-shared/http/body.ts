/** Reading request bodies safely: JSON only, with a size limit, so a huge or odd post costs nothing. */
import type { IncomingMessage } from 'node:http';

/** True when the request's media type is application/json (parameters such as charset allowed). */
export function isJsonRequest(req: IncomingMessage): boolean {
  return req.headers['content-type']?.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * Reads the body up to `limit` bytes. Resolves `'too-large'` as soon as the declared or received size
 * exceeds the limit; the rest of the body is then discarded, never buffered.
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
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolvePromise('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolvePromise(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
