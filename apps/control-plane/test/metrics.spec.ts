import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { promtoolCheckMetrics } from '@base-shift/testing';
import { MetricsServer } from '../src/app/metrics/metrics-server';
import type { TestAdminKey } from './support/test-auth';
import { startInProcessApp, type InProcessApp } from './support/in-process-app';

describe('GET /metrics on METRICS_PORT', () => {
  let app: INestApplication;
  let started: InProcessApp;
  let admin: TestAdminKey;

  beforeAll(async () => {
    started = await startInProcessApp('metrics');
    app = started.app;
    admin = started.admin;
  });

  afterAll(() => started.stop());

  it('exposes request durations by route template and status, plus process metrics', async () => {
    await request(app.getHttpServer()).get('/healthz').expect(200);
    await request(app.getHttpServer()).get('/no/such/route/42').set(admin.headers).expect(404);

    const response = await request(`http://127.0.0.1:${app.get(MetricsServer).port()}`)
      .get('/metrics')
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/base_shift_http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*status="200"[^}]*\} 1/);
    // Unmatched paths share one label value: a URL never becomes a label.
    expect(response.text).toMatch(/base_shift_http_request_duration_seconds_count\{[^}]*route="unmatched"[^}]*status="404"/);
    expect(response.text).not.toContain('/no/such/route/42');
    expect(response.text).toMatch(/process_cpu_user_seconds_total\{service="control-plane"\}/);
  });

  it('passes promtool check metrics', async () => {
    await request(app.getHttpServer()).get('/healthz').expect(200);
    const response = await request(`http://127.0.0.1:${app.get(MetricsServer).port()}`)
      .get('/metrics')
      .expect(200);
    expect(promtoolCheckMetrics(response.text)).toBe('');
  });

  it('is no longer served on the API port, and the metrics port serves nothing else', async () => {
    await request(app.getHttpServer()).get('/metrics').set(admin.headers).expect(404);
    await request(`http://127.0.0.1:${app.get(MetricsServer).port()}`)
      .get('/workflows')
      .expect(404);
  });
});
