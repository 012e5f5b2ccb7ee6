import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { isolatedMongoUrl, promtoolCheckMetrics } from '@base-shift/testing';
import { createControlPlaneApp } from '../../src/app/create-app';
import { loadControlPlaneConfig } from '../../src/app/config/control-plane-config';
import { MetricsServer } from '../../src/app/metrics/metrics-server';
import { sampleValue } from '../support/metrics-text';

// Metrics matter most during an outage: the scrape must still answer.
describe('GET /metrics while Redis is unreachable', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createControlPlaneApp(
      loadControlPlaneConfig({
        REDIS_URL: 'redis://127.0.0.1:1',
        MONGO_URL: isolatedMongoUrl('metrics_no_redis'),
        LOG_LEVEL: 'fatal',
        POD_DRIVER: 'none',
        METRICS_PORT: '0',
      }),
    );
    await app.init();
  });
  afterAll(() => app.close());

  it('answers without the Redis-backed gauges and counts the failed reads', async () => {
    const scrapeUrl = `http://127.0.0.1:${app.get(MetricsServer).port()}`;
    const first = await request(scrapeUrl).get('/metrics').expect(200);
    expect(first.text).not.toMatch(/^base_shift_workflows\{/m);
    expect(first.text).not.toMatch(/^base_shift_queue_jobs\{/m);
    // A failure is counted when the read fails, after the counter was written into that scrape: the next one shows it.
    const response = await request(scrapeUrl).get('/metrics').expect(200);
    expect(sampleValue(response.text, 'base_shift_metrics_collect_failures_total', { source: 'workflows' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(response.text, 'base_shift_metrics_collect_failures_total', { source: 'queue' })).toBeGreaterThanOrEqual(1);
    expect(promtoolCheckMetrics(response.text)).toBe('');
  });
});
