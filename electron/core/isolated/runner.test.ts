import { afterEach, describe, expect, it } from 'vitest';
import { isClipError } from '../clip/errors';
import { extractArticle } from '../extract';
import { inPieces, preparePaste } from '../library/prepare';
import {
  ALONE_CHARS,
  ALONE_ITEMS,
  PIECE_CHARS,
  joinLongStrings,
  piecesOf,
  splitLongStrings,
  type LongValue,
} from './protocol';
import { IsolatedJobError, IsolatedWorker, runIsolated } from './runner';

const TEXT = '“We are ready,” Nora Field said on Thursday in Oslo.\n';

/** Counts the turns of this thread's event loop until stopped. */
function countTurns(): { readonly now: number; stop(): Promise<void> } {
  let now = 0;
  let done = false;
  const turning = (async () => {
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      now += 1;
    }
  })();
  return {
    get now() {
      return now;
    },
    stop: async () => {
      done = true;
      await turning;
    },
  };
}

let worker: IsolatedWorker | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the job to fail');
    },
    (error: unknown) => error,
  );
}

describe('an isolated job', () => {
  it('gives what running it in place gives', async () => {
    const input = { text: TEXT, published: '2025-03-14' };
    expect(await runIsolated('extract', input)).toEqual(extractArticle(TEXT, { published: '2025-03-14' }));
  });

  it("rethrows the job's own error with its type and code", async () => {
    const error = await failure(runIsolated('prepare-paste', { html: '   ' }));
    expect(isClipError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('EMPTY');
  });

  it('is stopped at its time bound, and the next job gets a fresh thread', async () => {
    worker = new IsolatedWorker();
    // No thread starts and answers within a microsecond: the bound is always passed.
    const stopped = await failure(worker.run('extract', { text: TEXT }, { timeoutMs: 0.001 }));
    expect(stopped).toBeInstanceOf(IsolatedJobError);
    expect((stopped as IsolatedJobError).reason).toBe('timeout');
    expect((stopped as Error).message).toMatch(/did not finish within .*, so it was stopped/);
    const again = await worker.run('extract', { text: TEXT, published: '2025-03-14' });
    expect(again.quotes[0]?.speaker).toBe('Nora Field');
  });

  it('ends with a memory error when it needs more than its bound, without harm to this thread', async () => {
    // 40 MB of text to clip in a thread allowed 64 MB of heap: the page alone is twice that in UTF-16.
    const html = `<html><body><article>${'<p>Ünïcödé words of a long article.</p>'.repeat(1_000_000)}</article></body></html>`;
    const error = await failure(runIsolated('prepare-paste', { html }, { maxMemoryMb: 64 }));
    expect(error).toBeInstanceOf(IsolatedJobError);
    expect((error as IsolatedJobError).reason).toBe('memory');
    expect((error as Error).message).toBe('it needed more than the 64 MB of memory allowed');
    expect(await runIsolated('extract', { text: TEXT })).toHaveProperty('quotes');
  }, 120_000);

  it('runs jobs one after another on one worker', async () => {
    worker = new IsolatedWorker();
    const texts = ['“One,” Ann Lee said.\n', '“Two,” Bo Kim said.\n', '“Three,” Cy Ma said.\n'];
    const results = await Promise.all(texts.map((text) => worker!.run('extract', { text })));
    expect(results.map((r) => r.quotes[0]?.speaker)).toEqual(['Ann Lee', 'Bo Kim', 'Cy Ma']);
  });

  it('returns long strings in pieces, between which this thread answers other work', async () => {
    // A page whose prepared clip holds strings of several pieces each.
    const html = `<html><head><title>Long</title></head><body><article><h1>Long</h1>${'<p>Words of a long article, “quoted,” Ann Lee said.</p>'.repeat(60_000)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(2 * PIECE_CHARS);
    // The turn of this thread's event loop each piece arrived in.
    const turns = countTurns();
    const arrivals: number[] = [];
    try {
      const isolated = await runIsolated(
        'prepare-paste',
        { html },
        { onPiece: () => arrivals.push(turns.now) },
      );
      // A long article comes back in the parts it is stored in.
      expect(isolated.pieces?.text.length).toBeGreaterThan(1);
      expect(isolated).toEqual(inPieces(preparePaste({ html })));
    } finally {
      await turns.stop();
    }
    // The text and the HTML twice, each in several parts, each part in a message of its own.
    expect(arrivals.length).toBeGreaterThanOrEqual(6);
    // Each piece came in a turn of its own: other work ran between any two.
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]).toBeGreaterThan(arrivals[i - 1]!);
  }, 120_000);
  it('returns long lists a slice at a time, between which this thread answers other work', async () => {
    const text = Array.from({ length: 700 }, (_, i) => `“Point ${i} stands,” Ann Lee said on day ${i}.`).join(
      '\n\n',
    );
    const turns = countTurns();
    const arrivals: number[] = [];
    try {
      const isolated = await runIsolated('extract', { text }, { onPiece: () => arrivals.push(turns.now) });
      expect(isolated.quotes.length).toBeGreaterThan(2 * ALONE_ITEMS);
      expect(isolated).toEqual(extractArticle(text));
    } finally {
      await turns.stop();
    }
    // Quotes, dates and the person's mentions each in several slices.
    expect(arrivals.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]).toBeGreaterThan(arrivals[i - 1]!);
  }, 120_000);
});

describe('long strings of an output', () => {
  it('are taken out and put back where they were, other values unchanged', () => {
    const long = 'x'.repeat(PIECE_CHARS + 5);
    const value = { a: long, b: [1, 'short', { c: long, d: null }], e: true, pieces: 3 };
    const taken: string[] = [];
    const skeleton = splitLongStrings(value, taken);
    expect(taken).toEqual([long, long]);
    expect(JSON.stringify(skeleton).length).toBeLessThan(300);
    expect(joinLongStrings(skeleton, taken)).toEqual(value);
  });

  it('take long lists out too, their long strings with them, and put all back', () => {
    const long = 'y'.repeat(ALONE_CHARS + 1);
    const list = Array.from({ length: ALONE_ITEMS + 3 }, (_, i) => ({ n: i, s: i === 7 ? long : 'short' }));
    const plain = Array.from({ length: ALONE_ITEMS * 2 }, (_, i) => [i, i + 1]);
    const value = { list, plain, small: [1, 2, 3], text: long };
    const taken: LongValue[] = [];
    const skeleton = splitLongStrings(value, taken);
    expect(JSON.stringify(skeleton).length).toBeLessThan(200);
    // The list holding a long string says so; the plain one is handed back as it arrived.
    expect(taken.map((t) => (typeof t === 'string' ? 'string' : t.nested))).toEqual([
      true,
      'string',
      false,
      'string',
    ]);
    expect(joinLongStrings(skeleton, taken)).toEqual(value);
    // What holds no long value is sent as it is, not copied first.
    expect((skeleton as { small: unknown }).small).toBe(value.small);
    expect((taken[2] as { items: unknown[] }).items).toBe(plain);
    const quotes = Array.from({ length: ALONE_ITEMS * 3 }, (_, i) => ({ span: [i, i + 1], text: 'q' }));
    const counts = { quotes, people: [{ name: 'Ann Lee' }] };
    const none: LongValue[] = [];
    const sent = splitLongStrings(counts, none) as { people: unknown };
    expect(sent.people).toBe(counts.people);
    expect((none[0] as { items: unknown[] }).items[5]).toBe(quotes[5]);
  });

  it('are cut into pieces that join back, no surrogate pair split', () => {
    const text = `a${'😀'.repeat(PIECE_CHARS)}`;
    const pieces = piecesOf(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBe(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(PIECE_CHARS);
    for (const piece of pieces.slice(1)) expect(piece.charCodeAt(0)).not.toBe(0xde00);
  });
});
