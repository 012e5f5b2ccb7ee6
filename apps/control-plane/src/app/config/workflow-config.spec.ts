import { ConfigError } from '@base-shift/config';
import { loadControlPlaneConfig } from './control-plane-config';

const BASE = { REDIS_URL: 'redis://127.0.0.1:6379', MONGO_URL: 'mongodb://127.0.0.1:27017/bs' };

describe('control plane config: workflow variables', () => {
  it('defaults to no key prefix (the seed keys exactly), the default pool and no workflow deadline', () => {
    expect(loadControlPlaneConfig(BASE)).toMatchObject({
      keyPrefix: '',
      pools: ['default'],
      workflowDefaultTimeoutSeconds: undefined,
      workflowResultClaimIdleMs: 30_000,
      workflowRecoveryDelayMs: 5000,
      workflowRetentionSeconds: 604_800,
      workflowMaxCreatesInFlight: 64,
      workflowMaxQueuedPerPool: 100_000,
      workflowMaxUnappliedResults: 500,
    });
  });

  it('reads the back-pressure bounds and refuses zero', () => {
    expect(loadControlPlaneConfig({ ...BASE, WORKFLOW_MAX_CREATES_IN_FLIGHT: '2', WORKFLOW_MAX_QUEUED_PER_POOL: '3' })).toMatchObject({
      workflowMaxCreatesInFlight: 2,
      workflowMaxQueuedPerPool: 3,
    });
    expect(() => loadControlPlaneConfig({ ...BASE, WORKFLOW_MAX_CREATES_IN_FLIGHT: '0' })).toThrow(/WORKFLOW_MAX_CREATES_IN_FLIGHT/);
    expect(() => loadControlPlaneConfig({ ...BASE, WORKFLOW_MAX_QUEUED_PER_POOL: '0' })).toThrow(/WORKFLOW_MAX_QUEUED_PER_POOL/);
  });

  it('reads REDIS_KEY_PREFIX, POOLS and the workflow timings', () => {
    const config = loadControlPlaneConfig({
      ...BASE,
      REDIS_KEY_PREFIX: 'dev-anna:',
      POOLS: 'default, gpu',
      WORKFLOW_DEFAULT_TIMEOUT_SECONDS: '3600',
      WORKFLOW_RESULT_CLAIM_IDLE_MS: '2000',
      WORKFLOW_RECOVERY_DELAY_MS: '1000',
      WORKFLOW_RETENTION_SECONDS: '86400',
    });
    expect(config).toMatchObject({
      keyPrefix: 'dev-anna:',
      pools: ['default', 'gpu'],
      workflowDefaultTimeoutSeconds: 3600,
      workflowResultClaimIdleMs: 2000,
      workflowRecoveryDelayMs: 1000,
      workflowRetentionSeconds: 86_400,
    });
  });

  it('refuses a prefix with hash-tag braces and bad pool names, naming the variables', () => {
    const thrown = (() => {
      try {
        loadControlPlaneConfig({ ...BASE, REDIS_KEY_PREFIX: 'x{y}', POOLS: 'ok,bad pool', WORKFLOW_DEFAULT_TIMEOUT_SECONDS: '0' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual([
      'WORKFLOW_DEFAULT_TIMEOUT_SECONDS: must be an integer between 1 and 2592000, got "0"',
      'REDIS_KEY_PREFIX: must not contain { or } (they would change the Redis Cluster hash tags)',
      `POOLS: pool name "bad pool" must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
    ]);
  });
});
