import { keyPrefixProblem } from '@base-shift/redis';
import { InvalidAuthArgumentError } from '../errors/auth-errors';

/**
 * The one place auth key names are made; every key is `<prefix>auth:…`.
 *
 * All API keys share the `{api-keys}` hash tag, so a key's record and the
 * index change in one MULTI or script and `list()` reads them in one pipeline,
 * also on a Redis Cluster. They are few (made by admins), so one slot holds
 * them easily. Rate-limit buckets and the audit stream are one key per script
 * call and need no tag.
 */
export class AuthKeys {
  readonly prefix: string;

  constructor(prefix = '') {
    const problem = keyPrefixProblem(prefix);
    if (problem) throw new InvalidAuthArgumentError('prefix', problem);
    this.prefix = prefix;
  }

  /** Hash of one API key: name, scopes, secretHash, createdAt, expiresAt, lastUsedAt. */
  apiKey(id: string): string {
    return `${this.prefix}auth:{api-keys}:key:${id}`;
  }

  /** Set of every API key id. */
  apiKeyIndex(): string {
    return `${this.prefix}auth:{api-keys}:index`;
  }

  /** Hash `{ tokens, at }`: one subject's token bucket of one limiter; expires once full again. */
  rateBucket(limiter: string, subject: string): string {
    return `${this.prefix}auth:rate:${limiter}:${subject}`;
  }

  /** Stream of audit entries, capped by `XADD MAXLEN ~`. */
  audit(): string {
    return `${this.prefix}auth:audit`;
  }
}
