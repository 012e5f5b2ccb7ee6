import { cidrContains, parseCidr, type Cidr, type IpBytes } from './ip-address';

/** Why an address is not reachable without an EGRESS_ALLOW entry. */
export type ForbiddenClass = 'loopback' | 'private' | 'link-local' | 'unique-local' | 'unspecified' | 'multicast' | 'reserved';

const table = (entries: Array<[string, ForbiddenClass]>): Array<[Cidr, ForbiddenClass]> => entries.map(([text, kind]) => [parseCidr(text) as Cidr, kind]);

const IPV4 = table([
  ['0.0.0.0/8', 'unspecified'],
  ['127.0.0.0/8', 'loopback'],
  ['10.0.0.0/8', 'private'],
  ['172.16.0.0/12', 'private'],
  ['192.168.0.0/16', 'private'],
  ['100.64.0.0/10', 'private'], // carrier-grade NAT: inside someone's network
  ['169.254.0.0/16', 'link-local'], // includes the cloud metadata endpoint 169.254.169.254
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // includes 255.255.255.255
]);

const IPV6 = table([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'private'], // deprecated site-local
  ['fc00::/7', 'unique-local'], // includes fd00:ec2::254, the IPv6 metadata endpoint
  ['ff00::/8', 'multicast'],
  ['64:ff9b:1::/48', 'private'], // local-use NAT64
  ['100::/64', 'reserved'],
  ['2001:db8::/32', 'reserved'],
]);

// IPv6 forms that carry an IPv4 address: the embedded address decides.
const IPV4_MAPPED = parseCidr('::ffff:0:0/96') as Cidr;
const IPV4_COMPATIBLE = parseCidr('::/96') as Cidr;
const NAT64 = parseCidr('64:ff9b::/96') as Cidr;
const SIX_TO_FOUR = parseCidr('2002::/16') as Cidr;
const TEREDO = parseCidr('2001::/32') as Cidr;

/**
 * The class that makes `address` off limits for outbound calls, or undefined
 * for a public address. IPv4 written inside IPv6 (`::ffff:127.0.0.1`,
 * `::127.0.0.1`, NAT64, 6to4, Teredo) is judged by the IPv4 address it reaches.
 */
export function forbiddenClass(address: IpBytes): ForbiddenClass | undefined {
  if (address.length === 4) return IPV4.find(([cidr]) => cidrContains(cidr, address))?.[1];
  const direct = IPV6.find(([cidr]) => cidrContains(cidr, address))?.[1];
  if (direct) return direct;
  if (cidrContains(IPV4_MAPPED, address) || cidrContains(IPV4_COMPATIBLE, address) || cidrContains(NAT64, address)) {
    return forbiddenClass(address.slice(12));
  }
  if (cidrContains(SIX_TO_FOUR, address)) return forbiddenClass(address.slice(2, 6));
  if (cidrContains(TEREDO, address)) return forbiddenClass(address.slice(12).map((byte) => byte ^ 0xff));
  return undefined;
}
