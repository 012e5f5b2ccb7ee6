import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PoolDetail, PoolJob } from '../api/types';
import { storeKey } from '../auth/session';
import { fakeClient } from '../testing/fake-client';
import { renderRoute } from '../testing/render-route';
import { PoolDetailPage } from './PoolDetailPage';

const NOW = Date.parse('2026-01-31T10:10:00.000Z');

beforeEach(() => {
  // Timers stay real (the page's requests resolve on their own); only the clock is pinned, then moved by hand.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.useRealTimers();
});

const pool = {
  name: 'gpu',
  image: 'base-shift/job-executor:dev',
  resources: { requests: {}, limits: {} },
  minPods: 0,
  maxPods: 4,
  jobsPerPod: 2,
  scaleDownDelaySeconds: 60,
  drainSeconds: 30,
  pods: null,
  queue: { queued: 2, inFlight: 1, delayed: 0, dead: 0, oldestWaitSeconds: 100, unappliedResults: 0 },
  templates: [],
  driver: null,
} as PoolDetail;

const job = (id: string, extra: Partial<PoolJob>): PoolJob => ({
  id,
  state: 'queued',
  priority: 0,
  effectivePriority: 0,
  observedAt: new Date(NOW).toISOString(),
  createdAt: new Date(NOW).toISOString(),
  waitSeconds: 0,
  attempt: 0,
  maxAttempts: 3,
  failures: 0,
  ...extra,
});

const queued = [
  // Listed in pop order by the API: 100 s of waiting lifts base 5 to 15, past the newer base 10.
  job('wf-old:resize:1', { workflowId: 'wf-old', jobId: 'resize', templateId: 'resize_image', priority: 5, createdAt: new Date(NOW - 100_000).toISOString() }),
  job('wf-new:resize:1', { workflowId: 'wf-new', jobId: 'resize', templateId: 'resize_image', priority: 10, createdAt: new Date(NOW - 1_000).toISOString() }),
];
const leased = [
  job('wf-run:train:1', {
    state: 'leased',
    workflowId: 'wf-run',
    jobId: 'train',
    attempt: 1,
    lease: { executorId: 'gpu-pod-1', leasedAt: new Date(NOW - 30_000).toISOString(), expiresAt: new Date(NOW + 30_000).toISOString() },
  }),
];

function renderPage() {
  const fake = fakeClient({
    'GET /pools/{name}': () => pool,
    'GET /pools/{pool}/jobs': ({ params }) => ({ items: params?.query?.['state'] === 'leased' ? leased : queued, total: 0, nextCursor: null }),
  });
  storeKey('bsk_reader');
  renderRoute(fake, { url: '/pools/gpu', path: '/pools/:pool', element: <PoolDetailPage /> });
  return fake;
}

const effectiveColumn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').at(-1)?.textContent);

describe('PoolDetailPage', () => {
  it("lists the queue's jobs in pop order from the API and raises their effective priority every second", async () => {
    const fake = renderPage();
    const table = await screen.findByRole('table', { name: 'Queued jobs' });
    expect(within(table).getByRole('columnheader', { name: 'Effective priority' })).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['wf-old', 'wf-new']);
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toBe('/workflows/wf-old');
    expect(effectiveColumn(table)).toEqual(['15.0', '10.1']);

    // Ten seconds on, without a new answer from the API: both have aged by 1.
    await act(async () => {
      vi.setSystemTime(NOW + 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    });
    expect(effectiveColumn(table).slice(0, 2)).toEqual(['16.0', '11.1']);

    const inFlight = screen.getByRole('table', { name: 'In-flight jobs' });
    expect(within(inFlight).getByText('gpu-pod-1')).toBeTruthy();
    expect(within(inFlight).getByRole('link', { name: 'wf-run' })).toBeTruthy();
    // The queue read by state (queued, leased), and no workflow read one by one.
    const reads = fake.calls
      .filter((call) => call.path === '/pools/{pool}/jobs')
      .map((call) => (call.options as { params: { query: { state: string } } }).params.query.state);
    expect(new Set(reads)).toEqual(new Set(['queued', 'leased']));
    expect(fake.calls.some((call) => call.path === '/workflows/{id}')).toBe(false);
  });
});
