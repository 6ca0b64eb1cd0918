import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../shared/api';
import { ApiError } from '../shared/errors';
import type { RpcOutcome } from '../shared/rpc';
import { bridgeTransport, createClient, httpTransport, readToken } from './apiClient';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('createClient', () => {
  it('has every API method and unwraps results', async () => {
    const calls: [string, unknown[]][] = [];
    const client = createClient(async (method, args) => {
      calls.push([method, args]);
      return { ok: true, result: `${method} done` };
    });
    for (const method of API_METHODS) expect(typeof client[method]).toBe('function');
    await expect(client.getNote('n1' as never)).resolves.toBe('getNote done');
    expect(calls).toEqual([['getNote', ['n1']]]);
  });

  it('throws the ApiError of a failed outcome, details included', async () => {
    const client = createClient(async () => ({
      ok: false,
      error: { code: 'VERSION_CONFLICT', message: 'changed', details: { current: { version: 3 } } },
    }));
    const error = await client.updateNote({ id: 'n1' as never, expectedVersion: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 3 } } });
  });
});

describe('httpTransport', () => {
  it('POSTs the arguments with the token, with keepalive only when asked', async () => {
    const requests: [string, RequestInit][] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      requests.push([url, init]);
      return jsonResponse({ ok: true, result: [] });
    }) as typeof fetch;
    const transport = httpTransport('secret', fakeFetch);
    await createClient(transport).listNotes({ trashed: true });
    await createClient(transport, { keepalive: true }).listNotes();
    const [url, init] = requests[0]!;
    expect(url).toBe('/api/listNotes');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer secret' });
    expect(JSON.parse(init.body as string)).toEqual({ args: [{ trashed: true }] });
    expect(init.keepalive).toBe(false);
    expect(requests[1]![1].keepalive).toBe(true);
  });

  it('turns error envelopes sent with an HTTP error status into ApiErrors', async () => {
    const fakeFetch = (async () =>
      jsonResponse({ ok: false, error: { code: 'UNAUTHORIZED', message: 'No token' } }, 401)) as typeof fetch;
    await expect(createClient(httpTransport('', fakeFetch)).getAppInfo()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('reports an unreachable host as UNAVAILABLE with what to do', async () => {
    const fakeFetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await createClient(httpTransport('t', fakeFetch))
      .getAppInfo()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect((error as Error).message).toContain('npm run web');
  });

  it('reports an answer that is not an envelope as UNAVAILABLE', async () => {
    const fakeFetch = (async () => new Response('<html>Bad gateway</html>', { status: 502 })) as typeof fetch;
    await expect(createClient(httpTransport('t', fakeFetch)).getAppInfo()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});

describe('bridgeTransport', () => {
  it('unwraps the preload envelopes and maps a failed IPC call to UNAVAILABLE', async () => {
    const ok: RpcOutcome = { ok: true, result: { version: '0.1.0' } };
    const bridge = Object.fromEntries(
      API_METHODS.map((m) => [m, async () => ok]),
    ) as unknown as DossierBridge;
    await expect(createClient(bridgeTransport(bridge)).getAppInfo()).resolves.toEqual({ version: '0.1.0' });

    const broken = Object.fromEntries(
      API_METHODS.map((m) => [m, async () => Promise.reject(new Error('IPC closed'))]),
    ) as unknown as DossierBridge;
    await expect(createClient(bridgeTransport(broken)).getAppInfo()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});

describe('readToken', () => {
  it('takes the first non-empty dossier-token meta tag', () => {
    const metas = [{ getAttribute: () => '' }, { getAttribute: () => 'tok' }];
    const doc = { querySelectorAll: () => metas } as unknown as Document;
    expect(readToken(doc)).toBe('tok');
  });
});
