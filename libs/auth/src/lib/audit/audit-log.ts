import type { RedisConnection } from '@base-shift/redis';
import { InvalidAuthArgumentError } from '../errors/auth-errors';
import { AuthKeys } from '../keys/auth-keys';
import { redactCredentials } from './credential-redaction';

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditRecord {
  /** ms since the epoch (default now). */
  at?: number;
  /** An API key id, an OIDC subject, or `anonymous`. */
  actor: string;
  /** What was attempted, e.g. `workflows.create`, `api-keys.revoke`. */
  action: string;
  /** What it was attempted on, e.g. `workflow/wf-123`; may be empty. */
  target: string;
  outcome: AuditOutcome;
  /** The HTTP status answered, if any. */
  status?: number;
  requestId: string;
}

export interface AuditEntry extends Required<Omit<AuditRecord, 'status'>> {
  /** The stream entry id: the cursor for `list({ before })`. */
  id: string;
  status?: number;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
}

export interface AuditLogOptions {
  prefix?: string;
  /** About how many entries are kept: older ones are trimmed (XADD MAXLEN ~). Default 10,000. */
  maxEntries?: number;
}

export const DEFAULT_AUDIT_MAX_ENTRIES = 10_000;
export const MAX_AUDIT_PAGE = 500;
const MAX_FIELD_LENGTH = 1_000;
const OUTCOMES: readonly AuditOutcome[] = ['allowed', 'denied', 'failed'];
const STREAM_ID = /^\d+-\d+$/;

/**
 * Who did what, to what, with which outcome: a Redis stream, capped so it
 * cannot grow without bound (`~` lets Redis trim whole nodes, cheaply, so a
 * few more than `maxEntries` may be kept). Values are cut to 1,000 characters
 * and any credential in them is redacted (see credential-redaction.ts).
 */
export class AuditLog {
  private readonly key: string;
  private readonly maxEntries: number;

  constructor(
    private readonly redis: RedisConnection,
    options: AuditLogOptions = {},
  ) {
    this.key = new AuthKeys(options.prefix).audit();
    this.maxEntries = options.maxEntries ?? DEFAULT_AUDIT_MAX_ENTRIES;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1 || this.maxEntries > 10_000_000) {
      throw new InvalidAuthArgumentError('maxEntries', `must be an integer from 1 to 10,000,000 (got ${String(options.maxEntries)})`);
    }
  }

  /** Appends an entry; returns its id. */
  async record(entry: AuditRecord): Promise<string> {
    const at = entry.at ?? Date.now();
    if (!Number.isInteger(at) || at < 0) throw new InvalidAuthArgumentError('at', `must be ms since the epoch (got ${String(entry.at)})`);
    if (!OUTCOMES.includes(entry.outcome))
      throw new InvalidAuthArgumentError('outcome', `must be one of ${OUTCOMES.join(', ')} (got ${JSON.stringify(entry.outcome)})`);
    if (entry.status !== undefined && (!Number.isInteger(entry.status) || entry.status < 100 || entry.status > 599)) {
      throw new InvalidAuthArgumentError('status', `must be an HTTP status from 100 to 599 (got ${String(entry.status)})`);
    }
    const fields = ['at', String(at), 'outcome', entry.outcome];
    for (const field of ['actor', 'action', 'target', 'requestId'] as const) {
      const value = entry[field];
      if (typeof value !== 'string' || (value.length === 0 && field !== 'target')) {
        throw new InvalidAuthArgumentError(field, `must be a non-empty string (got ${JSON.stringify(value)})`);
      }
      fields.push(field, redactCredentials(value).slice(0, MAX_FIELD_LENGTH));
    }
    if (entry.status !== undefined) fields.push('status', String(entry.status));
    return (await this.redis.xadd(this.key, 'MAXLEN', '~', this.maxEntries, '*', ...fields)) as string;
  }

  /** A page of entries, newest first; `before` is the `next` of the previous page. */
  async list({ limit = 50, before }: { limit?: number; before?: string } = {}): Promise<AuditPage> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
      throw new InvalidAuthArgumentError('limit', `must be an integer from 1 to ${MAX_AUDIT_PAGE} (got ${String(limit)})`);
    }
    if (before !== undefined && !STREAM_ID.test(before)) {
      throw new InvalidAuthArgumentError('before', `must be a cursor returned as next by an earlier page (got ${JSON.stringify(before)})`);
    }
    // One more than asked, to know whether an older page exists.
    const rows = await this.redis.xrevrange(this.key, before === undefined ? '+' : `(${before}`, '-', 'COUNT', limit + 1);
    const entries = rows.slice(0, limit).map(([id, flat]) => decodeEntry(id, flat));
    return rows.length > limit ? { entries, next: entries[entries.length - 1].id } : { entries };
  }
}

function decodeEntry(id: string, flat: string[]): AuditEntry {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]] = flat[i + 1];
  return {
    id,
    at: Number(fields['at']),
    actor: fields['actor'] ?? '',
    action: fields['action'] ?? '',
    target: fields['target'] ?? '',
    outcome: (fields['outcome'] ?? 'failed') as AuditOutcome,
    ...(fields['status'] !== undefined ? { status: Number(fields['status']) } : {}),
    requestId: fields['requestId'] ?? '',
  };
}
