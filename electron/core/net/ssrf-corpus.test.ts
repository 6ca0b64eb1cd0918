/**
 * The SSRF corpus (issue 19: clipUrl of http://127.0.0.1:PORT/…, localhost, 0x7f000001, 2130706433, or
 * a page that redirects there, was fetched and stored; images at 127.0.0.1 and 169.254.169.254 were
 * requested). Every URL below is fetched through the clipper's real fetch (fetchHttp with the outbound
 * policy) and must be refused; an "internal service" on 127.0.0.1 counts every request that reaches it
 * and must see none. Names resolve through a stub resolver (never the network), including one that
 * answers a public address first and 127.0.0.1 to the connection (DNS rebinding). Redirects come from
 * a stand-in for a public site (a host the policy is told to allow). Ordinary public addresses pass
 * the policy's decisions; no test connects to them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isClipError } from '../clip/errors';
import { fetchHttp, PAGE_FETCH_LIMITS } from '../clip/fetch-url';
import { localiseImages } from '../clip/images';
import { ResourceMap } from '../clip/resources';
import { OutboundPolicy, type ResolvedAddress, type Resolver } from './outbound';

let internal: Server;
let internalHits: string[];
let port: number;
let site: Server;
let sitePort: number;

const PUBLIC_V4 = '93.184.216.34';
const PUBLIC_V6 = '2606:2800:220:1:248:1893:25c8:1946';

/** The stub DNS: fixed answers, and one name that changes its answer after the first look. */
function stubResolver(): Resolver {
  let rebindLooks = 0;
  const table: Record<string, ResolvedAddress[]> = {
    'public.test': [{ address: PUBLIC_V4, family: 4 }],
    'public6.test': [{ address: PUBLIC_V6, family: 6 }],
    'internal.test': [{ address: '127.0.0.1', family: 4 }],
    'private.test': [{ address: '10.0.0.5', family: 4 }],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
    'mixed.test': [
      { address: PUBLIC_V4, family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
    'v6loop.test': [{ address: '::1', family: 6 }],
    'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
    'nat64.test': [{ address: '64:ff9b::a9fe:a9fe', family: 6 }],
    'ula.test': [{ address: 'fd12:3456::1', family: 6 }],
    'cgnat.test': [{ address: '100.64.1.2', family: 4 }],
    'site.test': [{ address: '127.0.0.1', family: 4 }],
  };
  return async (hostname) => {
    if (hostname === 'rebind.test') {
      rebindLooks += 1;
      return [{ address: rebindLooks === 1 ? PUBLIC_V4 : '127.0.0.1', family: 4 }];
    }
    const answer = table[hostname];
    if (answer === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  };
}

/** The policy as a clip runs it, plus `site.test` standing in for a public site that redirects. */
const policy = (): OutboundPolicy =>
  new OutboundPolicy({ allowedHosts: ['site.test'], resolve: stubResolver() });

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  internalHits = [];
  internal = createServer((req, res) => {
    internalHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<p>secret of the internal service</p>');
  });
  port = await listen(internal);
  site = createServer((req, res) => {
    const to = decodeURIComponent((req.url ?? '/').slice('/to/'.length));
    res.writeHead(302, { location: to }).end();
  });
  sitePort = await listen(site);
});

afterAll(async () => {
  internal.closeAllConnections();
  site.closeAllConnections();
  await new Promise((done) => internal.close(done));
  await new Promise((done) => site.close(done));
});

/** Hosts whose requests would connect to 127.0.0.1 (the internal service) if not refused. */
const LOOPBACK_CORPUS = (): string[] => [
  `http://127.0.0.1:${port}/secret`,
  `http://127.0.0.2:${port}/secret`,
  `http://127.255.255.254:${port}/secret`,
  `http://0x7f000001:${port}/secret`,
  `http://2130706433:${port}/secret`,
  `http://0177.1:${port}/secret`,
  `http://0177.0.0.1:${port}/secret`,
  `http://127.1:${port}/secret`,
  `http://127.0.1:${port}/secret`,
  `http://0x7f.1:${port}/secret`,
  `http://017700000001:${port}/secret`,
  `http://0x7F.0x00.0x00.0x01:${port}/secret`,
  `http://localhost:${port}/secret`,
  `http://LOCALHOST:${port}/secret`,
  `http://localhost.:${port}/secret`,
  `http://api.localhost:${port}/secret`,
  `http://[::1]:${port}/secret`,
  `http://[0:0:0:0:0:0:0:1]:${port}/secret`,
  `http://[::ffff:127.0.0.1]:${port}/secret`,
  `http://[::ffff:7f00:1]:${port}/secret`,
  `http://[::127.0.0.1]:${port}/secret`,
  `http://[64:ff9b::7f00:1]:${port}/secret`,
  `http://[2002:7f00:1::1]:${port}/secret`,
  `http://0.0.0.0:${port}/secret`,
  `http://0:${port}/secret`,
  `http://[::]:${port}/secret`,
  `https://127.0.0.1:${port}/secret`,
  `http://user:pass@127.0.0.1:${port}/secret`,
  // Names whose DNS answers are local (the stub resolver), including a rebinding one.
  `http://internal.test:${port}/secret`,
  `http://mixed.test:${port}/secret`,
  `http://v6loop.test:${port}/secret`,
  `http://mapped.test:${port}/secret`,
  `http://rebind.test:${port}/secret`,
  // A public-looking site that redirects inward, in several spellings.
  `http://site.test:${sitePort}/to/${encodeURIComponent(`http://127.0.0.1:${port}/secret`)}`,
  `http://site.test:${sitePort}/to/${encodeURIComponent(`http://0x7f000001:${port}/secret`)}`,
  `http://site.test:${sitePort}/to/${encodeURIComponent(`http://localhost:${port}/secret`)}`,
  `http://site.test:${sitePort}/to/${encodeURIComponent(`http://[::1]:${port}/secret`)}`,
  `http://site.test:${sitePort}/to/${encodeURIComponent(`http://internal.test:${port}/secret`)}`,
  `http://site.test:${sitePort}/to/${encodeURIComponent(`http://rebind.test:${port}/secret`)}`,
];

/** Other local and special addresses: refused before any connection is tried. */
const OTHER_CORPUS = [
  'http://10.0.0.1/',
  'http://10.255.255.255/',
  'http://172.16.0.1/',
  'http://172.31.255.254/',
  'http://192.168.1.1/',
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://169.254.170.2/v2/credentials',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://168.63.129.16/metadata/instance',
  'http://100.100.100.200/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://100.64.0.1/',
  'http://224.0.0.1/',
  'http://239.255.255.250:1900/',
  'http://255.255.255.255/',
  'http://198.18.0.1/',
  'http://192.0.0.8/',
  'http://192.0.2.1/',
  'http://240.0.0.1/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[ff02::1]/',
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://[2002:a9fe:a9fe::]/',
  'http://[::ffff:10.0.0.1]/',
  'http://0xa9fea9fe/',
  'http://2852039166/',
  'http://0251.0376.0251.0376/',
  'http://private.test/',
  'http://metadata.test/',
  'http://nat64.test/',
  'http://ula.test/',
  'http://cgnat.test/',
];

async function refusal(url: string): Promise<string> {
  try {
    await fetchHttp(url, { ...PAGE_FETCH_LIMITS, timeoutMs: 5_000 }, undefined, policy());
  } catch (error) {
    if (isClipError(error) && error.code === 'FETCH_FAILED') return error.message;
    throw error;
  }
  return 'FETCHED';
}

describe('the SSRF corpus', () => {
  it('has at least 40 URLs', () => {
    expect(LOOPBACK_CORPUS().length + OTHER_CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses every URL that leads to this computer, and the internal service sees no request', async () => {
    for (const url of LOOPBACK_CORPUS()) {
      const message = await refusal(url);
      expect(message, url).toMatch(/could not be fetched: .*(this computer|loopback|unspecified|local)/);
      expect(message, url).toContain('Dossier fetches only public web addresses');
    }
    expect(internalHits).toEqual([]);
  });

  it('refuses local, private, link-local, CGNAT, multicast, broadcast, reserved and metadata addresses', async () => {
    for (const url of OTHER_CORPUS) {
      await expect(policy().checkUrl(new URL(url)), url).rejects.toThrow(/Dossier fetches only public/);
      expect(await refusal(url), url).toContain('Dossier fetches only public web addresses');
    }
  });

  it('says where a redirect led when it refuses it', async () => {
    const message = await refusal(
      `http://site.test:${sitePort}/to/${encodeURIComponent(`http://127.0.0.1:${port}/secret`)}`,
    );
    expect(message).toContain(
      `it redirected to http://127.0.0.1:${port}/secret: 127.0.0.1: it is a loopback`,
    );
  });

  it('refuses images of a clipped page or an endpoint clip that point inward, without a request', async () => {
    const html = [
      `<img src="dossier-image:pending-0">`,
      `<img src="dossier-image:pending-1">`,
      `<img src="dossier-image:pending-2">`,
    ].join('');
    const refs = [
      `http://127.0.0.1:${port}/pixel.png`,
      'http://169.254.169.254/latest/meta-data/pixel.png',
      `http://internal.test:${port}/pixel.png`,
    ].map((url) => ({ raw: url, absolute: url }));
    const out = await localiseImages(html, {
      refs,
      resources: new ResourceMap(),
      fetch: true,
      policy: policy(),
    });
    expect(out.images).toEqual([]);
    expect(out.html).not.toContain('<img');
    expect(out.warnings).toHaveLength(3);
    for (const warning of out.warnings)
      expect(warning).toMatch(/^1 image was left out: .*Dossier fetches only public/);
    expect(internalHits).toEqual([]);
  });
});

describe('ordinary public addresses', () => {
  it('pass the policy: literal IPv4 and IPv6, and names whose every answer is public', async () => {
    const open = policy();
    for (const url of [
      'http://93.184.216.34/',
      'https://8.8.8.8/dns-query',
      'http://1.1.1.1/',
      'https://[2606:4700:4700::1111]/',
      `https://[${PUBLIC_V6}]/`,
      'https://public.test/news/article',
      'http://public6.test/',
      'http://[::ffff:93.184.216.34]/',
    ]) {
      await expect(open.checkUrl(new URL(url)), url).resolves.toBeUndefined();
    }
    const looked = await new Promise<unknown>((resolve, reject) =>
      open.lookup('public.test', { all: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses),
      ),
    );
    expect(looked).toEqual([{ address: PUBLIC_V4, family: 4 }]);
  });

  it('let a host the user listed be local, and only that host', async () => {
    const intranet = new OutboundPolicy({ allowedHosts: ['Internal.Test.'], resolve: stubResolver() });
    await expect(intranet.checkUrl(new URL(`http://internal.test:${port}/`))).resolves.toBeUndefined();
    await expect(intranet.checkUrl(new URL('http://private.test/'))).rejects.toThrow(/private-network/);
    const fetched = await fetchHttp(
      `http://internal.test:${port}/page`,
      PAGE_FETCH_LIMITS,
      undefined,
      intranet,
    );
    expect(Buffer.from(fetched.bytes).toString()).toContain('secret of the internal service');
    internalHits.length = 0;
  });
});
