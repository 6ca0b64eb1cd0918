import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { ClipServer, MAX_CLIP_BODY_BYTES, type ClipEndpointHandlers, type EndpointClip } from './server';
import { pageHeaders, rawRequest, type RawResponse } from './testing';

const TOKEN = 'a'.repeat(64);
let server: ClipServer;
let clips: EndpointClip[];
let bodies: Uint8Array[];
let port: number;

beforeEach(async () => {
  clips = [];
  bodies = [];
  const handlers: ClipEndpointHandlers = {
    authorize: (token) => (token === TOKEN ? 'client-1' : null),
    pair: (code) => (code === 'GOOD-CODE' ? { token: TOKEN } : { refused: 'That code is not right.' }),
    clip: async (_client, clip) => {
      clips.push(clip);
      return { status: 'created', id: 'source-1', title: 'Stored' };
    },
    clipBody: async (_client, body) => {
      bodies.push(body);
      const value = JSON.parse(Buffer.from(body).toString('utf8')) as { html?: unknown };
      if (typeof value.html !== 'string')
        throw new ApiError('INVALID_ARGUMENT', 'The page to clip is missing.', { body: true });
      if (value.html.includes('unparseable')) throw new Error('The page could not be read.');
      return { status: 'created', id: 'source-2', title: 'Stored long' };
    },
  };
  server = await ClipServer.start(0, handlers);
  port = server.port;
});

afterEach(async () => {
  await server.stop();
});

const page = JSON.stringify({
  html: '<p>An article</p>',
  url: 'https://news.example/a',
  title: 'A',
  origin: 'https://news.example',
});

function expectNoCors(response: RawResponse): void {
  expect(response.headers['access-control-allow-origin']).toBeUndefined();
  expect(response.headers['access-control-allow-headers']).toBeUndefined();
}

describe('the clip endpoint accepts', () => {
  it('a clip from its own page with the token in the Authorization header', async () => {
    const response = await rawRequest(port, 'POST', '/clip', pageHeaders(port, TOKEN), page);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'created', id: 'source-1', title: 'Stored' });
    expect(clips).toEqual([
      {
        html: '<p>An article</p>',
        url: 'https://news.example/a',
        title: 'A',
        origin: 'https://news.example',
        onDuplicate: 'ask',
      },
    ]);
    expectNoCors(response);
  });

  it('a long clip as its body, unread here, for the core to read where it prepares it', async () => {
    const long = JSON.stringify({
      html: `<p>${'word '.repeat(300_000)}</p>`,
      url: 'https://news.example/b',
      origin: 'https://news.example',
    });
    const response = await rawRequest(port, 'POST', '/clip', pageHeaders(port, TOKEN), long);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'created', id: 'source-2', title: 'Stored long' });
    expect(clips).toEqual([]);
    expect(bodies.map((b) => Buffer.from(b).toString('utf8'))).toEqual([long]);
    // What the core refuses as no clip is answered as a short body is (400), its failures as 422.
    const noPage = await rawRequest(
      port,
      'POST',
      '/clip',
      pageHeaders(port, TOKEN),
      JSON.stringify({ title: 'x'.repeat(1_100_000) }),
    );
    expect(noPage.status).toBe(400);
    expect(noPage.json()).toEqual({ error: true, message: 'The page to clip is missing.' });
    const failed = await rawRequest(
      port,
      'POST',
      '/clip',
      pageHeaders(port, TOKEN),
      JSON.stringify({ html: `unparseable ${'x'.repeat(1_100_000)}` }),
    );
    expect(failed.status).toBe(422);
    expect(failed.json()).toEqual({ error: true, message: 'The page could not be read.' });
  });

  it('serves its page with a strict CSP and no secret in it', async () => {
    const response = await rawRequest(port, 'GET', '/');
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.body).not.toContain(TOKEN);
    expectNoCors(response);
  });

  it('pairs with the right code and refuses a wrong one', async () => {
    const good = await rawRequest(
      port,
      'POST',
      '/pair',
      pageHeaders(port),
      JSON.stringify({ code: 'GOOD-CODE' }),
    );
    expect(good.status).toBe(200);
    expect(good.json().token).toBe(TOKEN);
    const bad = await rawRequest(port, 'POST', '/pair', pageHeaders(port), JSON.stringify({ code: 'NOPE' }));
    expect(bad.status).toBe(403);
    expect(bad.json().message).toMatch(/not right/);
  });
});

describe('the clip endpoint refuses', () => {
  const refusals: [string, () => Promise<RawResponse>, number][] = [
    ['no token', () => rawRequest(port, 'POST', '/clip', pageHeaders(port), page), 401],
    ['a wrong token', () => rawRequest(port, 'POST', '/clip', pageHeaders(port, 'b'.repeat(64)), page), 401],
    [
      'the token in the query',
      () => rawRequest(port, 'POST', `/clip?token=${TOKEN}`, pageHeaders(port), page),
      400,
    ],
    [
      'the token in the query even with a valid header',
      () => rawRequest(port, 'POST', `/clip?token=${TOKEN}`, pageHeaders(port, TOKEN), page),
      400,
    ],
    [
      'a wrong Host (DNS rebinding)',
      () =>
        rawRequest(
          port,
          'POST',
          '/clip',
          { ...pageHeaders(port, TOKEN), Host: `evil.example:${port}` },
          page,
        ),
      421,
    ],
    [
      'a foreign Origin',
      () =>
        rawRequest(
          port,
          'POST',
          '/clip',
          { ...pageHeaders(port, TOKEN), Origin: 'https://evil.example' },
          page,
        ),
      403,
    ],
    [
      'a null Origin',
      () => rawRequest(port, 'POST', '/clip', { ...pageHeaders(port, TOKEN), Origin: 'null' }, page),
      403,
    ],
    [
      'a post without Origin',
      () => {
        const { Origin: _origin, ...headers } = pageHeaders(port, TOKEN);
        void _origin;
        return rawRequest(port, 'POST', '/clip', headers, page);
      },
      403,
    ],
    [
      'a text/plain post',
      () =>
        rawRequest(
          port,
          'POST',
          '/clip',
          { ...pageHeaders(port, TOKEN), 'Content-Type': 'text/plain' },
          page,
        ),
      415,
    ],
    [
      'a form post',
      () =>
        rawRequest(
          port,
          'POST',
          '/clip',
          { ...pageHeaders(port, TOKEN), 'Content-Type': 'application/x-www-form-urlencoded' },
          'html=%3Cp%3Ex%3C%2Fp%3E',
        ),
      415,
    ],
    [
      'a multipart form post',
      () =>
        rawRequest(
          port,
          'POST',
          '/clip',
          { ...pageHeaders(port, TOKEN), 'Content-Type': 'multipart/form-data; boundary=x' },
          '--x\r\nContent-Disposition: form-data; name="html"\r\n\r\n<p>x</p>\r\n--x--\r\n',
        ),
      415,
    ],
    [
      'an oversized body',
      () =>
        rawRequest(
          port,
          'POST',
          '/clip',
          pageHeaders(port, TOKEN),
          Buffer.alloc(MAX_CLIP_BODY_BYTES + 1024, 0x20),
        ),
      413,
    ],
    [
      'a CORS preflight',
      () =>
        rawRequest(port, 'OPTIONS', '/clip', {
          Origin: 'https://news.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
        }),
      405,
    ],
    [
      'an unknown path',
      () => rawRequest(port, 'POST', '/api/deleteNote', pageHeaders(port, TOKEN), '{}'),
      404,
    ],
    [
      'a body that is not a JSON object',
      () => rawRequest(port, 'POST', '/clip', pageHeaders(port, TOKEN), '[1]'),
      400,
    ],
  ];

  for (const [what, send, status] of refusals) {
    it(what, async () => {
      const response = await send();
      expect(response.status).toBe(status);
      expect(typeof response.json().message).toBe('string');
      expectNoCors(response);
      expect(clips).toEqual([]);
    });
  }
});
