import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClipPasteInput, ClipResult } from '../../../shared/areas/library';
import type { SourceId } from '../../../shared/model';
import type { ClipProvenance, CoreContext } from '../context';
import { openDatabase } from '../db/open';
import { makeTempDir } from '../testing/temp-dir';
import { Pairing } from './pairing';
import type { ListenClipEndpoint } from './listener';
import { ClipEndpointService } from './service';
import { listenClipEndpoint } from '../../host-shared/clip-endpoint/server';
import { pageHeaders, rawRequest } from '../../host-shared/clip-endpoint/testing';

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolvePromise) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePromise(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let temp: ReturnType<typeof makeTempDir>;
let ctx: CoreContext;
let service: ClipEndpointService;
let pasted: ClipPasteInput[];
let provenances: (ClipProvenance | undefined)[];

function openService(
  host: CoreContext['host'] = 'test',
  readOnlyReason: string | null = null,
  listen: ListenClipEndpoint | null = listenClipEndpoint,
): ClipEndpointService {
  const db = openDatabase(join(temp.dir, 'dossier.sqlite'));
  ctx = {
    db,
    dataDir: temp.dir,
    databasePath: join(temp.dir, 'dossier.sqlite'),
    host,
    hooks: {
      listenClipEndpoint: listen ?? undefined,
      sourceStored: () => undefined,
      clipPaste: async (input, provenance): Promise<ClipResult> => {
        pasted.push(input);
        provenances.push(provenance);
        const source = { id: 'src-1' as SourceId, title: 'Stored article' };
        return { status: 'created', source: source as never, warnings: [] };
      },
    },
  };
  return new ClipEndpointService(ctx, readOnlyReason);
}

beforeEach(() => {
  temp = makeTempDir();
  pasted = [];
  provenances = [];
  service = openService();
});

afterEach(async () => {
  await service.close();
  ctx.db.close();
  temp.remove();
});

describe('ClipEndpointService', () => {
  it('is off by default and offers a bookmarklet for the default port', async () => {
    const status = await service.getClipEndpoint();
    expect(status).toMatchObject({ enabled: false, running: false, url: null, clients: [], pairing: null });
    expect(status.bookmarklet).toMatch(/^javascript:/);
    expect(decodeURIComponent(status.bookmarklet)).toContain(`http://127.0.0.1:${status.port}`);
  });

  it('pairs a browser with a single-use code, files its clips, and forgets it when revoked', async () => {
    const port = await freePort();
    const on = await service.setClipEndpoint({ enabled: true, port });
    expect(on).toMatchObject({ enabled: true, running: true, url: `http://127.0.0.1:${port}/`, error: null });

    const { pairing } = await service.startClipPairing();
    expect(pairing?.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const paired = await rawRequest(
      port,
      'POST',
      '/pair',
      pageHeaders(port),
      JSON.stringify({ code: pairing!.code.toLowerCase(), name: 'Test browser' }),
    );
    expect(paired.status).toBe(200);
    const token = paired.json().token as string;
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    // The code was used up.
    const again = await rawRequest(
      port,
      'POST',
      '/pair',
      pageHeaders(port),
      JSON.stringify({ code: pairing!.code }),
    );
    expect(again.status).toBe(403);

    const clip = await rawRequest(
      port,
      'POST',
      '/clip',
      pageHeaders(port, token),
      JSON.stringify({ html: '<p>x</p>', url: 'https://news.example/a', title: 'A' }),
    );
    expect(clip.status).toBe(200);
    expect(clip.json()).toEqual({ status: 'created', id: 'src-1', title: 'Stored article' });
    expect(pasted).toEqual([
      { html: '<p>x</p>', url: 'https://news.example/a', onDuplicate: 'ask', fetchImages: true },
    ]);

    const status = await service.getClipEndpoint();
    expect(status.clients).toHaveLength(1);
    expect(status.clients[0]).toMatchObject({ name: 'Test browser' });
    expect(status.clients[0]!.lastUsedAt).not.toBeNull();
    // Only a digest of the token is kept in the notebook.
    const stored = ctx.db.prepare("SELECT value FROM settings WHERE key = 'clipEndpoint'").get() as {
      value: string;
    };
    expect(stored.value).not.toContain(token);

    await service.revokeClipClient(status.clients[0]!.id);
    const refused = await rawRequest(
      port,
      'POST',
      '/clip',
      pageHeaders(port, token),
      JSON.stringify({ html: '<p>y</p>' }),
    );
    expect(refused.status).toBe(401);
    expect(pasted).toHaveLength(1);
  });

  // Regression (issue 19): a page on any site could claim to be an article of another, and the clip
  // was stored as coming from the claimed site.
  it('hands the library the origin that sent each clip, and whether its URL is only a claim', async () => {
    const port = await freePort();
    await service.setClipEndpoint({ enabled: true, port });
    const { pairing } = await service.startClipPairing();
    const token = (
      await rawRequest(port, 'POST', '/pair', pageHeaders(port), JSON.stringify({ code: pairing!.code }))
    ).json().token as string;
    const send = (body: object) =>
      rawRequest(
        port,
        'POST',
        '/clip',
        pageHeaders(port, token),
        JSON.stringify({ html: '<p>x</p>', ...body }),
      );
    await send({ url: 'https://news.example/a', origin: 'https://news.example' });
    await send({ url: 'https://www.reuters.com/world/x', origin: 'https://evil.example' });
    await send({ url: 'https://www.reuters.com/world/x', origin: 'null' });
    await send({ url: 'https://www.reuters.com/world/x' });
    await send({ url: 'https://www.reuters.com/world/x', origin: 'javascript:alert(1)' });
    await send({ origin: 'https://blog.example' });
    expect(provenances).toEqual([
      { sentFrom: 'https://news.example', urlClaimed: false },
      { sentFrom: 'https://evil.example', urlClaimed: true },
      { sentFrom: 'null', urlClaimed: true },
      { sentFrom: null, urlClaimed: true },
      { sentFrom: null, urlClaimed: true },
      { sentFrom: 'https://blog.example', urlClaimed: false },
    ]);
  });

  it('refuses pairing while off and reports a port that is taken', async () => {
    await expect(service.startClipPairing()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const blocker = createServer();
    const port = await new Promise<number>((resolvePromise) =>
      blocker.listen(0, '127.0.0.1', () => resolvePromise((blocker.address() as { port: number }).port)),
    );
    try {
      const status = await service.setClipEndpoint({ enabled: true, port });
      expect(status.running).toBe(false);
      expect(status.error).toMatch(/in use/);
    } finally {
      blocker.close();
    }
  });

  it('starts by itself in the app hosts when it was left on, and stops on close', async () => {
    const port = await freePort();
    await service.setClipEndpoint({ enabled: true, port });
    await service.close();
    ctx.db.close();
    service = openService('web');
    const status = await service.getClipEndpoint();
    expect(status.running).toBe(true);
    await service.close();
    expect((await service.getClipEndpoint()).running).toBe(false);
  });

  it('says the endpoint cannot run when the host gave the core no listener (the core serves no HTTP)', async () => {
    await service.close();
    ctx.db.close();
    service = openService('web', null, null);
    const status = await service.setClipEndpoint({ enabled: true, port: await freePort() });
    expect(status).toMatchObject({ enabled: true, running: false, url: null });
    expect(status.error).toMatch(/without the clip endpoint server/);
  });

  it('stays off, and says why, when the notebook is open read-only', async () => {
    const port = await freePort();
    await service.setClipEndpoint({ enabled: true, port });
    await service.close();
    ctx.db.close();
    service = openService('web', 'The notebook is damaged.');
    const status = await service.getClipEndpoint();
    expect(status).toMatchObject({ enabled: true, running: false, url: null });
    expect(status.error).toMatch(/off while this notebook is open read-only/);
    // Nothing listens on the port.
    const blocker = createServer();
    await new Promise<void>((resolve, reject) => {
      blocker.once('error', reject).listen(port, '127.0.0.1', () => resolve());
    });
    blocker.close();
  });
});

describe('Pairing', () => {
  it('expires, and gives up after five wrong codes', () => {
    let now = 0;
    const pairing = new Pairing(() => now);
    const { code } = pairing.start();
    now = 5 * 60 * 1000 + 1;
    expect(pairing.redeem(code)).toBe('expired');
    pairing.start();
    for (let i = 0; i < 4; i++) expect(pairing.redeem('WRONG-CODE')).toBe('wrong-code');
    expect(pairing.redeem('WRONG-CODE')).toBe('too-many-attempts');
    expect(pairing.active()).toBeNull();
  });
});
