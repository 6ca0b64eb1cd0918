import { afterEach, describe, expect, it } from 'vitest';
import { ClipError } from './errors';
import { fetchHttp, type FetchLimits } from './fetch-url';
import { LOCAL_TEST_POLICY, startTestServer, type TestServer } from './test-server';

const LIMITS: FetchLimits = { timeoutMs: 2_000, maxBytes: 1024 * 1024, maxRedirects: 3 };
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<ClipError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ClipError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchHttp', () => {
  it('follows redirects and reports the final URL and content type', async () => {
    server = await startTestServer({
      '/old': (_, res) => res.writeHead(301, { location: '/middle' }).end(),
      '/middle': (_, res) => res.writeHead(302, { location: `${server!.url}/page` }).end(),
      '/page': (_, res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>hi</p>'),
    });
    const fetched = await fetchHttp(`${server.url}/old`, LIMITS, undefined, LOCAL_TEST_POLICY);
    expect(fetched.url).toBe(`${server.url}/page`);
    expect(fetched.contentType).toBe('text/html; charset=utf-8');
    expect(Buffer.from(fetched.bytes).toString()).toBe('<p>hi</p>');
    expect(server.requests).toEqual(['/old', '/middle', '/page']);
  });

  it('stops after the redirect limit', async () => {
    server = await startTestServer({ '/loop': (_, res) => res.writeHead(302, { location: '/loop' }).end() });
    const error = await failure(fetchHttp(`${server.url}/loop`, LIMITS, undefined, LOCAL_TEST_POLICY));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/redirected more than 3 times/);
    expect(server.requests).toHaveLength(4);
  });

  it('refuses a redirect to a non-http scheme and non-http URLs', async () => {
    server = await startTestServer({
      '/evil': (_, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    });
    expect(
      (await failure(fetchHttp(`${server.url}/evil`, LIMITS, undefined, LOCAL_TEST_POLICY))).message,
    ).toMatch(/only http/);
    expect(
      (await failure(fetchHttp('ftp://example.com/a', LIMITS, undefined, LOCAL_TEST_POLICY))).message,
    ).toMatch(/only http/);
    expect((await failure(fetchHttp('not a url', LIMITS, undefined, LOCAL_TEST_POLICY))).message).toMatch(
      /not a valid address/,
    );
  });

  it('reports HTTP errors with their status', async () => {
    server = await startTestServer({});
    expect(
      (await failure(fetchHttp(`${server.url}/nope`, LIMITS, undefined, LOCAL_TEST_POLICY))).message,
    ).toMatch(/answered 404/);
  });

  it('refuses bodies over the size cap, declared or streamed', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x61);
    server = await startTestServer({
      '/declared': (_, res) => res.writeHead(200, { 'content-length': String(big.length) }).end(big),
      '/streamed': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }); // chunked: no length announced
        res.write(big.subarray(0, 1024 * 1024));
        res.end(big.subarray(1024 * 1024));
      },
    });
    expect(
      (await failure(fetchHttp(`${server.url}/declared`, LIMITS, undefined, LOCAL_TEST_POLICY))).message,
    ).toMatch(/larger than 1 MB/);
    expect(
      (await failure(fetchHttp(`${server.url}/streamed`, LIMITS, undefined, LOCAL_TEST_POLICY))).message,
    ).toMatch(/larger than 1 MB/);
  });

  it('gives up on a server that never finishes', async () => {
    server = await startTestServer({
      '/slow': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>start'); // and never end
      },
    });
    const error = await failure(
      fetchHttp(`${server.url}/slow`, { ...LIMITS, timeoutMs: 300 }, undefined, LOCAL_TEST_POLICY),
    );
    expect(error.message).toMatch(/no complete answer within/);
  });

  it('says when nothing listens', async () => {
    server = await startTestServer({});
    const url = server.url;
    await server.close();
    server = undefined;
    expect((await failure(fetchHttp(`${url}/`, LIMITS, undefined, LOCAL_TEST_POLICY))).message).toMatch(
      /refused the connection/,
    );
  });
});
