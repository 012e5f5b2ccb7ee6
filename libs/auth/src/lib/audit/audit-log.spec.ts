import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { generateApiKey } from '../api-keys/api-key-format';
import { AuthKeys } from '../keys/auth-keys';
import { AuditLog, type AuditRecord } from './audit-log';

describe('AuditLog (real Redis)', () => {
  let r: IsolatedRedis;
  let audit: AuditLog;
  const entry = (overrides: Partial<AuditRecord> = {}): AuditRecord => ({
    actor: 'abcdefgh2345',
    action: 'workflows.create',
    target: 'workflow/wf-1',
    outcome: 'allowed',
    status: 201,
    requestId: 'req-1',
    ...overrides,
  });

  beforeEach(() => {
    r = isolatedRedis('auth-audit');
    audit = new AuditLog(r.redis, { prefix: r.prefix });
  });
  afterEach(() => r.cleanup());

  it('an entry is kept with every field, and `at` defaults to now', async () => {
    const id = await audit.record(entry({ at: Date.UTC(2030, 0, 1) }));
    const before = Date.now();
    await audit.record(entry({ actor: 'anonymous', outcome: 'denied', status: undefined, target: '', requestId: 'req-2' }));
    const { entries, next } = await audit.list();
    expect(next).toBeUndefined();
    expect(entries[1]).toEqual({
      id,
      at: Date.UTC(2030, 0, 1),
      actor: 'abcdefgh2345',
      action: 'workflows.create',
      target: 'workflow/wf-1',
      outcome: 'allowed',
      status: 201,
      requestId: 'req-1',
    });
    expect(entries[0]).toMatchObject({ actor: 'anonymous', outcome: 'denied', target: '', requestId: 'req-2' });
    expect(entries[0]).not.toHaveProperty('status');
    expect(entries[0].at).toBeGreaterThanOrEqual(before);
  });

  it('entries come back newest first, a page at a time, until a page without a cursor', async () => {
    for (let i = 1; i <= 5; i++) await audit.record(entry({ requestId: `req-${i}` }));
    const pages: string[][] = [];
    let before: string | undefined;
    do {
      const page = await audit.list({ limit: 2, before });
      pages.push(page.entries.map((e) => e.requestId));
      before = page.next;
    } while (before);
    expect(pages).toEqual([['req-5', 'req-4'], ['req-3', 'req-2'], ['req-1']]);
  });

  it('a full last page has no cursor', async () => {
    for (let i = 1; i <= 2; i++) await audit.record(entry({ requestId: `req-${i}` }));
    expect((await audit.list({ limit: 2 })).next).toBeUndefined();
  });

  it('the stream is capped near maxEntries', async () => {
    const capped = new AuditLog(r.redis, { prefix: r.prefix, maxEntries: 10 });
    for (let i = 0; i < 300; i++) await capped.record(entry({ requestId: `req-${i}` }));
    const [, nodeSize] = (await r.redis.config('GET', 'stream-node-max-entries')) as [string, string];
    const length = await r.redis.xlen(new AuthKeys(r.prefix).audit());
    // `~` trims whole stream nodes only, so up to one node more than asked may stay.
    expect(length).toBeGreaterThanOrEqual(10);
    expect(length).toBeLessThanOrEqual(10 + Number(nodeSize));
    expect((await capped.list({ limit: 1 })).entries[0].requestId).toBe('req-299');
  });

  it('an API key or a JWT in any field is redacted before it is stored', async () => {
    const key = generateApiKey();
    const jwt = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.sig`;
    await audit.record(entry({ actor: key, action: `login ${jwt}`, target: `/x?token=${jwt}`, requestId: key }));
    const raw = JSON.stringify(await r.redis.xrange(new AuthKeys(r.prefix).audit(), '-', '+'));
    expect(raw).not.toContain(key.slice(4));
    expect(raw).not.toContain(jwt);
    expect((await audit.list()).entries[0]).toMatchObject({
      actor: '[redacted]',
      action: 'login [redacted]',
      target: '/x?token=[redacted]',
      requestId: '[redacted]',
    });
  });

  it('long values are cut to 1,000 characters', async () => {
    await audit.record(entry({ target: `/${'x'.repeat(5_000)}` }));
    expect((await audit.list()).entries[0].target).toHaveLength(1_000);
  });

  it('bad entries and bad page requests are refused naming the field', async () => {
    await expect(audit.record(entry({ outcome: 'maybe' as never }))).rejects.toThrow('outcome must be one of allowed, denied, failed (got "maybe")');
    await expect(audit.record(entry({ actor: '' }))).rejects.toMatchObject({ code: 'AUTH.INVALID', field: 'actor' });
    await expect(audit.record(entry({ status: 42 }))).rejects.toThrow('status must be an HTTP status from 100 to 599 (got 42)');
    await expect(audit.list({ limit: 501 })).rejects.toThrow('limit must be an integer from 1 to 500 (got 501)');
    await expect(audit.list({ before: '+' })).rejects.toMatchObject({ code: 'AUTH.INVALID', field: 'before' });
    expect(() => new AuditLog(r.redis, { maxEntries: 0 })).toThrow('maxEntries must be an integer');
    expect((await audit.list()).entries).toEqual([]);
  });
});
