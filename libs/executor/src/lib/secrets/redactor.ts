import type { JsonValue } from '@base-shift/core';

export const REDACTED = '[REDACTED]';

// Shorter encodings would blank ordinary words; every secret worth the name is longer.
const MIN_VARIANT_LENGTH = 4;

/**
 * Remembers every secret value the executor has handed out and blanks them
 * wherever they would leave the process: error messages, step outputs,
 * anything logged. Values stay in memory only, never in a log line or Redis.
 *
 * A server may echo a secret back encoded, so each value is also blanked as
 * base64 (standard and url-safe, with or without padding), URL-encoded
 * (encodeURIComponent), and in upper or lower case.
 */
export class Redactor {
  private readonly values = new Set<string>();
  private readonly variants = new Set<string>();
  private pattern?: RegExp;

  remember(value: string): void {
    if (value.length === 0 || this.values.has(value)) return;
    this.values.add(value);
    for (const variant of encodedForms(value)) if (variant.length >= MIN_VARIANT_LENGTH || variant === value) this.variants.add(variant);
    // Longest first, so a secret containing another one is blanked whole.
    const sorted = [...this.variants].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  }

  /**
   * This redactor plus `values` (one job's writeOnly inputs), for that job's
   * output and errors only; this one is left as it is.
   */
  with(values: readonly string[]): Redactor {
    if (values.length === 0) return this;
    const extended = new Redactor();
    for (const value of this.values) extended.values.add(value);
    for (const variant of this.variants) extended.variants.add(variant);
    for (const value of values) extended.remember(value);
    return extended;
  }

  text(text: string): string {
    return this.pattern ? text.replace(this.pattern, REDACTED) : text;
  }

  /** Redacts every string (and object key) inside a JSON value; returns the value itself if nothing matched. */
  json<T extends JsonValue | undefined>(value: T): T {
    if (!this.pattern || value === undefined) return value;
    const serialized = JSON.stringify(value);
    const redacted = this.text(serialized);
    // A secret spanning JSON escapes (quotes, backslashes) is caught here too: fall back to string-wise redaction.
    return redacted === serialized ? value : (this.deep(value) as T);
  }

  private deep(value: JsonValue): JsonValue {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.deep(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.text(key), this.deep(item)]));
    }
    return value;
  }
}

/** The value and the encodings a server might echo it back in. */
export function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const base64 = bytes.toString('base64');
  const base64Url = bytes.toString('base64url');
  const forms = [
    value,
    value.toUpperCase(),
    value.toLowerCase(),
    base64,
    base64.replace(/=+$/, ''),
    base64Url,
    `${base64Url}${'='.repeat((4 - (base64Url.length % 4)) % 4)}`,
    encodeURIComponent(value),
    // %xx escapes are case-insensitive; servers differ in which case they echo.
    encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
  ];
  return [...new Set(forms)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
