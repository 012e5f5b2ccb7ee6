import { ServiceUnavailableException } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { RedisConnection } from '@base-shift/redis';
import type { ControlPlaneConfig } from '../config/control-plane-config';
import { HealthController } from './health.controller';
import { ProgressChecks } from './progress-checks';

// Redis and MongoDB answer; only the process's own progress varies.
const redis = { ping: async () => 'PONG' } as unknown as RedisConnection;
const mongo = { readyState: 1, db: { admin: () => ({ ping: async () => ({ ok: 1 }) }) } } as unknown as Connection;
const config = { auth: { mode: 'api-key' } } as unknown as ControlPlaneConfig;

describe('GET /readyz and progress', () => {
  it('is degraded (503, the reason named) while a loop makes no progress, and ready again once it does', async () => {
    const progress = new ProgressChecks();
    let problem: string | undefined = 'the last rounds of the result consumer failed for pool default';
    progress.register('results', () => problem);
    const health = new HealthController(redis, mongo, null, config, progress);

    const error = await health.readyz().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect((error as ServiceUnavailableException).getResponse()).toMatchObject({
      title: 'Degraded',
      detail: problem,
      problems: { results: problem },
    });

    problem = undefined;
    await expect(health.readyz()).resolves.toMatchObject({ status: 'ready' });
  });
});
