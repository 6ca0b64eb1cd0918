import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RenderedPage } from '../context';
import { isClipError } from './errors';
import { fetchArticlePage } from './fetch-page';
import { PAGE_FETCH_LIMITS } from './fetch-url';
import { LOCAL_TEST_POLICY, startTestServer, type TestServer } from './test-server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SERVED = '<html><body><p>Served to Node: the page before its scripts ran.</p></body></html>';
const RENDERED = '<html><head></head><body><p>Built by the page\u2019s scripts.</p></body></html>';

async function serve(): Promise<TestServer> {
  server = await startTestServer({
    '/story': (_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SERVED),
    '/notes.txt': (_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain notes.'),
  });
  return server;
}

async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isClipError(error)) throw new Error(`expected a ClipError, got ${String(error)}`);
  return error;
}

describe('fetchArticlePage', () => {
  it('without the host hook, fetches with Node (browser host, CLI)', async () => {
    const { url, requests } = await serve();
    const page = await fetchArticlePage(`${url}/story`, PAGE_FETCH_LIMITS, undefined, LOCAL_TEST_POLICY);
    expect(page.via).toBe('node');
    expect(Buffer.from(page.body as Uint8Array).toString('utf8')).toBe(SERVED);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(requests).toEqual(['/story']);
  });

  it('with the hook, clips what the browser rendered, against its final URL, and Node stays idle', async () => {
    const { url, requests } = await serve();
    const fetchPage = vi.fn(async (asked: string): Promise<RenderedPage> => ({
      html: RENDERED,
      finalUrl: `${asked}?from=redirect`,
      contentType: 'text/html',
    }));
    const page = await fetchArticlePage(`${url}/story`, PAGE_FETCH_LIMITS, fetchPage, LOCAL_TEST_POLICY);
    expect(fetchPage).toHaveBeenCalledWith(`${url}/story`, { allowedHosts: ['127.0.0.1'] });
    expect(page).toEqual({
      body: RENDERED,
      contentType: 'text/html; charset=utf-8',
      url: `${url}/story?from=redirect`,
      via: 'host',
    });
    expect(requests).toEqual([]);
  });

  it('falls back to Node when the browser shows no HTML page (plain text, a download)', async () => {
    const { url, requests } = await serve();
    const text = await fetchArticlePage(
      `${url}/notes.txt`,
      PAGE_FETCH_LIMITS,
      async (asked) => ({
        html: '<html><body><pre>Plain notes.</pre></body></html>',
        finalUrl: asked,
        contentType: 'text/plain',
      }),
      LOCAL_TEST_POLICY,
    );
    expect(text.via).toBe('node');
    expect(text.contentType).toBe('text/plain');
    const download = await fetchArticlePage(
      `${url}/story`,
      PAGE_FETCH_LIMITS,
      async (asked) => ({ html: '', finalUrl: asked, contentType: 'application/pdf' }),
      LOCAL_TEST_POLICY,
    );
    expect(download.via).toBe('node');
    expect(requests).toEqual(['/notes.txt', '/story']);
  });

  it("reports the host's failure as FETCH_FAILED with its sentence", async () => {
    const error = await failure(
      fetchArticlePage('https://gone.example/', PAGE_FETCH_LIMITS, () =>
        Promise.reject(
          new Error('https://gone.example/ could not be fetched: the server answered 404 Not Found.'),
        ),
      ),
    );
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toBe(
      'https://gone.example/ could not be fetched: the server answered 404 Not Found.',
    );
  });

  it('refuses a rendered page over the size limit', async () => {
    const limits = { ...PAGE_FETCH_LIMITS, maxBytes: 1024 };
    const error = await failure(
      fetchArticlePage('https://big.example/', limits, async (asked) => ({
        html: `<p>${'x'.repeat(2048)}</p>`,
        finalUrl: asked,
        contentType: 'text/html',
      })),
    );
    expect(error.message).toMatch(/larger than/);
  });

  it('never hands a non-web address to the host, and ignores a non-web final URL', async () => {
    const fetchPage = vi.fn(async (_asked: string): Promise<RenderedPage> => ({
      html: RENDERED,
      finalUrl: 'chrome-error://chromewebdata/',
      contentType: 'text/html',
    }));
    const error = await failure(fetchArticlePage('file:///etc/passwd', PAGE_FETCH_LIMITS, fetchPage));
    expect(error.message).toMatch(/only http:\/\/ and https:\/\//);
    expect(fetchPage).not.toHaveBeenCalled();
    const page = await fetchArticlePage('https://ok.example/a', PAGE_FETCH_LIMITS, fetchPage);
    expect(page.url).toBe('https://ok.example/a');
  });
});
