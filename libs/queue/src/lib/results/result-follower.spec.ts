import { eventually, queueFixture, type QueueFixture } from '../../test/queue-fixture';
import type { JobResult } from './job-result';
import { ResultFollower } from './result-follower';

describe('ResultFollower (real Redis)', () => {
  let f: QueueFixture;
  let followers: ResultFollower[];
  const follow = (onResult: (result: JobResult) => void | Promise<void>) => {
    const follower = new ResultFollower(f.redis, { pool: 'default', prefix: f.prefix, onResult, blockMs: 200 });
    followers.push(follower);
    return follower;
  };
  beforeEach(() => {
    f = queueFixture('follower', { leases: { announceStarts: true } });
    followers = [];
  });
  afterEach(async () => {
    await Promise.all(followers.map((follower) => follower.stop()));
    await f.cleanup();
  });

  async function runJob(templateId: string): Promise<string> {
    const id = await f.queue.enqueue('default', { payload: {}, meta: { templateId } });
    const [job] = await f.leases.lease(['default'], 'pod-1', { count: 1, leaseMs: 60_000 });
    await f.leases.complete('default', job.id, job.attempt, { ok: true });
    return id;
  }

  it('delivers only what is written after start(), in stream order, parsed', async () => {
    await runJob('before');
    const seen: JobResult[] = [];
    await follow((result) => void seen.push(result)).start();
    const id = await runJob('after');

    await eventually(async () => (seen.length === 2 ? true : undefined), 'the started and succeeded results');
    expect(seen.map((r) => [r.jobId, r.outcome, r.attempt, r.meta, r.executorId, r.output])).toEqual([
      [id, 'started', 1, { templateId: 'after' }, 'pod-1', undefined],
      [id, 'succeeded', 1, { templateId: 'after' }, undefined, { ok: true }],
    ]);
    expect(seen[1].at).toBeGreaterThanOrEqual(seen[0].at);
  });

  it("never holds back trimming: it is no consumer group, and the engine's group still sees everything", async () => {
    const seen: JobResult[] = [];
    await follow((result) => void seen.push(result)).start();
    await runJob('t');
    await eventually(async () => (seen.length === 2 ? true : undefined), 'both results');
    expect(await f.results()).toHaveLength(2);
    expect(await f.maintenance.trimResults('default')).toBe(2);
  });

  it('a result whose handler throws is delivered again, and nothing after it is skipped', async () => {
    const seen: string[] = [];
    let failures = 0;
    await follow((result) => {
      if (result.outcome === 'succeeded' && failures++ === 0) throw new Error('store unavailable');
      seen.push(result.outcome);
    }).start();
    await runJob('t');
    await eventually(async () => (seen.length === 2 ? true : undefined), 'the retried result');
    expect(seen).toEqual(['started', 'succeeded']);
  });

  it('stop() ends a blocked read, and start() again follows from the new end', async () => {
    const seen: string[] = [];
    const follower = new ResultFollower(f.redis, { pool: 'default', prefix: f.prefix, onResult: (r) => void seen.push(r.jobId), blockMs: 60_000 });
    followers.push(follower);
    await follower.start();
    const stopping = Date.now();
    await follower.stop();
    expect(Date.now() - stopping).toBeLessThan(5_000);

    const missed = await runJob('while-stopped');
    await follower.start();
    const next = await runJob('after-restart');
    await eventually(async () => (seen.length === 2 ? true : undefined), 'the results after the restart');
    expect(seen).toEqual([next, next]);
    expect(seen).not.toContain(missed);
  });

  it('refuses a bad pool or prefix by name', () => {
    expect(() => new ResultFollower(f.redis, { pool: 'a b', onResult: () => undefined })).toThrow(/^\/options\/pool must /);
    expect(() => new ResultFollower(f.redis, { pool: 'default', prefix: '{x}', onResult: () => undefined })).toThrow('/options/prefix must not contain { or }');
  });
});
