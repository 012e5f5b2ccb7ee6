import { CoordinationV1Api } from '@kubernetes/client-node';
import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { KubernetesLeaseElector } from '../lib/leadership/kubernetes-lease-elector';
import type { LeaderElector } from '../lib/leadership/leader-elector.port';
import { Leadership } from '../lib/leadership/leadership';
import { RedisLockElector } from '../lib/leadership/redis-lock-elector';
import { FakeClock } from './kube-harness';
import { eventually, KubeTestNamespace } from './kube-test-namespace';

/** A replica's view of leadership: whether it leads, and what it was told. */
class Replica {
  readonly log: string[] = [];
  readonly leadership: Leadership;

  constructor(elector: LeaderElector, clock: FakeClock | undefined, retryPeriodMs: number) {
    this.leadership = new Leadership(
      elector,
      { retryPeriodMs, renewDeadlineMs: Math.floor((elector.leaseDurationMs * 2) / 3), clock: clock?.read },
      { onStartedLeading: () => void this.log.push('started'), onStoppedLeading: () => void this.log.push('stopped') },
    );
  }

  tick(): Promise<boolean> {
    return this.leadership.tick();
  }
}

describe('leader election on a coordination.k8s.io/v1 Lease', () => {
  const LEASE_SECONDS = 15;
  const RETRY_MS = 2000;
  let kube: KubeTestNamespace;
  let clock: FakeClock;

  beforeAll(async () => {
    kube = await KubeTestNamespace.create('leader');
  });

  afterAll(async () => {
    await kube?.delete();
  });

  function replica(name: string, leaseName: string): Replica {
    const elector = new KubernetesLeaseElector(kube.kubeConfig.makeApiClient(CoordinationV1Api), {
      namespace: kube.namespace,
      leaseName,
      identity: name,
      leaseDurationSeconds: LEASE_SECONDS,
      clock: clock.read,
    });
    return new Replica(elector, clock, RETRY_MS);
  }

  beforeEach(() => {
    clock = new FakeClock();
  });

  it('one replica leads; when it dies a follower takes over within the lease duration', async () => {
    const a = replica('replica-a', 'failover');
    const b = replica('replica-b', 'failover');
    expect(await a.tick()).toBe(true);
    expect(await b.tick()).toBe(false);

    // While A renews every retry period, B never gets the lease.
    for (let i = 0; i < 10; i += 1) {
      clock.advance(RETRY_MS);
      expect(await a.tick()).toBe(true);
      expect(await b.tick()).toBe(false);
    }

    // A dies (no release). B keeps trying every retry period and must win within the lease duration.
    let attempts = 0;
    let leads = false;
    while (!leads && attempts < 100) {
      clock.advance(RETRY_MS);
      attempts += 1;
      leads = await b.tick();
    }
    expect(leads).toBe(true);
    expect(attempts * RETRY_MS).toBeLessThanOrEqual(LEASE_SECONDS * 1000 + RETRY_MS);
    expect(attempts * RETRY_MS).toBeGreaterThanOrEqual(LEASE_SECONDS * 1000);
    expect(b.log).toEqual(['started']);

    const lease = await kube.coordination.readNamespacedLease({ name: 'failover', namespace: kube.namespace });
    expect(lease.spec).toMatchObject({ holderIdentity: 'replica-b', leaseTransitions: 1, leaseDurationSeconds: LEASE_SECONDS });

    // A comes back (a paused process): its renewal is refused and it steps down.
    expect(await a.tick()).toBe(false);
    expect(a.log).toEqual(['started', 'stopped']);
  });

  it('a replica that shuts down releases the lease, and a follower takes over at its next attempt', async () => {
    const a = replica('replica-a', 'release');
    const b = replica('replica-b', 'release');
    expect(await a.tick()).toBe(true);
    expect(await b.tick()).toBe(false);
    await a.leadership.stop({ release: true });
    expect(a.log).toEqual(['started', 'stopped']);
    clock.advance(RETRY_MS);
    expect(await b.tick()).toBe(true);
  });

  it('two candidates racing for a free lease: exactly one wins', async () => {
    const candidates = Array.from({ length: 5 }, (_, i) => replica(`racer-${i}`, 'race'));
    const results = await Promise.all(candidates.map((candidate) => candidate.tick()));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('leader election on a Redis lock (local driver)', () => {
  let redis: IsolatedRedis;

  beforeAll(() => {
    redis = isolatedRedis('leader-lock');
  });

  afterAll(async () => {
    await redis?.cleanup();
  });

  function replica(name: string): { replica: Replica; elector: RedisLockElector } {
    const elector = new RedisLockElector(redis.redis, { key: `${redis.prefix}pods:{cp}:leader`, identity: name, leaseDurationMs: 600 });
    return { replica: new Replica(elector, undefined, 100), elector };
  }

  it("a follower takes over once the dead leader's lock lapses, and the old leader cannot renew it", async () => {
    const a = replica('replica-a');
    const b = replica('replica-b');
    expect(await a.replica.tick()).toBe(true);
    expect(await a.replica.tick()).toBe(true);
    expect(await b.replica.tick()).toBe(false);
    const ttl = await redis.redis.pttl(`${redis.prefix}pods:{cp}:leader`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);

    // A dies: nobody renews. B wins as soon as the lock is gone, not before.
    await eventually(async () => (await b.replica.tick()) || undefined, 'the follower taking over', { attempts: 100, everyMs: 50 });
    expect(await b.elector.holder()).toBe('replica-b');
    expect(await a.replica.tick()).toBe(false);
    expect(a.replica.log).toEqual(['started', 'stopped']);
    expect(await b.elector.holder()).toBe('replica-b');
  });

  it('release hands over at once', async () => {
    const a = replica('replica-c');
    const b = replica('replica-d');
    await redis.redis.del(`${redis.prefix}pods:{cp}:leader`);
    expect(await a.replica.tick()).toBe(true);
    expect(await b.replica.tick()).toBe(false);
    await a.replica.leadership.stop({ release: true });
    expect(await b.replica.tick()).toBe(true);
  });
});
