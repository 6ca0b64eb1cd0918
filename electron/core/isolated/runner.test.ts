import { afterEach, describe, expect, it } from 'vitest';
import { isClipError } from '../clip/errors';
import { extractArticle } from '../extract';
import { IsolatedJobError, IsolatedWorker, runIsolated } from './runner';

const TEXT = '“We are ready,” Nora Field said on Thursday in Oslo.\n';

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
});
