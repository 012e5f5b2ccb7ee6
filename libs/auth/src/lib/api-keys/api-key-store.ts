import { timingSafeEqual } from 'node:crypto';
import type { RedisConnection } from '@base-shift/redis';
import { ApiKeyNotFoundError, InvalidAuthArgumentError, UnauthenticatedError } from '../errors/auth-errors';
import { AuthKeys } from '../keys/auth-keys';
import { runAuthScript } from '../lua/auth-scripts';
import type { ApiKeyPrincipal } from '../principal/principal';
import { parseScopes } from '../scopes/scopes';
import { API_KEY_FORMAT, generateApiKey, hashSecret, isApiKeyId, parseApiKey } from './api-key-format';
import { apiKeyFields, decodeApiKey, publicInfo, type ApiKeyInfo, type StoredApiKey } from './api-key-record';

export interface ApiKeyStoreOptions {
  /** Key prefix (tests, developer instances sharing a Redis); see AuthKeys. */
  prefix?: string;
  /** Least time between two writes of a key's `lastUsedAt` (default one minute): a busy key is not one write per request. */
  lastUsedIntervalMs?: number;
}

export interface NewApiKey {
  /** 1–100 characters, no control characters; surrounding white space is dropped. */
  name: string;
  /** At least one known scope (see parseScopes). */
  scopes: readonly string[] | string;
  /** ms since the epoch, in the future; none = the key does not expire. */
  expiresAt?: number;
}

/** What `create` returns, the only time the full key is ever shown. */
export interface CreatedApiKey extends ApiKeyInfo {
  key: string;
}

export interface BootstrapResult {
  /** False when the key was already there (another replica, an earlier start). */
  created: boolean;
  apiKey: ApiKeyInfo;
}

const DEFAULT_LAST_USED_INTERVAL_MS = 60_000;
const MAX_NAME_LENGTH = 100;
// Compared against when the id is unknown, so an unknown id costs the same
// hash and comparison as a wrong secret.
const DECOY_HASH = hashSecret(generateApiKey());

/**
 * API keys in Redis: create (the key is shown once), list, get, revoke, and
 * authenticate a presented key. Only a hash of each secret is stored.
 *
 * Nothing is cached in the process: every `authenticate` reads Redis, so a
 * revoke (one DEL) is refused by every replica from the next request on.
 */
export class ApiKeyStore {
  private readonly keys: AuthKeys;
  private readonly lastUsedIntervalMs: number;

  constructor(
    private readonly redis: RedisConnection,
    options: ApiKeyStoreOptions = {},
  ) {
    this.keys = new AuthKeys(options.prefix);
    this.lastUsedIntervalMs = options.lastUsedIntervalMs ?? DEFAULT_LAST_USED_INTERVAL_MS;
    if (!Number.isInteger(this.lastUsedIntervalMs) || this.lastUsedIntervalMs < 0) {
      throw new InvalidAuthArgumentError('lastUsedIntervalMs', `must be an integer of 0 or more (got ${String(options.lastUsedIntervalMs)})`);
    }
  }

  async create(input: NewApiKey): Promise<CreatedApiKey> {
    const name = checkName(input.name, 'name');
    const scopes = parseScopes(input.scopes, 'scopes');
    const expiresAt = checkExpiry(input.expiresAt);
    // 60-bit random ids practically never collide; if one does, the script
    // refuses to overwrite and a fresh key is drawn.
    for (let attempt = 0; attempt < 3; attempt++) {
      const key = generateApiKey();
      const { id, secret } = parseApiKey(key) as { id: string; secret: string };
      const record: StoredApiKey = {
        id,
        name,
        scopes,
        secretHash: hashSecret(secret),
        createdAt: Date.now(),
        ...(expiresAt !== undefined ? { expiresAt } : {}),
      };
      if ((await this.put(record)).created) return { ...publicInfo(record), key };
    }
    throw new Error('could not draw an unused API key id in 3 attempts');
  }

  /** Every key, oldest first; never a key or a hash. */
  async list(): Promise<ApiKeyInfo[]> {
    const ids = await this.redis.smembers(this.keys.apiKeyIndex());
    if (ids.length === 0) return [];
    // One pipeline: every key shares the {api-keys} slot.
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.keys.apiKey(id));
    const replies = (await pipeline.exec()) ?? [];
    const keys: ApiKeyInfo[] = [];
    replies.forEach(([error, hash], index) => {
      if (error) throw error;
      const stored = decodeApiKey(ids[index], hash as Record<string, string>);
      if (stored) keys.push(publicInfo(stored));
    });
    return keys.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<ApiKeyInfo | undefined> {
    const stored = await this.load(id);
    return stored && publicInfo(stored);
  }

  /** Deletes the key: from the next request on, no replica accepts it. Throws ApiKeyNotFoundError for an unknown id. */
  async revoke(id: string): Promise<void> {
    if (!isApiKeyId(id)) throw new ApiKeyNotFoundError(id);
    const replies = await this.redis.multi().del(this.keys.apiKey(id)).srem(this.keys.apiKeyIndex(), id).exec();
    const [error, deleted] = replies?.[0] ?? [new Error('revoke: MULTI was aborted'), 0];
    if (error) throw error;
    if (deleted === 0) throw new ApiKeyNotFoundError(id);
  }

  /**
   * The principal a presented key proves, or UnauthenticatedError — the same
   * error for a malformed, unknown, revoked or expired key or a wrong secret.
   */
  async authenticate(presentedKey: string): Promise<ApiKeyPrincipal> {
    const parsed = typeof presentedKey === 'string' ? parseApiKey(presentedKey) : undefined;
    const stored = parsed ? await this.load(parsed.id) : undefined;
    const presentedHash = Buffer.from(hashSecret(parsed?.secret ?? ''), 'hex');
    const expectedHash = Buffer.from(stored?.secretHash ?? DECOY_HASH, 'hex');
    // Both are 32-byte digests, so timingSafeEqual never sees different lengths.
    const secretMatches = timingSafeEqual(presentedHash, expectedHash);
    const now = Date.now();
    if (!stored || !secretMatches || (stored.expiresAt !== undefined && stored.expiresAt <= now)) {
      throw new UnauthenticatedError('the API key is not valid');
    }
    if (stored.lastUsedAt === undefined || now - stored.lastUsedAt >= this.lastUsedIntervalMs) {
      await runAuthScript(this.redis, 'touch-api-key', [this.keys.apiKey(stored.id)], [this.lastUsedIntervalMs]);
    }
    return {
      kind: 'api-key',
      subject: stored.id,
      name: stored.name,
      scopes: stored.scopes,
      ...(stored.expiresAt !== undefined ? { expiresAt: stored.expiresAt } : {}),
    };
  }

  /**
   * Makes `key` (the content of the file named by AUTH_BOOTSTRAP_KEY_FILE;
   * surrounding white space such as a final newline is ignored) an admin key,
   * so a fresh installation has a first key to create the others with.
   * Idempotent: every replica may call it at every start. Revoking it lasts
   * only until the next start while the file is still configured.
   */
  async ensureBootstrapKey(key: string, name = 'bootstrap'): Promise<BootstrapResult> {
    const parsed = typeof key === 'string' ? parseApiKey(key.trim()) : undefined;
    // The message never repeats the value: it is (nearly) a credential.
    if (!parsed) throw new InvalidAuthArgumentError('bootstrap key', `must have the format ${API_KEY_FORMAT} (make one with generateApiKey())`);
    const record: StoredApiKey = {
      id: parsed.id,
      name: checkName(name, 'bootstrap key name'),
      scopes: ['admin'],
      secretHash: hashSecret(parsed.secret),
      createdAt: Date.now(),
    };
    const { created, secretHash } = await this.put(record);
    if (!created && secretHash !== record.secretHash) {
      throw new InvalidAuthArgumentError(
        'bootstrap key',
        `has the id ${parsed.id} of an existing key with another secret; revoke that key or use another bootstrap key`,
      );
    }
    const apiKey = await this.get(parsed.id);
    if (!apiKey) throw new Error(`bootstrap key ${parsed.id} was revoked while it was being created`);
    return { created, apiKey };
  }

  private async load(id: string): Promise<StoredApiKey | undefined> {
    if (!isApiKeyId(id)) return undefined;
    return decodeApiKey(id, await this.redis.hgetall(this.keys.apiKey(id)));
  }

  private async put(record: StoredApiKey): Promise<{ created: boolean; secretHash: string }> {
    const [created, secretHash] = (await runAuthScript(
      this.redis,
      'put-api-key',
      [this.keys.apiKey(record.id), this.keys.apiKeyIndex()],
      [record.id, ...apiKeyFields(record)],
    )) as [number, string];
    return { created: created === 1, secretHash };
  }
}

function checkName(name: unknown, field: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < 1 || trimmed.length > MAX_NAME_LENGTH || /\p{Cc}/u.test(trimmed)) {
    throw new InvalidAuthArgumentError(
      field,
      `must be 1-${MAX_NAME_LENGTH} characters without control characters (got ${typeof name === 'string' ? `${name.length} characters` : typeof name})`,
    );
  }
  return trimmed;
}

function checkExpiry(expiresAt: unknown): number | undefined {
  if (expiresAt === undefined) return undefined;
  if (typeof expiresAt !== 'number' || !Number.isInteger(expiresAt) || expiresAt <= Date.now()) {
    throw new InvalidAuthArgumentError('expiresAt', `must be a time in the future, in ms since the epoch (got ${String(expiresAt)})`);
  }
  return expiresAt;
}
