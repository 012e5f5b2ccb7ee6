import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = Uint8Array;

/** Parses a literal IPv4 or IPv6 address (brackets and a `%zone` allowed); undefined if it is not one. */
export function parseIp(text: string): IpBytes | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const address = bare.replace(/%.*$/, '');
  if (isIPv4(address)) return parseIPv4(address);
  if (isIPv6(address)) return parseIPv6(address);
  return undefined;
}

function parseIPv4(address: string): IpBytes {
  return Uint8Array.from(address.split('.').map(Number));
}

// net.isIPv6 has accepted the text, so only the well-formed shapes remain.
function parseIPv6(address: string): IpBytes {
  let text = address;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...parseIPv4(dotted[1]));
    text = text.slice(0, -dotted[1].length) + '0:0';
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (part: string | undefined): number[] =>
    part
      ? part
          .split(':')
          .filter((g) => g.length > 0)
          .map((g) => parseInt(g, 16))
      : [];
  const before = groups(head);
  const after = groups(rest);
  const words = rest === undefined ? before : [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
  const bytes = new Uint8Array(16);
  words.forEach((word, index) => {
    bytes[index * 2] = word >> 8;
    bytes[index * 2 + 1] = word & 0xff;
  });
  if (tail.length === 4) bytes.set(tail, 12);
  return bytes;
}

/** Canonical text of an address (IPv6 as eight hex groups, no compression), for messages and comparisons. */
export function formatIp(bytes: IpBytes): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return words.join(':');
}

/** A network: address bytes and prefix length. */
export interface Cidr {
  bytes: IpBytes;
  prefix: number;
}

/** `10.0.0.0/8`, `fc00::/7`, or a single address (`/32`, `/128` implied). Undefined if malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const bytes = parseIp(address);
  if (!bytes) return undefined;
  const max = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return undefined;
  return { bytes, prefix: Number(prefixText) };
}

export function cidrContains(cidr: Cidr, address: IpBytes): boolean {
  if (cidr.bytes.length !== address.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i += 1, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((cidr.bytes[i] & mask) !== (address[i] & mask)) return false;
  }
  return true;
}
