/**
 * A forward proxy on 127.0.0.1 that lets out only what the outbound policy allows (outbound.ts). The
 * Electron host routes its hidden page window's session through it (main/page-fetcher.ts): Chromium
 * then resolves no destination itself, so every request of the page (the page, each redirect, its
 * frames, images, scripts, websockets) is connected here, by the policy's own lookup, with the
 * connected address checked again. DNS rebinding and redirects to local addresses are refused like
 * any other request to them.
 *
 * Plain http requests come in absolute form and are forwarded; https and websockets come as CONNECT
 * tunnels. A refusal answers 403 and is remembered by host, so the page window can say why.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { OutboundPolicy } from './outbound';
import { normalizeHost, outboundRefusalOf } from './outbound';

/** Request headers that belong to the hop to the proxy, not to the server. */
const HOP_BY_HOP = new Set([
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'connection',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** `host:port` of a CONNECT request (IPv6 in brackets), or null. */
function splitAuthority(authority: string | undefined): { host: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(authority ?? '');
  if (match === null) return null;
  const port = Number(match[2]);
  return port > 0 && port < 65_536 ? { host: normalizeHost(match[1]!), port } : null;
}

/** The running proxy. */
export class OutboundProxy {
  private refusals = new Map<string, string>();
  /** Open tunnels: the server's own close does not end sockets that left HTTP. */
  private readonly tunnels = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** The port on 127.0.0.1 it listens on. */
    readonly port: number,
    private policy: OutboundPolicy,
  ) {}

  /** Starts the proxy on a free port of 127.0.0.1 with `policy`. */
  static async start(policy: OutboundPolicy): Promise<OutboundProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const proxy = new OutboundProxy(server, (server.address() as AddressInfo).port, policy);
    server.on('request', (req, res) => void proxy.forward(req, res));
    server.on('connect', (req, socket: Socket, head: Buffer) => void proxy.tunnel(req, socket, head));
    return proxy;
  }

  /** Uses `policy` for requests from now on (the user's allowed local hosts may have changed). */
  setPolicy(policy: OutboundPolicy): void {
    this.policy = policy;
  }

  /** Why requests to `host` were refused since the last call for it, or undefined; forgets it. */
  takeRefusal(host: string): string | undefined {
    const key = normalizeHost(host);
    const why = this.refusals.get(key);
    this.refusals.delete(key);
    return why;
  }

  private refused(host: string, error: unknown): string | undefined {
    const refusal = outboundRefusalOf(error);
    if (refusal === undefined) return undefined;
    this.refusals.set(normalizeHost(host), refusal.message);
    return refusal.message;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
      if (target.protocol !== 'http:') throw new Error('not an http URL');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('This proxy forwards http URLs only.');
      return;
    }
    const host = normalizeHost(target.hostname);
    let upstream: Socket;
    try {
      await this.policy.checkUrl(target, { resolve: false });
      upstream = await this.policy.connect(host, Number(target.port || 80));
    } catch (error) {
      const why = this.refused(host, error);
      res
        .writeHead(why === undefined ? 502 : 403, { 'content-type': 'text/plain; charset=utf-8' })
        .end(
          why ??
            `The server could not be reached (${error instanceof Error ? error.message : String(error)}).`,
        );
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const outgoing = httpRequest({
      createConnection: () => upstream,
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers,
    });
    outgoing.on('response', (answer) => {
      const back: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) back[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, back);
      answer.pipe(res);
    });
    outgoing.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('The server failed.');
      else res.destroy();
    });
    req.pipe(outgoing);
  }

  private async tunnel(req: IncomingMessage, client: Socket, head: Buffer): Promise<void> {
    client.on('error', () => client.destroy());
    const target = splitAuthority(req.url);
    if (target === null) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    let upstream: Socket;
    try {
      upstream = await this.policy.connect(target.host, target.port);
    } catch (error) {
      const why = this.refused(target.host, error);
      client.end(why === undefined ? 'HTTP/1.1 502 Bad Gateway\r\n\r\n' : 'HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    this.tunnels.add(client);
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      this.tunnels.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  }

  /** Stops listening and drops open connections. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const socket of this.tunnels) socket.destroy();
    });
  }
}
