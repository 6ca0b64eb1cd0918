import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Agent, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import type { RpcOutcome } from '../../shared/rpc';
import type { CallCore } from './api-route';
import type { WebHost } from './server';
import { createHttpHost, type HttpHost } from './http-host';
import { CONTENT_SECURITY_POLICY } from './security';
import { injectToken } from './static-files';

const WORKER_ENTRY = resolve(import.meta.dirname, '../core/worker/entry.ts');
const TOKEN = 'a'.repeat(64);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Call {
  method?: string;
  path?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** Leave the Host header out entirely. */
  noHost?: boolean;
}

/** One HTTP request with full control over headers (fetch forbids setting Host). */
function send(port: number, call: Call = {}): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const headers: OutgoingHttpHeaders = { host: `127.0.0.1:${port}`, ...call.headers };
    if (call.noHost) delete headers.host;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: call.method ?? 'GET',
        path: call.path ?? '/',
        headers,
        setHost: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    // A server that refuses a large body may close before we finish sending; the answer still counts.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.end(call.body);
  });
}

/** POST /api/<method> with the token and a JSON body. */
function api(
  port: number,
  method: string,
  args: unknown[],
  headers: OutgoingHttpHeaders = {},
): Promise<Answer> {
  return send(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify({ args }),
  });
}

function outcome(answer: Answer): RpcOutcome {
  return JSON.parse(answer.body) as RpcOutcome;
}

function expectSecurityHeaders(answer: Answer): void {
  expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
  expect(answer.headers['access-control-allow-origin']).toBeUndefined();
}

/** A temp folder with a tiny renderer build and a secret file beside it. */
function fixture(): { root: string; rendererDir: string; dataDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'dossier-web-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Dossier</title></head><body><div id="root"></div>' +
      '<script type="module" src="/assets/app.js"></script></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("hi");');
  writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body { margin: 0 }');
  writeFileSync(join(rendererDir, 'assets', 'index-DzgcVRh6.js'), 'console.log("built");');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  return { root, rendererDir, dataDir };
}

/** A stand-in for the core worker, so the HTTP layer is tested on its own; records what reached it. */
function fakeCore(): { call: CallCore; calls: Array<{ method: string; args: unknown[] }> } {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const notes = new Map<string, { id: string; title: string }>();
  const call: CallCore = async (method, args) => {
    calls.push({ method, args });
    if (method === 'createNote') {
      const note = {
        id: `n${notes.size + 1}`,
        title: (args[0] as { title?: string } | undefined)?.title ?? '',
      };
      notes.set(note.id, note);
      return { ok: true, result: note };
    }
    if (method === 'getNote') {
      const note = notes.get(args[0] as string);
      return note
        ? { ok: true, result: note }
        : { ok: false, error: new ApiError('NOT_FOUND', 'No such note.').toJSON() };
    }
    return { ok: true, result: null };
  };
  return { call, calls };
}

describe('injectToken', () => {
  it('puts the meta tag at the start of <head>, attributes or not', () => {
    expect(injectToken('<html><head lang="en"><title>x</title></head></html>', 'abc')).toContain(
      '<head lang="en">\n    <meta name="dossier-token" content="abc"><title>',
    );
    expect(injectToken('<p>no head</p>', 'abc')).toMatch(/^<meta name="dossier-token" content="abc">/);
  });
});

describe('the HTTP host (fake core)', () => {
  let dirs: ReturnType<typeof fixture>;
  let host: HttpHost;
  let core: ReturnType<typeof fakeCore>;

  beforeAll(async () => {
    dirs = fixture();
    core = fakeCore();
    host = await createHttpHost({
      call: core.call,
      rendererDir: dirs.rendererDir,
      token: TOKEN,
      maxBodyBytes: 1024,
    });
  });
  afterAll(async () => {
    await host.close();
    rmSync(dirs.root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and reports its URL', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.port).toBeGreaterThan(0);
  });

  it('serves index.html with the token meta tag, the CSP and no-store', async () => {
    const answer = await send(host.port);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain(`<meta name="dossier-token" content="${TOKEN}">`);
    expect(answer.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(answer);
    const byName = await send(host.port, {
      path: '/index.html?x=1',
      headers: { host: `localhost:${host.port}` },
    });
    expect(byName.body).toContain(TOKEN);
  });

  it('serves assets with their content types, and answers HEAD without a body', async () => {
    const js = await send(host.port, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("hi");');
    expectSecurityHeaders(js);
    expect((await send(host.port, { path: '/assets/style.css' })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    const head = await send(host.port, { method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('lets the browser keep hashed build assets for good, and asks again for anything else', async () => {
    const built = await send(host.port, { path: '/assets/index-DzgcVRh6.js' });
    expect(built.status).toBe(200);
    expect(built.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await send(host.port, { path: '/assets/app.js' })).headers['cache-control']).toBe('no-cache');
    expect((await send(host.port, { path: '/' })).headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for missing files and folders, 405 for other methods', async () => {
    expect((await send(host.port, { path: '/nope.js' })).status).toBe(404);
    expect((await send(host.port, { path: '/assets' })).status).toBe(404);
    expect((await send(host.port, { path: '/assets/' })).status).toBe(404);
    expect((await send(host.port, { method: 'DELETE', path: '/index.html' })).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/%',
    '/assets/link.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    'http://evil.example/../secret.txt',
  ])('never serves a file outside the renderer: %s', async (path) => {
    const answer = await send(host.port, { path });
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('SECRET');
    expectSecurityHeaders(answer);
  });

  it.each(['evil.example', `evil.example:PORT`, '127.0.0.1', '127.0.0.1:1', `localhost.evil.example:PORT`])(
    'refuses a foreign Host header (%s) on static files and the API',
    async (hostHeader) => {
      const headers = { host: hostHeader.replace('PORT', String(host.port)) };
      const page = await send(host.port, { headers });
      expect(page.status).toBe(421);
      expect(page.body).not.toContain(TOKEN);
      expectSecurityHeaders(page);
      const call = await api(host.port, 'createNote', [], headers);
      expect(call.status).toBe(421);
    },
  );

  it('refuses a request without a Host header', async () => {
    // Node itself answers 400 to an HTTP/1.1 request without Host; either way nothing is served.
    const answer = await send(host.port, { noHost: true });
    expect([400, 421]).toContain(answer.status);
    expect(answer.body).not.toContain(TOKEN);
  });

  it.each([
    'http://evil.example',
    `http://evil.example:PORT`,
    'null',
    'https://127.0.0.1:PORT',
    'http://127.0.0.1:1',
  ])('refuses a foreign Origin (%s) on static files and the API', async (origin) => {
    const headers = { origin: origin.replace('PORT', String(host.port)) };
    const page = await send(host.port, { headers });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(TOKEN);
    const before = core.calls.length;
    const call = await api(host.port, 'createNote', [], headers);
    expect(call.status).toBe(403);
    expect(core.calls.length).toBe(before);
  });

  it('accepts its own origin', async () => {
    const call = await api(host.port, 'createNote', [{ title: 'Own origin' }], {
      origin: `http://127.0.0.1:${host.port}`,
    });
    expect(call.status).toBe(200);
    const viaLocalhost = await api(host.port, 'createNote', [], {
      host: `localhost:${host.port}`,
      origin: `http://localhost:${host.port}`,
    });
    expect(viaLocalhost.status).toBe(200);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: `Bearer ${'b'.repeat(64)}` }],
    ['a shorter token', { authorization: `Bearer ${TOKEN.slice(1)}` }],
    ['the token without Bearer', { authorization: TOKEN }],
    ['another scheme', { authorization: `Basic ${TOKEN}` }],
  ])('answers 401 UNAUTHORIZED to %s, before the core sees anything', async (_label, auth) => {
    const before = core.calls.length;
    const answer = await send(host.port, {
      method: 'POST',
      path: '/api/createNote',
      headers: { 'content-type': 'application/json', ...auth },
      body: '{"args":[]}',
    });
    expect(answer.status).toBe(401);
    expect(outcome(answer)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(core.calls.length).toBe(before);
    expectSecurityHeaders(answer);
  });

  it('forwards a call with the token to the core and answers its outcome', async () => {
    const created = await api(host.port, 'createNote', [{ title: 'Hello' }]);
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(created.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(created);
    const note = outcome(created);
    expect(note).toMatchObject({ ok: true, result: { title: 'Hello' } });
    const id = (note as { result: { id: string } }).result.id;
    expect(outcome(await api(host.port, 'getNote', [id]))).toMatchObject({ ok: true, result: { id } });
    expect(outcome(await api(host.port, 'getNote', ['missing']))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('validates arguments before they reach the core', async () => {
    const before = core.calls.length;
    const answer = await api(host.port, 'getNote', [{ not: 'an id' }]);
    expect(answer.status).toBe(200);
    expect(outcome(answer)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(core.calls.length).toBe(before);
  });

  it('answers 404 for an unknown method (also for Object.prototype names)', async () => {
    for (const method of ['dropDatabase', 'constructor', '__proto__', '']) {
      const answer = await api(host.port, method, []);
      expect(answer.status).toBe(404);
      expect(outcome(answer)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('answers 415 to a body that is not declared as JSON', async () => {
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]) {
      const headers: OutgoingHttpHeaders = { authorization: `Bearer ${TOKEN}` };
      if (type) headers['content-type'] = type;
      const answer = await send(host.port, {
        method: 'POST',
        path: '/api/createNote',
        headers,
        body: '{"args":[]}',
      });
      expect(answer.status).toBe(415);
    }
    const withCharset = await api(host.port, 'createNote', [], {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(withCharset.status).toBe(200);
  });

  it('answers 400 INVALID_ARGUMENT to malformed JSON or a body without an args list', async () => {
    for (const body of ['{', '[]', '"x"', '{"args":{}}', '']) {
      const answer = await send(host.port, {
        method: 'POST',
        path: '/api/createNote',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body,
      });
      expect(answer.status).toBe(400);
      expect(outcome(answer)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
    const big = JSON.stringify({ args: [{ title: 'x'.repeat(4000) }] });
    const declared = await send(host.port, { method: 'POST', path: '/api/createNote', headers, body: big });
    expect(declared.status).toBe(413);
    const streamed = await new Promise<number>((resolvePromise, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/createNote',
          headers,
          agent: false,
        },
        (res) => {
          res.resume();
          resolvePromise(res.statusCode ?? 0);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      // No Content-Length: chunked, so only counting the bytes can catch it.
      for (let i = 0; i < 8; i++) req.write('x'.repeat(512));
      req.end();
    });
    expect(streamed).toBe(413);
  });

  it('hands a long clip to the core as its body, unparsed and in a buffer of its own; other calls parsed', async () => {
    const received: { method: string; body: Uint8Array; own: boolean }[] = [];
    const big = await createHttpHost({
      call: core.call,
      callWithBody: async (method, body) => {
        received.push({
          method,
          body,
          own: body.byteOffset === 0 && body.byteLength === body.buffer.byteLength,
        });
        return { ok: true, result: { bytes: body.byteLength } };
      },
      rendererDir: dirs.rendererDir,
      token: TOKEN,
      maxBodyBytes: 8 * 1024 * 1024,
    });
    try {
      const before = core.calls.length;
      const html = `<p>${'word '.repeat(300_000)}</p>`;
      const sent = JSON.stringify({ args: [{ html }] });
      const answer = await api(big.port, 'clipPaste', [{ html }]);
      expect(outcome(answer)).toEqual({ ok: true, result: { bytes: Buffer.byteLength(sent) } });
      expect(received).toHaveLength(1);
      expect(received[0]!.method).toBe('clipPaste');
      expect(Buffer.from(received[0]!.body).toString('utf8')).toBe(sent);
      expect(received[0]!.own).toBe(true);
      // Not parsed here: a body the core must refuse reaches it (it answers for it, see core/request-body.ts).
      const broken = await send(big.port, {
        method: 'POST',
        path: '/api/clipFile',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: `{"args":[{"name":"a.html","data":"${'A'.repeat(2_000_000)}`,
      });
      expect(broken.status).toBe(200);
      expect(received.map((r) => r.method)).toEqual(['clipPaste', 'clipFile']);
      // Short clips, and long calls of other methods, are parsed and checked here as always.
      await api(big.port, 'clipPaste', [{ html: '<p>short</p>' }]);
      expect(core.calls.slice(before).map((c) => c.method)).toEqual(['clipPaste']);
      // A long note title is refused by this route's own check, so it was parsed here.
      const long = await api(big.port, 'createNote', [{ title: 'x'.repeat(2_000_000) }]);
      expect(outcome(long)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(core.calls.length).toBe(before + 1);
      expect(received).toHaveLength(2);
    } finally {
      await big.close();
    }
  });

  it('answers 405 to API calls that are not POST', async () => {
    const answer = await send(host.port, {
      path: '/api/getAppInfo',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(answer.status).toBe(405);
  });

  it('makes a fresh 256-bit token per launch and closes with keep-alive connections open', async () => {
    const first = await createHttpHost({ call: core.call, rendererDir: dirs.rendererDir });
    const second = await createHttpHost({ call: core.call, rendererDir: dirs.rendererDir });
    expect(first.token).toMatch(/^[0-9a-f]{64}$/);
    expect(second.token).not.toBe(first.token);
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((done) =>
      httpRequest({ host: '127.0.0.1', port: first.port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', done);
      }).end(),
    );
    await first.close();
    await second.close();
    agent.destroy();
  });

  it('close() lets a call in flight (a save) finish before it resolves', async () => {
    let release: () => void = () => {};
    const slow: CallCore = (method) =>
      new Promise((done) => {
        release = () => done({ ok: true, result: method });
      });
    const slowHost = await createHttpHost({ call: slow, rendererDir: dirs.rendererDir, token: TOKEN });
    const answer = api(slowHost.port, 'createNote', []);
    await new Promise((wait) => setTimeout(wait, 50));
    let closed = false;
    const closing = slowHost.close().then(() => (closed = true));
    await new Promise((wait) => setTimeout(wait, 50));
    expect(closed).toBe(false);
    release();
    expect(outcome(await answer)).toEqual({ ok: true, result: 'createNote' });
    await closing;
    expect(closed).toBe(true);
  });

  it('takes any free port when asked to and the given one is taken', async () => {
    const other = await createHttpHost({
      call: core.call,
      rendererDir: dirs.rendererDir,
      port: host.port,
      anyPortIfTaken: true,
    });
    try {
      expect(other.port).not.toBe(host.port);
      expect((await send(other.port)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('rejects with a clear message when the port is taken', async () => {
    await expect(
      createHttpHost({ call: core.call, rendererDir: dirs.rendererDir, port: host.port }),
    ).rejects.toThrow(/already in use/);
  });
});

describe.runIf(existsSync(WORKER_ENTRY))('startWebHost with the real core worker', () => {
  let dirs: ReturnType<typeof fixture>;
  let close: (() => Promise<void>) | undefined;

  beforeAll(() => {
    dirs = fixture();
  });
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  afterAll(() => rmSync(dirs.root, { recursive: true, force: true }));

  /** The browser host on the real core worker, closed after the test. */
  async function realHost(): Promise<WebHost> {
    const { startWebHost } = await import('./server');
    const host = await startWebHost({
      dataDir: dirs.dataDir,
      rendererDir: dirs.rendererDir,
      workerFile: WORKER_ENTRY,
    });
    close = host.close;
    return host;
  }

  it('creates and reads back a note through the token-guarded API, and refuses foreign requests', async () => {
    const host = await realHost();
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    const page = await send(host.port);
    expect(page.body).toContain(`<meta name="dossier-token" content="${host.token}">`);
    expectSecurityHeaders(page);

    const call = (method: string, args: unknown[], headers: OutgoingHttpHeaders = {}): Promise<Answer> =>
      api(host.port, method, args, { authorization: `Bearer ${host.token}`, ...headers });

    expect((await api(host.port, 'createNote', [])).status).toBe(401); // the fixed test token is wrong here
    expect((await call('createNote', [], { host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await call('createNote', [], { origin: 'http://evil.example' })).status).toBe(403);

    const created = outcome(await call('createNote', [{ title: 'Ceasefire talks' }]));
    expect(created).toMatchObject({ ok: true, result: { title: 'Ceasefire talks', version: 1 } });
    const id = (created as { result: { id: string } }).result.id;
    expect(outcome(await call('getNote', [id]))).toMatchObject({
      ok: true,
      result: { id, title: 'Ceasefire talks' },
    });
    const info = outcome(await call('getAppInfo', []));
    expect(info).toMatchObject({ ok: true, result: { host: 'web', dataDir: dirs.dataDir } });
  });

  it("clips a long page sent over HTTP (read in the clip's worker) and refuses a broken one with 400", async () => {
    const host = await realHost();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${host.token}` };
    const paragraphs = Array.from(
      { length: 16_000 },
      (_, i) => `<p>The harbour council met for the ${i}th time to discuss the budget.</p>`,
    ).join('');
    const html = `<html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1>${paragraphs}</article></body></html>`;
    expect(html.length).toBeGreaterThan(1024 * 1024);
    const clipped = outcome(
      await send(host.port, {
        method: 'POST',
        path: '/api/clipPaste',
        headers,
        body: JSON.stringify({ args: [{ html, url: 'https://port.example/budget' }] }),
      }),
    );
    expect(clipped).toMatchObject({
      ok: true,
      result: { status: 'created', source: { title: 'Harbour budget' } },
    });
    const id = (clipped as { result: { source: { id: string } } }).result.source.id;
    const source = outcome(await api(host.port, 'getSource', [id], headers));
    expect((source as { result: { plainText: string } }).result.plainText).toContain('the 15999th time');

    const broken = await send(host.port, {
      method: 'POST',
      path: '/api/clipPaste',
      headers,
      body: `{"args":[{"html":"${'<p>cut off</p>'.repeat(100_000)}`,
    });
    expect(broken.status).toBe(400);
    expect(outcome(broken)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON.' },
    });
    const wrong = await send(host.port, {
      method: 'POST',
      path: '/api/clipPaste',
      headers,
      body: JSON.stringify({ args: [{ html: 12345, padding: 'x'.repeat(1_100_000) }] }),
    });
    expect(outcome(wrong)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const listed = outcome(await api(host.port, 'listSources', [], headers));
    expect((listed as { result: { total: number } }).result.total).toBe(1);
  }, 120_000);

  it('keeps notes across a restart on the same data folder', async () => {
    const { startWebHost } = await import('./server');
    const first = await startWebHost({
      dataDir: dirs.dataDir,
      rendererDir: dirs.rendererDir,
      workerFile: WORKER_ENTRY,
    });
    const auth = { authorization: `Bearer ${first.token}` };
    const created = outcome(await api(first.port, 'createNote', [{ title: 'Survives' }], auth));
    expect(created.ok).toBe(true);
    await first.close();
    const second = await startWebHost({
      dataDir: dirs.dataDir,
      rendererDir: dirs.rendererDir,
      workerFile: WORKER_ENTRY,
    });
    close = second.close;
    const listed = outcome(
      await api(second.port, 'listNotes', [], { authorization: `Bearer ${second.token}` }),
    );
    expect(JSON.stringify(listed)).toContain('Survives');
  });

  it('starts on a database written by a newer Dossier and reports it through getStartupState', async () => {
    const { startWebHost } = await import('./server');
    const dataDir = join(dirs.root, 'too-new');
    mkdirSync(dataDir);
    const db = new Database(join(dataDir, 'dossier.sqlite'));
    db.pragma('user_version = 9999');
    db.close();
    const host = await startWebHost({ dataDir, rendererDir: dirs.rendererDir, workerFile: WORKER_ENTRY });
    close = host.close;
    const auth = { authorization: `Bearer ${host.token}` };
    const state = outcome(await api(host.port, 'getStartupState', [], auth));
    expect(state).toMatchObject({ ok: true, result: { mode: 'problem', problem: { kind: 'too-new' } } });
    expect(outcome(await api(host.port, 'listNotes', [], auth))).toMatchObject({
      ok: false,
      error: { code: 'DB_TOO_NEW' },
    });
  });

  it('listens before the notebook is open; calls wait for it, and a worker that cannot start fails them', async () => {
    const { startWebHost } = await import('./server');
    const host = await startWebHost({
      dataDir: dirs.dataDir,
      rendererDir: dirs.rendererDir,
      workerFile: join(dirs.root, 'no-such-worker.js'),
    });
    close = host.close;
    // The page is served even though no notebook will open.
    expect((await send(host.port)).status).toBe(200);
    await expect(host.ready).rejects.toThrow();
    const auth = { authorization: `Bearer ${host.token}` };
    expect(outcome(await api(host.port, 'listNotes', [], auth))).toMatchObject({ ok: false });
  });
});
