import type { INestApplication } from '@nestjs/common';
import { isolatedMongoUrl, isolatedRedis, requireTestEnv } from '@base-shift/testing';
import { loadControlPlaneConfig } from '../../src/app/config/control-plane-config';
import { createControlPlaneApp } from '../../src/app/create-app';
import { TestAdminKey } from './test-auth';

export interface InProcessApp {
  app: INestApplication;
  /** The bootstrap admin key the app was started with. */
  admin: TestAdminKey;
  stop(): Promise<void>;
}

/**
 * The control plane in this process (initialised, not listening: drive it with
 * supertest), configured from an environment as `main.ts` is, on the test
 * Redis and a FerretDB database of its own, with a real admin key. `env`
 * overrides any variable (a dead REDIS_URL, another LOG_LEVEL, …). Without
 * `bootstrapKey` the key is made but not given to the app (its bootstrap needs Redis).
 */
export async function startInProcessApp(label: string, env: Record<string, string> = {}, { bootstrapKey = true } = {}): Promise<InProcessApp> {
  const admin = new TestAdminKey();
  // Its own key prefix: the bootstrap key, the installation epoch and the other keys it writes stay apart and are removed.
  const keys = isolatedRedis(label);
  const app = await createControlPlaneApp(
    loadControlPlaneConfig({
      REDIS_URL: requireTestEnv('REDIS_URL'),
      REDIS_KEY_PREFIX: keys.prefix,
      MONGO_URL: isolatedMongoUrl(label),
      LOG_LEVEL: 'warn',
      POD_DRIVER: 'none',
      METRICS_PORT: '0',
      ...(bootstrapKey && admin.env()),
      ...env,
    }),
  );
  await app.init();
  return {
    app,
    admin,
    async stop() {
      await app.close();
      admin.remove();
      await keys.cleanup();
    },
  };
}
