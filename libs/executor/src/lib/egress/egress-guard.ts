import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { EgressRefusedError } from '../errors/executor-errors';
import { forbiddenClass, type ForbiddenClass } from './address-class';
import { EgressAllowList } from './egress-allow-list';
import { formatIp, parseIp } from './ip-address';

const ALLOWED_PROTOCOLS = ['http:', 'https:'];

type DnsLookupAll = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemLookupAll: DnsLookupAll = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

/**
 * The SSRF guard. Every address a request may connect to is checked AFTER
 * name resolution, inside the socket's own `lookup`: the connection goes to
 * the very address that was checked, so a name that resolves differently the
 * second time (DNS rebinding) cannot slip through. Literal IPs never reach
 * `lookup`, so `checkUrl` judges them up front.
 */
export class EgressGuard {
  constructor(
    private readonly allowList: EgressAllowList = EgressAllowList.EMPTY,
    private readonly onRefused: (reason: ForbiddenClass | 'scheme') => void = () => undefined,
    private readonly resolveAll: DnsLookupAll = systemLookupAll,
  ) {}

  /** Refuses non-http(s) URLs and literal addresses that are off limits. */
  checkUrl(url: URL): void {
    if (!ALLOWED_PROTOCOLS.includes(url.protocol)) {
      this.onRefused('scheme');
      throw new EgressRefusedError(`egress refused: scheme ${url.protocol.replace(/:$/, '')} is not allowed (only http and https)`);
    }
    const literal = parseIp(url.hostname);
    if (literal) this.checkAddress(url.hostname, literal);
  }

  /** For `http.Agent`/`net.connect`: resolves, checks every address, hands over only checked ones. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolveAll(hostname, (error, addresses) => {
      if (error) return callback(error, '', 0);
      try {
        const family = typeof options.family === 'number' ? options.family : options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : 0;
        const usable = addresses.filter((entry) => family === 0 || entry.family === family);
        // Every address is checked, not only the one used: a name with one public and one
        // private address would otherwise reach the private one on a retry or a fallback.
        for (const entry of addresses) this.checkAddress(hostname, parseIp(entry.address), entry.address);
        if (usable.length === 0) {
          const notFound = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
          return callback(notFound, '', 0);
        }
        if (options.all) return callback(null, usable);
        return callback(null, usable[0].address, usable[0].family);
      } catch (refusal) {
        return callback(refusal as Error, '', 0);
      }
    });
  };

  private checkAddress(hostname: string, address: Uint8Array | undefined, text = hostname): void {
    if (!address) throw new EgressRefusedError(`egress refused: ${hostname} resolved to ${text}, which is not an IP address`);
    const kind = forbiddenClass(address);
    if (kind === undefined || this.allowList.allowsHost(hostname) || this.allowList.allowsAddress(address)) return;
    this.onRefused(kind);
    const shown = address.length === 16 ? `[${formatIp(address)}]` : formatIp(address);
    const via = parseIp(hostname) ? '' : ` (resolved from ${hostname})`;
    const article = kind === 'unspecified' ? 'an' : 'a';
    throw new EgressRefusedError(`egress refused: ${shown}${via} is ${article} ${kind} address; add the host or a CIDR to EGRESS_ALLOW to allow it`, {
      host: hostname,
      addressClass: kind,
    });
  }
}
