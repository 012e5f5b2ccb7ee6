import type { JsonValue } from '@base-shift/core';

export const REDACTED = '[REDACTED]';

/**
 * Remembers every secret value the executor has handed out and blanks them
 * wherever they would leave the process: error messages, step outputs,
 * anything logged. Values stay in memory only, never in a log line or Redis.
 */
export class Redactor {
  private readonly values = new Set<string>();
  private pattern?: RegExp;

  remember(value: string): void {
    if (value.length === 0 || this.values.has(value)) return;
    this.values.add(value);
    // Longest first, so a secret containing another one is blanked whole.
    const sorted = [...this.values].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
