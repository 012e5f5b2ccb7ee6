import { cidrContains, parseCidr, type Cidr, type IpBytes } from './ip-address';

const HOST_PATTERN = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * EGRESS_ALLOW: comma-separated exceptions to the SSRF guard. An entry is an
 * IP address or CIDR (`10.20.0.0/16`, `fd00::/8`, `127.0.0.1`) that may be
 * reached whatever name led there, or a host name (`payments.internal`, or
 * `*.svc.cluster.local` for every subdomain) that may resolve to any address.
 */
export class EgressAllowList {
  private constructor(
    private readonly networks: readonly Cidr[],
    private readonly hosts: readonly string[],
    private readonly suffixes: readonly string[],
  ) {}

  static readonly EMPTY = new EgressAllowList([], [], []);

  /** Parses the entries; malformed ones are returned as problems (the caller names the variable). */
  static parse(entries: readonly string[]): { allowList: EgressAllowList; problems: string[] } {
    const networks: Cidr[] = [];
    const hosts: string[] = [];
    const suffixes: string[] = [];
    const problems: string[] = [];
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (/^[0-9a-f:.[\]]+(\/\d+)?$/.test(entry) && (entry.includes(':') || /^[\d./]+$/.test(entry))) {
        const cidr = parseCidr(entry.replace(/^\[(.*)\]/, '$1'));
        if (cidr) networks.push(cidr);
        else problems.push(`${JSON.stringify(raw)} is not a valid IP address or CIDR (e.g. 10.0.0.0/8, fd00::/8)`);
      } else if (HOST_PATTERN.test(entry)) {
        if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
        else hosts.push(entry.replace(/\.$/, ''));
      } else {
        problems.push(`${JSON.stringify(raw)} is neither a host name (e.g. api.internal, *.svc.cluster.local) nor an IP address or CIDR`);
      }
    }
    return { allowList: new EgressAllowList(networks, hosts, suffixes), problems };
  }

  /** The host name itself is trusted (it may resolve to a private address). */
  allowsHost(hostname: string): boolean {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return this.hosts.includes(host) || this.suffixes.some((suffix) => host.endsWith(suffix));
  }

  allowsAddress(address: IpBytes): boolean {
    return this.networks.some((cidr) => cidrContains(cidr, address));
  }
}
