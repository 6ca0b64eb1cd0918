/**
 * The outbound proxy the Electron page window goes through: plain requests and CONNECT tunnels reach
 * only what the policy allows, with names resolved by the policy (a stub here, never the network).
 */
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OutboundPolicy, type Resolver } from './outbound';
import { OutboundProxy } from './proxy';

let target: Server;
let targetPort: number;
let hits: string[];
let proxy: OutboundProxy | undefined;

const resolver: Resolver = async (host) => {
  if (host === 'intranet.test' || host === 'internal.test') return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

beforeAll(async () => {
  hits = [];
  target = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain', 'x-target': 'yes' }).end('inside');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetPort = (target.address() as AddressInfo).port;
});
afterAll(async () => {
  target.closeAllConnections();
  await new Promise((done) => target.close(done));
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  hits.length = 0;
});

/** Sends raw bytes to the proxy and returns everything it answers until it closes or `until` matches. */
function exchange(port: number, request: string, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (until.test(answer)) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

async function start(allowedHosts: string[] = []): Promise<number> {
  proxy = await OutboundProxy.start(new OutboundPolicy({ allowedHosts, resolve: resolver }));
  return proxy.port;
}

describe('the outbound proxy', () => {
  it('refuses plain requests and tunnels to this computer, and remembers why by host', async () => {
    const port = await start();
    for (const [host, request] of [
      ['127.0.0.1', `GET http://127.0.0.1:${targetPort}/secret HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
      ['localhost', `GET http://localhost:${targetPort}/secret HTTP/1.1\r\nHost: localhost\r\n\r\n`],
      [
        'internal.test',
        `GET http://internal.test:${targetPort}/secret HTTP/1.1\r\nHost: internal.test\r\n\r\n`,
      ],
    ] as const) {
      const answer = await exchange(port, request, /\r\n\r\n[\s\S]*public web addresses/);
      expect(answer, host).toMatch(/^HTTP\/1\.1 403/);
      expect(proxy!.takeRefusal(host), host).toMatch(/Dossier fetches only public web addresses/);
    }
    for (const authority of [
      `127.0.0.1:${targetPort}`,
      `[::1]:${targetPort}`,
      `internal.test:${targetPort}`,
    ]) {
      const answer = await exchange(
        port,
        `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`,
        /\r\n\r\n/,
      );
      expect(answer, authority).toMatch(/^HTTP\/1\.1 403/);
    }
    expect(hits).toEqual([]);
  });

  it('forwards and tunnels to a host the user allowed', async () => {
    const port = await start(['intranet.test']);
    const plain = await exchange(
      port,
      `GET http://intranet.test:${targetPort}/page HTTP/1.1\r\nHost: intranet.test\r\nProxy-Connection: keep-alive\r\n\r\n`,
      /inside/,
    );
    expect(plain).toMatch(/^HTTP\/1\.1 200/);
    expect(plain).toContain('x-target: yes');
    const tunnelled = await exchange(
      port,
      `CONNECT intranet.test:${targetPort} HTTP/1.1\r\nHost: intranet.test:${targetPort}\r\n\r\n` +
        `GET /through HTTP/1.1\r\nHost: intranet.test\r\n\r\n`,
      /inside/,
    );
    expect(tunnelled).toMatch(/^HTTP\/1\.1 200 Connection Established\r\n\r\nHTTP\/1\.1 200/);
    expect(hits).toEqual(['/page', '/through']);
  });

  it('applies a new policy to the next request', async () => {
    const port = await start(['intranet.test']);
    proxy!.setPolicy(new OutboundPolicy({ resolve: resolver }));
    const answer = await exchange(port, `CONNECT intranet.test:${targetPort} HTTP/1.1\r\n\r\n`, /\r\n\r\n/);
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
  });
});
