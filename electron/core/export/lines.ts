/** Reading a file line by line, synchronously and in chunks, so a large export never sits in memory whole. */
import fs from 'node:fs';

const CHUNK = 1 << 20;

/** The lines of the UTF-8 file `file`, without their "\n" (or "\r\n"). */
export function* readLinesSync(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let pending: Buffer[] = [];
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      let start = 0;
      for (let i = 0; i < read; i++) {
        if (buffer[i] !== 0x0a) continue;
        pending.push(buffer.subarray(start, i));
        yield lineOf(pending);
        pending = [];
        start = i + 1;
      }
      // Copied: the buffer is reused for the next chunk.
      if (start < read) pending.push(Buffer.from(buffer.subarray(start, read)));
    }
    if (pending.length > 0) yield lineOf(pending);
  } finally {
    fs.closeSync(fd);
  }
}

function lineOf(parts: Buffer[]): string {
  const text = Buffer.concat(parts).toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
