import { childPointer, type ValidationProblem } from '@base-shift/core';
import { SECRET_NAME_PATTERN } from '../placeholders/secret-placeholders';

/**
 * A pool's promise about one secret: the hosts it may be sent to. Configured
 * per pool (`secrets:` in the pool file), handed to the executor as
 * SECRET_BINDINGS, checked when a template is stored and again before every
 * request that carries the secret.
 */
export interface SecretBinding {
  name: string;
  /** Host names (`payments.example.com`), `*.` wildcards (`*.svc.cluster.local`: any subdomain) or IP literals (`127.0.0.1`, `[::1]`). */
  allowedHosts: readonly string[];
}

const DNS_LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^(\\*\\.)?${DNS_LABEL}(\\.${DNS_LABEL})*$`);
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOST_PATTERN_RULE = 'a host name (payments.example.com), *.<domain> for its subdomains (*.svc.cluster.local) or an IP address (127.0.0.1, [::1])';
const MAX_BINDINGS = 100;
const MAX_HOSTS = 50;

/** The canonical form of a host pattern (lower case, IPv6 bracketed and compressed), or undefined if it is not one. */
export function normalizeHostPattern(pattern: string): string | undefined {
  const text = pattern.trim().toLowerCase().replace(/\.$/, '');
  if (IPV4.test(text)) return text;
  if (/^\[?[0-9a-f:.]+\]?$/.test(text) && text.includes(':')) {
    try {
      return new URL(`http://[${text.replace(/^\[|\]$/g, '')}]/`).hostname;
    } catch {
      return undefined;
    }
  }
  if (!HOST_NAME.test(text) || text.length > 253) return undefined;
  // `*.com` would bind a secret to a whole top-level domain: require at least two labels after the wildcard.
  if (text.startsWith('*.') && !text.slice(2).includes('.')) return undefined;
  return text;
}

/** Whether `host` (a URL's `hostname`) is matched by one normalized pattern. `*.a.b` matches `x.a.b` and `y.x.a.b`, not `a.b`. */
export function hostMatchesPattern(pattern: string, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1 : name === pattern;
}

/**
 * Reads a list of bindings (parsed YAML/JSON) and reports every problem at
 * its JSON Pointer below `pointer`. Host patterns come back normalized.
 */
export function parseSecretBindings(value: unknown, pointer: string): { bindings: SecretBinding[]; problems: ValidationProblem[] } {
  const bindings: SecretBinding[] = [];
  const problems: ValidationProblem[] = [];
  if (!Array.isArray(value) || value.length > MAX_BINDINGS) {
    problems.push({ pointer: pointer || '/', message: `must be a list of at most ${MAX_BINDINGS} { name, allowedHosts } entries` });
    return { bindings, problems };
  }
  const seen = new Map<string, number>();
  value.forEach((item, index) => {
    const at = childPointer(pointer, String(index));
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ pointer: at, message: 'must be an object { name, allowedHosts }' });
      return;
    }
    const entry = item as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (key !== 'name' && key !== 'allowedHosts') problems.push({ pointer: childPointer(at, key), message: 'is not a field (expected name, allowedHosts)' });
    }
    const name = entry['name'];
    if (typeof name !== 'string' || !SECRET_NAME_PATTERN.test(name)) {
      problems.push({
        pointer: childPointer(at, 'name'),
        message: `must be a secret name matching ${SECRET_NAME_PATTERN.source} (got ${JSON.stringify(name)})`,
      });
    } else if (seen.has(name)) {
      problems.push({ pointer: childPointer(at, 'name'), message: `repeats secret ${name} (also at ${childPointer(pointer, String(seen.get(name)))})` });
    } else {
      seen.set(name, index);
    }
    const hosts = entry['allowedHosts'];
    const allowedHosts: string[] = [];
    if (!Array.isArray(hosts) || hosts.length === 0 || hosts.length > MAX_HOSTS) {
      problems.push({ pointer: childPointer(at, 'allowedHosts'), message: `must be a list of 1 to ${MAX_HOSTS} host patterns: ${HOST_PATTERN_RULE}` });
    } else {
      hosts.forEach((host, i) => {
        const normalized = typeof host === 'string' ? normalizeHostPattern(host) : undefined;
        if (normalized === undefined) {
          problems.push({ pointer: childPointer(at, 'allowedHosts', String(i)), message: `must be ${HOST_PATTERN_RULE} (got ${JSON.stringify(host)})` });
        } else if (!allowedHosts.includes(normalized)) {
          allowedHosts.push(normalized);
        }
      });
    }
    if (typeof name === 'string') bindings.push({ name, allowedHosts });
  });
  return { bindings, problems };
}

/** A pool's bindings, looked up by secret name. */
export class SecretBindings {
  static readonly NONE = new SecretBindings([]);
  private readonly byName: ReadonlyMap<string, readonly string[]>;

  constructor(bindings: readonly SecretBinding[]) {
    this.byName = new Map(bindings.map((binding) => [binding.name, binding.allowedHosts]));
  }

  /** Whether the pool declares the secret at all (an undeclared one is never handed out). */
  declares(name: string): boolean {
    return this.byName.has(name);
  }

  /** Whether `host` (a URL's `hostname`) may receive the secret. */
  allows(name: string, host: string): boolean {
    return (this.byName.get(name) ?? []).some((pattern) => hostMatchesPattern(pattern, host));
  }

  hostsOf(name: string): readonly string[] {
    return this.byName.get(name) ?? [];
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }
}
