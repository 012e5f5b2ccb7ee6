import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { isolatedMongoUrl, promtoolCheckMetrics, requireTestEnv } from '@base-shift/testing';
import { createControlPlaneApp } from '../src/app/create-app';
import { loadControlPlaneConfig } from '../src/app/config/control-plane-config';

describe('GET /metrics', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createControlPlaneApp(
      loadControlPlaneConfig({ REDIS_URL: requireTestEnv('REDIS_URL'), MONGO_URL: isolatedMongoUrl('metrics'), LOG_LEVEL: 'warn', POD_DRIVER: 'none' }),
    );
    await app.init();
  });

  afterAll(() => app.close());

  it('exposes request durations by route template and status, plus process metrics', async () => {
    await request(app.getHttpServer()).get('/healthz').expect(200);
    await request(app.getHttpServer()).get('/no/such/route/42').expect(404);

    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/base_shift_http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*status="200"[^}]*\} 1/);
    // Unmatched paths share one label value: a URL never becomes a label.
    expect(response.text).toMatch(/base_shift_http_request_duration_seconds_count\{[^}]*route="unmatched"[^}]*status="404"/);
    expect(response.text).not.toContain('/no/such/route/42');
    expect(response.text).toMatch(/process_cpu_user_seconds_total\{service="control-plane"\}/);
  });

  it('passes promtool check metrics', async () => {
    await request(app.getHttpServer()).get('/healthz').expect(200);
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(promtoolCheckMetrics(response.text)).toBe('');
  });
});
