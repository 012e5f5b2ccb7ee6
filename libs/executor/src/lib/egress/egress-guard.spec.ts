import type { LookupAddress } from 'node:dns';
import { EgressRefusedError } from '../errors/executor-errors';
import { EgressAllowList } from './egress-allow-list';
import { EgressGuard } from './egress-guard';

type Answer = LookupAddress[];

function guardWith(answers: Record<string, Answer[]>, allow: string[] = [], refused: string[] = []): EgressGuard {
  const { allowList } = EgressAllowList.parse(allow);
  return new EgressGuard(
    allowList,
    (kind) => refused.push(kind),
    (hostname, callback) => {
      const next = answers[hostname]?.shift();
      if (!next) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, next);
    },
  );
}

function lookup(guard: EgressGuard, hostname: string, all = false): Promise<unknown> {
  return new Promise((resolve, reject) => {
    guard.lookup(hostname, { all }, (error, address) => (error ? reject(error) : resolve(address)));
  });
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });

describe('EgressGuard', () => {
  it('hands a public address to the socket', async () => {
    const guard = guardWith({ 'api.example.com': [[v4('93.184.216.34')]] });
    await expect(lookup(guard, 'api.example.com')).resolves.toBe('93.184.216.34');
  });

  it('refuses a name that resolves to the metadata endpoint, and counts the refusal', async () => {
    const refused: string[] = [];
    const guard = guardWith({ 'metadata.evil.test': [[v4('169.254.169.254')]] }, [], refused);
    const error = await lookup(guard, 'metadata.evil.test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EgressRefusedError);
    expect((error as Error).message).toBe(
      'egress refused: 169.254.169.254 (resolved from metadata.evil.test) is a link-local address; add the host or a CIDR to EGRESS_ALLOW to allow it',
    );
    expect(refused).toEqual(['link-local']);
  });

  it('refuses when any resolved address is private, even if another is public', async () => {
    const guard = guardWith({ 'mixed.test': [[v4('93.184.216.34'), v4('10.0.0.5')]] });
    await expect(lookup(guard, 'mixed.test', true)).rejects.toThrow(/10\.0\.0\.5 \(resolved from mixed\.test\) is a private address/);
  });

  it('checks every resolution, so a rebinding name cannot pass the second time', async () => {
    const guard = guardWith({ 'rebind.test': [[v4('93.184.216.34')], [v4('127.0.0.1')]] });
    await expect(lookup(guard, 'rebind.test')).resolves.toBe('93.184.216.34');
    await expect(lookup(guard, 'rebind.test')).rejects.toThrow(/127\.0\.0\.1 \(resolved from rebind\.test\) is a loopback address/);
  });

  it('lets EGRESS_ALLOW hosts and CIDRs through', async () => {
    const guard = guardWith({ 'payments.internal': [[v4('10.1.2.3')]], 'other.internal': [[v4('10.9.0.1')]] }, ['payments.internal', '10.9.0.0/16']);
    await expect(lookup(guard, 'payments.internal')).resolves.toBe('10.1.2.3');
    await expect(lookup(guard, 'other.internal', true)).resolves.toEqual([v4('10.9.0.1')]);
  });

  it('refuses literal addresses and non-http(s) schemes up front', () => {
    const guard = guardWith({});
    expect(() => guard.checkUrl(new URL('http://127.0.0.1:8080/'))).toThrow('egress refused: 127.0.0.1 is a loopback address');
    expect(() => guard.checkUrl(new URL('http://[::ffff:127.0.0.1]/'))).toThrow(/\[0:0:0:0:0:ffff:7f00:1\] is a loopback address/);
    expect(() => guard.checkUrl(new URL('http://2130706433/'))).toThrow(/127\.0\.0\.1 is a loopback address/);
    expect(() => guard.checkUrl(new URL('http://0x7f.1/'))).toThrow(/127\.0\.0\.1 is a loopback address/);
    expect(() => guard.checkUrl(new URL('http://[fd00::1]/'))).toThrow(/is a unique-local address/);
    expect(() => guard.checkUrl(new URL('http://0.0.0.0/'))).toThrow(/is an unspecified address/);
    expect(() => guard.checkUrl(new URL('file:///etc/passwd'))).toThrow('egress refused: scheme file is not allowed (only http and https)');
    expect(() => guard.checkUrl(new URL('gopher://example.com/'))).toThrow(/scheme gopher/);
    expect(() => guard.checkUrl(new URL('https://93.184.216.34/'))).not.toThrow();
  });
});
