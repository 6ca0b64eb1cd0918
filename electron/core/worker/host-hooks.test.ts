/**
 * The host hooks across a real worker thread: the core (in its worker) calls the host's fake
 * `fetchPage` over the message port, and the page it returns goes through the whole clip pipeline.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { PNG_1X1, startTestServer, type TestServer } from '../clip/test-server';
import type { RenderedPage } from '../context';
import { makeTempDir } from '../testing/temp-dir';
import { startCoreWorker, type CoreWorker } from './client';
import { createHookCaller, providedHooks, serveHookCall } from './host-hooks';
import { parseWorkerData } from './protocol';

const ENTRY = path.join(import.meta.dirname, 'entry.ts');

let temp: ReturnType<typeof makeTempDir>;
let core: CoreWorker | undefined;
let server: TestServer | undefined;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  await server?.close();
  server = undefined;
  temp.remove();
});

const SENTENCE = 'The harbour board approved the new ferry timetable after a long night of talks. ';
/** What the page looks like once its scripts ran: Node's fetch would only see the empty shell. */
const RENDERED = `<html lang="en"><head><title>Ferry timetable approved</title></head><body><article>
  <h1>Ferry timetable approved</h1><p>${SENTENCE.repeat(6)}</p><img src="/img/ferry.png" alt="Ferry">
  <p>${SENTENCE.repeat(6)}</p></article></body></html>`;
const SHELL = '<html><head><title>Loading</title></head><body><div id="app"></div></body></html>';

describe('fetchPage hook through the core worker', () => {
  it('renders through the host, then extracts, sanitizes and localises images as usual', async () => {
    server = await startTestServer({
      '/story': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(SHELL),
      '/img/ferry.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1X1),
    });
    const finalUrl = `${server.url}/story?page=1`;
    const fetchPage = vi.fn(async (_url: string): Promise<RenderedPage> => ({
      html: RENDERED,
      finalUrl,
      contentType: 'text/html',
    }));
    core = await startCoreWorker({
      dataDir: temp.dir,
      host: 'test',
      workerFile: ENTRY,
      hostHooks: { fetchPage },
    });
    // The test server's images are on 127.0.0.1: allowed on purpose, as an intranet host would be.
    await core.setClipNetworkSettings({ allowedLocalHosts: ['127.0.0.1'] });
    const result = await core.clipUrl({ url: 'https://short.example/ferry' });
    expect(fetchPage).toHaveBeenCalledWith('https://short.example/ferry', { allowedHosts: ['127.0.0.1'] });
    if (result.status === 'duplicate') throw new Error('expected a new source');
    expect(result.source.title).toBe('Ferry timetable approved');
    expect(result.source.url).toBe(finalUrl);
    const source = await core.getSource(result.source.id);
    expect(source.plainText).toContain('harbour board approved');
    // The image was resolved against the final URL and downloaded into the store by Node.
    expect(source.html).toContain('data:image/png;base64,');
    expect(server.requests).toEqual(['/img/ferry.png']);
  });

  it("turns the host's failure into CLIP_FAILED and stores nothing", async () => {
    const fetchPage = vi.fn(() =>
      Promise.reject(new Error('https://x.example/ could not be fetched: no complete answer within 30 s.')),
    );
    core = await startCoreWorker({
      dataDir: temp.dir,
      host: 'test',
      workerFile: ENTRY,
      hostHooks: { fetchPage },
    });
    const error: unknown = await core.clipUrl({ url: 'https://x.example/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'CLIP_FAILED',
      message: 'https://x.example/ could not be fetched: no complete answer within 30 s.',
      details: { reason: 'FETCH_FAILED' },
    });
    expect((await core.listSources()).total).toBe(0);
  });

  it('without the hook the worker fetches with Node', async () => {
    server = await startTestServer({
      '/story': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(RENDERED),
      '/img/ferry.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1X1),
    });
    core = await startCoreWorker({ dataDir: temp.dir, host: 'test', workerFile: ENTRY });
    await core.setClipNetworkSettings({ allowedLocalHosts: ['127.0.0.1'] });
    const result = await core.clipUrl({ url: `${server.url}/story` });
    expect(result.status).toBe('created');
    expect(server.requests).toEqual(['/story', '/img/ferry.png']);
  });
});

describe('hook messages', () => {
  it('names only the hooks a host provides, and the worker data carries them', () => {
    expect(providedHooks(undefined)).toEqual([]);
    expect(providedHooks({ fetchPage: async () => ({ html: '', finalUrl: '', contentType: '' }) })).toEqual([
      'fetchPage',
    ]);
    expect(parseWorkerData({ dataDir: '/d', host: 'test' })).toEqual({
      dataDir: '/d',
      host: 'test',
      hostHooks: [],
    });
    expect(parseWorkerData({ dataDir: '/d', host: 'test', hostHooks: ['fetchPage'] })?.hostHooks).toEqual([
      'fetchPage',
    ]);
    expect(parseWorkerData({ dataDir: '/d', host: 'test', hostHooks: ['readFile'] })).toBeUndefined();
  });

  it('answers every call, even for a hook the host lacks or with bad arguments', async () => {
    const posted: unknown[] = [];
    const worker = { postMessage: (message: unknown) => void posted.push(message) };
    await serveHookCall(worker, undefined, {
      type: 'hook-call',
      id: 1,
      hook: 'fetchPage',
      args: ['https://a/'],
    });
    await serveHookCall(
      worker,
      { fetchPage: vi.fn() },
      { type: 'hook-call', id: 2, hook: 'fetchPage', args: [42] },
    );
    expect(posted).toEqual([
      { type: 'hook-reply', id: 1, ok: false, error: { message: expect.stringContaining('does not offer') } },
      { type: 'hook-reply', id: 2, ok: false, error: { message: 'fetchPage needs a URL.' } },
    ]);
  });

  it('the worker side refuses an answer that is not a page, and settles waiting calls on close', async () => {
    const sent: { id: number }[] = [];
    const caller = createHookCaller({ postMessage: (m: { id: number }) => void sent.push(m) }, ['fetchPage']);
    const odd = caller.hooks.fetchPage!('https://a.example/', { allowedHosts: [] });
    caller.deliver({ type: 'hook-reply', id: sent[0]!.id, ok: true, result: { html: 1 } });
    await expect(odd).rejects.toThrow('not a page');
    const waiting = caller.hooks.fetchPage!('https://b.example/', { allowedHosts: [] });
    caller.abandon('closing');
    await expect(waiting).rejects.toThrow('closing');
    expect(createHookCaller({ postMessage: () => undefined }, []).hooks.fetchPage).toBeUndefined();
  });
});
