import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { promtoolCheckMetrics } from '@base-shift/testing';
import { MetricsServer } from '../../src/app/metrics/metrics-server';
import { sampleValue } from '../support/metrics-text';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app';

// Metrics matter most during an outage: the scrape must still answer.
describe('GET /metrics while Redis is unreachable', () => {
  let app: INestApplication;
  let started: InProcessApp;

  beforeAll(async () => {
    started = await startInProcessApp('metrics_no_redis', { REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'fatal' }, { bootstrapKey: false });
    app = started.app;
  });

  afterAll(() => started.stop());

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
