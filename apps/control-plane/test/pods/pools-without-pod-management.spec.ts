import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { JobQueue } from '@base-shift/queue';
import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';
import { isolatedMongoUrl, requireTestEnv, uniqueName } from '@base-shift/testing';
import { createControlPlaneApp } from '../../src/app/create-app';
import { TestAdminKey } from '../support/test-auth';

/** POD_DRIVER=none (or a config without `pods`): GET /pools still describes the pools and their queues. */
describe('GET /pools without pod management', () => {
  const prefix = `bs-test:${uniqueName('pools-off')}:`;
  let app: INestApplication;
  let redis: RedisConnection;
  const admin = new TestAdminKey();

  beforeAll(async () => {
    redis = createRedisConnection(requireTestEnv('REDIS_URL'));
    app = await createControlPlaneApp({
      port: 0,
      redisUrl: requireTestEnv('REDIS_URL'),
      mongoUrl: isolatedMongoUrl('pools_off'),
      logLevel: 'warn',
      keyPrefix: prefix,
      pools: ['default', 'large'],
      auth: admin.authConfig(),
    });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    admin.remove();
  });

  it('reports live queue counts and no pod status', async () => {
    await new JobQueue(redis, { pools: ['large'], prefix }).enqueueMany('large', [{ payload: { n: 1 } }, { payload: { n: 2 } }]);
    const response = await request(app.getHttpServer()).get('/pools').set(admin.headers).expect(200);
    expect(response.body).toEqual({
      driver: null,
      pools: [
        expect.objectContaining({
          name: 'default',
          pods: null,
          queue: { queued: 0, inFlight: 0, delayed: 0, dead: 0, oldestWaitSeconds: 0, unappliedResults: 0 },
        }),
        expect.objectContaining({ name: 'large', pods: null, queue: expect.objectContaining({ queued: 2, inFlight: 0 }) }),
      ],
    });
    const large = await request(app.getHttpServer()).get('/pools/large').set(admin.headers).expect(200);
    expect(large.body).toMatchObject({ driver: null, name: 'large', templates: [] });
  });
});
