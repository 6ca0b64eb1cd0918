/**
 * The one outbound-request policy: every request Dossier makes to the web (clipping a URL in Node,
 * downloading an article's images, and every request of Electron's hidden page window, through
 * proxy.ts) goes only to public addresses, so a page or a user-given URL cannot make Dossier read
 * this computer or its network (SSRF).
 *
 * The check is made where the connection is made, not only before: the host name is resolved by
 * this policy's own `lookup`, which refuses the connection unless every answer is a public address
 * (address-policy.ts), and the connected socket's remote address is checked again. A name that
 * answers "public" to a first look and "127.0.0.1" to the connection (DNS rebinding) is therefore
 * refused, and so is every redirect hop, each being a new connection. Literal addresses in any
 * spelling (0x7f000001, 2130706433, 0177.1, 127.1) reach this code canonical, as the URL parser
 * writes them: 127.0.0.1.
 *
 * Names the user listed (Settings: local hosts, for clipping from an intranet on purpose) may resolve
 * anywhere.
 */
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import type * as Undici from 'undici';
import { lazyModule } from '../lazy-module';

// Loaded on the first clip of a URL: undici alone took a quarter of a second of the core's start.
const undici = lazyModule<typeof Undici>('undici');
import { refusedAddress } from './address-policy';

/** One answer of a name lookup. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (tests pass a stub; never the network in tests). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver, as a connection would use it. */
export const systemResolver: Resolver = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true });

/** A request the policy refused: the message says which host and why, in words for the user. */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/** Host names that are this computer or a cloud metadata service, whatever they resolve to. */
const REFUSED_NAMES = new Set(['localhost', 'metadata.google.internal', 'metadata', 'instance-data']);

/** The policy's knobs. */
export interface OutboundPolicyOptions {
  /** Host names (or literal addresses) the user allowed on purpose: they may be local. */
  allowedHosts?: readonly string[];
  resolve?: Resolver;
}

/** `host` without IPv6 brackets and a trailing dot, lower-case. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

const ADVICE =
  'Dossier fetches only public web addresses. To clip from a host on your own network on purpose, ' +
  'add its name under Settings > Clipping from your network.';

/** See the module comment. */
export class OutboundPolicy {
  private readonly allowed: ReadonlySet<string>;
  private readonly resolve: Resolver;

  constructor(options: OutboundPolicyOptions = {}) {
    this.allowed = new Set((options.allowedHosts ?? []).map(normalizeHost));
    this.resolve = options.resolve ?? systemResolver;
  }

  /** The hosts the user allowed to be local, normalized. */
  get allowedHosts(): string[] {
    return [...this.allowed];
  }

  /** Did the user allow this host to be local? */
  allows(host: string): boolean {
    return this.allowed.has(normalizeHost(host));
  }

  /** Why connecting to `host` at `address` is refused, or null. */
  private refusal(host: string, address: string): string | null {
    if (this.allows(host)) return null;
    const why = refusedAddress(address);
    return why === null ? null : `${host}: ${why}`;
  }

  private refuse(why: string): OutboundRefusedError {
    return new OutboundRefusedError(`${why}. ${ADVICE}`);
  }

  /** Why the host name itself is refused (before any lookup), or null. */
  private nameRefusal(host: string): string | null {
    const name = normalizeHost(host);
    if (this.allows(name)) return null;
    if (REFUSED_NAMES.has(name) || name.endsWith('.localhost')) {
      return `${name} is this computer or a metadata service`;
    }
    return null;
  }

  /**
   * Checks a URL before it is requested: http(s), a host that is not refused by name, and, for a
   * literal address or a name, public addresses only (every answer of the name; `resolve: false`
   * skips resolving, for a caller whose connections are checked anyway). Throws
   * {@link OutboundRefusedError}. The connection checks again (see {@link lookup}).
   */
  async checkUrl(url: URL, options: { resolve?: boolean } = {}): Promise<void> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw this.refuse(`${url.protocol} addresses are not fetched`);
    }
    const host = normalizeHost(url.hostname);
    const byName = this.nameRefusal(host);
    if (byName !== null) throw this.refuse(byName);
    if (this.allows(host)) return;
    if (net.isIP(host) !== 0) {
      const why = this.refusal(host, host);
      if (why !== null) throw this.refuse(why);
      return;
    }
    if (options.resolve !== false) await this.resolveChecked(host);
  }

  /** Resolves `host` and returns its answers when every one may be connected to; throws otherwise. */
  private async resolveChecked(host: string): Promise<ResolvedAddress[]> {
    const byName = this.nameRefusal(host);
    if (byName !== null) throw this.refuse(byName);
    const answers = await this.resolve(host);
    if (answers.length === 0) throw new Error(`${host} has no address`);
    for (const answer of answers) {
      const why = this.refusal(host, answer.address);
      if (why !== null) throw this.refuse(why);
    }
    return answers;
  }

  /**
   * `lookup` for net.connect and tls.connect: resolves with {@link resolve}, refuses unless every
   * answer is allowed, and hands back the answers checked, which are the ones connected to.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolveChecked(hostname).then(
      (answers) => {
        if (options.all === true) {
          (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, answers);
        } else {
          const first = answers[0]!;
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };

  /** Checks the address a connection reached; throws {@link OutboundRefusedError}. */
  checkConnected(host: string, remoteAddress: string | undefined): void {
    if (this.allows(host)) return;
    const why =
      remoteAddress === undefined
        ? `${host}: the connection has no address`
        : this.refusal(host, remoteAddress);
    if (why !== null) throw this.refuse(why);
  }

  /**
   * Connects a socket to `host`:`port` as this policy allows: a literal address is checked, a name is
   * resolved by {@link lookup}, and the connected address is checked again. For proxy.ts.
   */
  connect(host: string, port: number): Promise<net.Socket> {
    const name = normalizeHost(host);
    return new Promise((resolve, reject) => {
      const byName = this.nameRefusal(name);
      if (byName !== null) return reject(this.refuse(byName));
      if (net.isIP(name) !== 0) {
        const why = this.refusal(name, name);
        if (why !== null) return reject(this.refuse(why));
      }
      const socket = net.connect({ host: name, port, lookup: this.lookup });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        try {
          this.checkConnected(name, socket.remoteAddress);
          resolve(socket);
        } catch (error) {
          socket.destroy();
          reject(error as Error);
        }
      });
    });
  }

  /** An undici dispatcher whose every connection follows this policy. Close it when done. */
  dispatcher(): Undici.Agent {
    const { Agent, buildConnector } = undici();
    const base = buildConnector({ lookup: this.lookup, timeout: 15_000 });
    const connect: Undici.buildConnector.connector = (options, callback) => {
      const host = normalizeHost(options.hostname);
      try {
        const byName = this.nameRefusal(host);
        if (byName !== null) throw this.refuse(byName);
        // A literal address never reaches `lookup`: check it here.
        if (net.isIP(host) !== 0) {
          const why = this.refusal(host, host);
          if (why !== null) throw this.refuse(why);
        }
      } catch (error) {
        callback(error as Error, null);
        return;
      }
      base(options, (error, socket) => {
        if (error !== null) return callback(error, null);
        try {
          this.checkConnected(host, socket.remoteAddress);
        } catch (refused) {
          socket.destroy();
          return callback(refused as Error, null);
        }
        callback(null, socket);
      });
    };
    return new Agent({ connect, keepAliveTimeout: 1_000 });
  }
}

/** The refusal inside `error` (or its causes), or undefined. */
export function outboundRefusalOf(error: unknown): OutboundRefusedError | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'OutboundRefusedError') return e as OutboundRefusedError;
  }
  return undefined;
}
