import { createHash } from 'node:crypto';
import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import type { RedisConnection } from '@base-shift/redis';
import { caught } from '../../test/caught';
import { ApiKeyNotFoundError, UnauthenticatedError } from '../errors/auth-errors';
import { AuthKeys } from '../keys/auth-keys';
import { runAuthScript } from '../lua/auth-scripts';
import { generateApiKey } from './api-key-format';
import { ApiKeyStore } from './api-key-store';

describe('ApiKeyStore (real Redis)', () => {
  let r: IsolatedRedis;
  let keys: AuthKeys;
  let store: ApiKeyStore;
  const replicas: RedisConnection[] = [];
  const hourFromNow = () => Date.now() + 3_600_000;

  beforeEach(() => {
    r = isolatedRedis('auth-api-keys');
    keys = new AuthKeys(r.prefix);
    store = new ApiKeyStore(r.redis, { prefix: r.prefix });
  });
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((connection) => connection.quit()));
    await r.cleanup();
  });

  /** A store on its own connection: another control-plane replica. */
  function replica(): ApiKeyStore {
    const connection = r.redis.duplicate();
    replicas.push(connection);
    return new ApiKeyStore(connection, { prefix: r.prefix });
  }

  it('create shows the full key once and stores only the SHA-256 of its secret', async () => {
    const created = await store.create({ name: 'ci deploys', scopes: ['workflows:write', 'workflows:read'], expiresAt: hourFromNow() });
    expect(created.key).toMatch(new RegExp(`^bsk_${created.id}_[A-Za-z0-9_-]{43}$`));
    const secret = created.key.slice(`bsk_${created.id}_`.length);

    const stored = await r.redis.hgetall(keys.apiKey(created.id));
    expect(stored['secretHash']).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored).toMatchObject({ name: 'ci deploys', scopes: 'workflows:read workflows:write' });
    expect(await r.redis.smembers(keys.apiKeyIndex())).toEqual([created.id]);
  });

  it('list and get show name, scopes and times but never the key or its hash', async () => {
    const first = await store.create({ name: 'first', scopes: ['pools:read'] });
    const second = await store.create({ name: 'second', scopes: 'templates:read templates:write', expiresAt: hourFromNow() });

    const listed = await store.list();
    expect(listed.map((key) => key.id).sort()).toEqual([first.id, second.id].sort());
    expect(await store.get(second.id)).toEqual({
      id: second.id,
      name: 'second',
      scopes: ['templates:read', 'templates:write'],
      createdAt: second.createdAt,
      expiresAt: second.expiresAt,
    });
    const shown = JSON.stringify([listed, await store.get(first.id)]);
    for (const created of [first, second]) {
      expect(shown).not.toContain(created.key.slice(17));
      expect(shown).not.toContain((await r.redis.hget(keys.apiKey(created.id), 'secretHash')) as string);
    }
    expect(listed.every((key) => !('key' in key) && !('secretHash' in key))).toBe(true);
    expect(await store.get('nosuchkey234')).toBeUndefined();
  });

  it('a valid key authenticates as its id, with its name and scopes', async () => {
    const created = await store.create({ name: 'reader', scopes: ['workflows:read'] });
    expect(await store.authenticate(created.key)).toEqual({ kind: 'api-key', subject: created.id, name: 'reader', scopes: ['workflows:read'] });
  });

  it('a malformed, unknown, wrong-secret, revoked or expired key is refused with one and the same error', async () => {
    const valid = await store.create({ name: 'valid', scopes: ['admin'] });
    const revoked = await store.create({ name: 'revoked', scopes: ['admin'] });
    await store.revoke(revoked.id);
    const expired = await store.create({ name: 'expired', scopes: ['admin'], expiresAt: hourFromNow() });
    // As if the hour had passed.
    await r.redis.hset(keys.apiKey(expired.id), 'expiresAt', String(Date.now() - 1));
    const wrongSecret = `${valid.key.slice(0, 17)}${generateApiKey().slice(17)}`;

    const refusals = [];
    for (const presented of ['', 'bsk_', 'not a key', valid.key.slice(0, -1), generateApiKey(), wrongSecret, revoked.key, expired.key]) {
      refusals.push(await caught(() => store.authenticate(presented)));
    }
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(UnauthenticatedError);
      expect(refusal).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', message: 'the API key is not valid' });
    }
    expect(await store.authenticate(valid.key)).toMatchObject({ subject: valid.id });
  });

  it('a key revoked on one replica is refused by another at once', async () => {
    const created = await store.create({ name: 'to revoke', scopes: ['jobs:write'] });
    const other = replica();
    expect(await other.authenticate(created.key)).toMatchObject({ subject: created.id });

    await store.revoke(created.id);
    await expect(other.authenticate(created.key)).rejects.toThrow(UnauthenticatedError);
    expect(await other.list()).toEqual([]);
    expect(await r.redis.exists(keys.apiKey(created.id))).toBe(0);
  });

  it('revoking an unknown or malformed id is AUTH.NOT_FOUND', async () => {
    await expect(store.revoke('nosuchkey234')).rejects.toThrow(new ApiKeyNotFoundError('nosuchkey234'));
    await expect(store.revoke('../../etc')).rejects.toMatchObject({ code: 'AUTH.NOT_FOUND' });
  });

  it('lastUsedAt is written on first use, then not again within the interval', async () => {
    const created = await store.create({ name: 'busy', scopes: ['workflows:read'] });
    expect((await store.get(created.id))?.lastUsedAt).toBeUndefined();

    await store.authenticate(created.key);
    const first = (await store.get(created.id))?.lastUsedAt;
    expect(first).toBeGreaterThan(created.createdAt - 5_000);

    const recent = String(Date.now() - 30_000);
    await r.redis.hset(keys.apiKey(created.id), 'lastUsedAt', recent);
    for (let i = 0; i < 5; i++) await store.authenticate(created.key);
    expect(await r.redis.hget(keys.apiKey(created.id), 'lastUsedAt')).toBe(recent);

    await r.redis.hset(keys.apiKey(created.id), 'lastUsedAt', String(Date.now() - 61_000));
    await store.authenticate(created.key);
    expect(Number(await r.redis.hget(keys.apiKey(created.id), 'lastUsedAt'))).toBeGreaterThan(Date.now() - 10_000);
  });

  it('recording lastUsedAt of a key revoked meanwhile does not bring the key back', async () => {
    const created = await store.create({ name: 'raced', scopes: ['workflows:read'] });
    await store.revoke(created.id);
    expect(await runAuthScript(r.redis, 'touch-api-key', [keys.apiKey(created.id)], [60_000])).toBe(0);
    expect(await r.redis.exists(keys.apiKey(created.id))).toBe(0);
  });

  describe('bad input is refused naming the field, and nothing is stored', () => {
    it.each([
      ['an empty name', { name: '  ', scopes: ['admin'] }, 'name must be 1-100 characters without control characters (got 2 characters)'],
      ['a name of 101 characters', { name: 'n'.repeat(101), scopes: ['admin'] }, 'name must be 1-100 characters'],
      ['a name with a newline', { name: 'a\nb', scopes: ['admin'] }, 'name must be 1-100 characters without control characters'],
      ['no scopes', { name: 'k', scopes: [] }, 'scopes must name at least one scope'],
      ['an unknown scope', { name: 'k', scopes: ['workflows:read', 'workflows:delete'] }, 'scopes[1] is not a known scope (got "workflows:delete")'],
      ['an expiry in the past', { name: 'k', scopes: ['admin'], expiresAt: Date.now() - 1000 }, 'expiresAt must be a time in the future'],
      [
        'an expiry that is not a number',
        { name: 'k', scopes: ['admin'], expiresAt: '2030-01-01' as unknown as number },
        'expiresAt must be a time in the future, in ms since the epoch (got 2030-01-01)',
      ],
    ])('%s', async (_, input, message) => {
      const error = await caught(() => store.create(input));
      expect(error).toMatchObject({ code: 'AUTH.INVALID' });
      expect((error as Error).message).toContain(message);
      expect(await store.list()).toEqual([]);
    });
  });

  describe('bootstrap key', () => {
    it('becomes one admin key however often and by however many replicas it is applied', async () => {
      const key = generateApiKey();
      const results = await Promise.all([store.ensureBootstrapKey(key, 'bootstrap'), replica().ensureBootstrapKey(`${key}\n`, 'bootstrap')]);
      expect(results.map((result) => result.created).sort()).toEqual([false, true]);
      expect((await store.ensureBootstrapKey(key)).created).toBe(false);

      const listed = await store.list();
      expect(listed).toEqual([expect.objectContaining({ id: key.slice(4, 16), name: 'bootstrap', scopes: ['admin'] })]);
      expect(await store.authenticate(key)).toMatchObject({ kind: 'api-key', subject: key.slice(4, 16), scopes: ['admin'] });
    });

    it('a malformed key is a clear error that does not repeat the key', async () => {
      const almost = generateApiKey().slice(0, -2);
      const error = await caught(() => store.ensureBootstrapKey(almost));
      expect(error).toMatchObject({ code: 'AUTH.INVALID', field: 'bootstrap key' });
      expect((error as Error).message).toBe(
        'bootstrap key must have the format bsk_<12 lowercase base32 characters>_<43 base64url characters> (make one with generateApiKey())',
      );
      expect(await store.list()).toEqual([]);
    });

    it('a key whose id exists with another secret is refused and the existing key kept', async () => {
      const key = generateApiKey();
      await store.ensureBootstrapKey(key);
      const impostor = `${key.slice(0, 17)}${generateApiKey().slice(17)}`;
      await expect(store.ensureBootstrapKey(impostor)).rejects.toThrow(`has the id ${key.slice(4, 16)} of an existing key with another secret`);
      await expect(store.authenticate(impostor)).rejects.toThrow(UnauthenticatedError);
      expect(await store.authenticate(key)).toMatchObject({ scopes: ['admin'] });
    });
  });
});
