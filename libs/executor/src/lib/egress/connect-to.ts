/** Where a request for one host and port connects instead. */
export interface ConnectTarget {
  /** A host name or an IP address (IPv6 without brackets). */
  host: string;
  port: number;
}

// HOST1:PORT1:HOST2:PORT2, HOST2 an IPv6 address in brackets if it is one.
const ENTRY = /^([a-z0-9.-]+):(\d{1,5}):(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/;

/**
 * EGRESS_CONNECT_TO, curl's `--connect-to` for the executor: comma-separated
 * `HOST1:PORT1:HOST2:PORT2` entries. A request for HOST1:PORT1 connects to
 * HOST2:PORT2, while everything else stays HOST1's: the URL, the Host header,
 * the TLS server name and certificate check, and the secret bindings (a secret
 * bound to HOST1 is sent). The connection still passes the SSRF guard.
 *
 * For running templates written against a real API (the seed's
 * `https://payment.gateway.com/process`) against a stand-in, in demos and
 * tests, and for sending one host through a local forwarder. Hand-written:
 * Node's http(s) has no such option, only `lookup`, which cannot change the port.
 */
export class ConnectTo {
  private constructor(private readonly targets: ReadonlyMap<string, ConnectTarget>) {}

  static readonly NONE = new ConnectTo(new Map());

  /** Parses the entries; malformed ones are returned as problems (the caller names the variable). */
  static parse(entries: readonly string[]): { connectTo: ConnectTo; problems: string[] } {
    const targets = new Map<string, ConnectTarget>();
    const problems: string[] = [];
    for (const raw of entries) {
      const match = ENTRY.exec(raw.trim().toLowerCase());
      const ports = match ? [Number(match[2]), Number(match[4])] : [];
      if (!match || ports.some((port) => port < 1 || port > 65535)) {
        problems.push(`${JSON.stringify(raw)} is not HOST1:PORT1:HOST2:PORT2 (e.g. payment.gateway.com:443:127.0.0.1:8443), ports 1-65535`);
        continue;
      }
      targets.set(`${match[1]}:${ports[0]}`, { host: match[3].replace(/^\[(.*)\]$/, '$1'), port: ports[1] });
    }
    return { connectTo: new ConnectTo(targets), problems };
  }

  /** Where a request for `url` connects instead, or undefined to connect to the URL's own host and port. */
  target(url: URL): ConnectTarget | undefined {
    if (this.targets.size === 0) return undefined;
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    return this.targets.get(`${url.hostname.toLowerCase()}:${port}`);
  }
}
