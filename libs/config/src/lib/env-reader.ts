import { ConfigError } from './config-error';

export type EnvSource = Readonly<Record<string, string | undefined>>;

interface IntOptions {
  default?: number;
  min?: number;
  max?: number;
}

/**
 * Reads typed values from the environment and collects every problem, so one
 * start-up failure names all bad variables at once instead of the first only.
 * Values of variables that may hold credentials are never echoed back.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly source: EnvSource = process.env) {}

  string(name: string, fallback?: string): string {
    const raw = this.raw(name);
    if (raw !== undefined) return raw;
    if (fallback !== undefined) return fallback;
    this.problems.push(`${name}: is required`);
    return '';
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string, options: IntOptions = {}): number {
    const raw = this.raw(name);
    if (raw === undefined) {
      if (options.default !== undefined) return options.default;
      this.problems.push(`${name}: is required (an integer)`);
      return 0;
    }
    const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.problems.push(`${name}: must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`);
      return options.default ?? 0;
    }
    return value;
  }

  port(name: string, fallback?: number): number {
    return this.int(name, { default: fallback, min: 1, max: 65535 });
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const raw = this.raw(name);
    if (raw === undefined) {
      if (fallback !== undefined) return fallback;
      this.problems.push(`${name}: is required (one of ${allowed.join(', ')})`);
      return allowed[0];
    }
    const normalized = raw.toLowerCase();
    const match = allowed.find((candidate) => candidate.toLowerCase() === normalized);
    if (!match) {
      this.problems.push(`${name}: must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
      return fallback ?? allowed[0];
    }
    return match;
  }

  /** A URL whose scheme is one of `protocols` (e.g. `['redis:', 'rediss:']`). */
  url(name: string, protocols: readonly string[], fallback?: string): string {
    const raw = this.raw(name) ?? fallback;
    if (raw === undefined) {
      this.problems.push(`${name}: is required (a ${protocols.join(' or ')} URL)`);
      return '';
    }
    if (!isUrlWithProtocol(raw, protocols)) {
      this.problems.push(`${name}: must be a ${protocols.join(' or ')} URL, got ${JSON.stringify(redactUrl(raw))}`);
    }
    return raw;
  }

  /** Comma-separated list; empty items are dropped. */
  list(name: string, fallback: readonly string[] = []): string[] {
    const raw = this.raw(name);
    if (raw === undefined) return [...fallback];
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  /** Records a problem found by the caller's own cross-field checks. */
  fail(name: string, problem: string): void {
    this.problems.push(`${name}: ${problem}`);
  }

  /** Throws one ConfigError naming every bad variable; call after reading all values. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }

  private raw(name: string): string | undefined {
    const value = this.source[name];
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    return trimmed.length === 0 ? undefined : trimmed;
  }
}

function isUrlWithProtocol(raw: string, protocols: readonly string[]): boolean {
  try {
    const parsed = new URL(raw);
    return protocols.includes(parsed.protocol) && parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Drops user and password from a URL so it can appear in messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const parsed = new URL(raw);
    if (!parsed.username && !parsed.password) return raw;
    parsed.username = parsed.password ? '***' : parsed.username;
    parsed.password = '';
    return parsed.toString();
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//***@');
  }
}
