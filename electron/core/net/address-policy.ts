/**
 * Which IP addresses Dossier may connect to when it fetches a page or an image: public unicast
 * addresses only. Everything that reaches this computer or its network is refused: loopback, private
 * and unique-local ranges, link-local (where cloud metadata services answer), carrier-grade NAT,
 * multicast, broadcast, unspecified, reserved and documentation ranges, and the known metadata
 * addresses. IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d,
 * NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4 address inside. Ranges come from
 * ipaddr.js, which tracks the IANA special-purpose registries.
 */
import ipaddr from 'ipaddr.js';

/** Addresses of cloud metadata services that are not in a refused range by themselves. */
const METADATA_ADDRESSES = new Set([
  '168.63.129.16', // Azure's wire server
  '169.254.169.254', // AWS, GCP, Azure, OpenStack (link-local, named here for the message)
  '169.254.170.2', // AWS ECS task metadata
  '100.100.100.200', // Alibaba Cloud
  'fd00:ec2::254', // AWS over IPv6
]);

/** The words for ipaddr.js's range names, in "it is … address". */
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
  multicast: 'a multicast',
  linkLocal: 'a link-local',
  loopback: 'a loopback (this computer)',
  carrierGradeNat: 'a carrier-grade NAT',
  private: 'a private-network',
  reserved: 'a reserved',
  uniqueLocal: 'a private-network (unique local)',
  benchmarking: 'a benchmarking',
  discard: 'a discard-only',
  teredo: 'a Teredo tunnel',
  orchid2: 'an ORCHIDv2',
  amt: 'an AMT',
  as112v6: 'an AS112',
  deprecated: 'a deprecated',
  droneRemoteIdProtocolEntityTags: 'a reserved',
};

/** The IPv4 address inside an IPv6 address that carries one, or null. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const parts = address.toByteArray();
  const from = (offset: number): ipaddr.IPv4 => new ipaddr.IPv4(parts.slice(offset, offset + 4));
  // ::ffff:a.b.c.d and the deprecated ::a.b.c.d (both the last 32 bits); NAT64 64:ff9b::a.b.c.d.
  if (range === 'ipv4Mapped' || range === 'rfc6052' || range === 'rfc6145') return from(12);
  if (parts.slice(0, 12).every((byte) => byte === 0) && !(parts[12] === 0 && parts[13] === 0))
    return from(12);
  // 6to4: 2002:a.b.c.d::/48.
  if (range === '6to4') return from(2);
  return null;
}

/**
 * Why `ip` must not be connected to, as "it is a loopback (this computer) address", or null when it is
 * a public unicast address. Anything that is not a valid IP address is refused too.
 */
export function refusedAddress(ip: string): string | null {
  const text = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(text)) return `it is not an IP address (${ip})`;
  let address = ipaddr.parse(text);
  if (address.kind() === 'ipv6') {
    const inside = embeddedIPv4(address as ipaddr.IPv6);
    if (inside !== null) address = inside;
  }
  const canonical = address.toString();
  if (METADATA_ADDRESSES.has(canonical)) return `it is a cloud metadata service address (${canonical})`;
  const range = address.range();
  if (range === 'unicast') return null;
  return `it is ${RANGE_WORDS[range] ?? 'a special-purpose'} address (${canonical})`;
}
