import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workflow } from '../api/types';
import { SessionProvider } from '../auth/auth-context';
import { storeKey } from '../auth/session';
import { fakeClient, type FakeClient } from '../testing/fake-client';
import { WorkflowDetailPage } from './WorkflowDetailPage';

const ID = '0194b7c2-5e1a-7c3d-9f00-1a2b3c4d5e6f';
const T = '2026-01-31T10:00:00.000Z';
const job = (id: string, extra: Partial<Workflow['jobs'][number]> = {}): Workflow['jobs'][number] => ({
  id,
  templateId: id,
  version: '1.0.0',
  state: 'PENDING',
  attempts: 0,
  maxAttempts: 3,
  priority: 0,
  pool: 'default',
  dependsOn: [],
  input: { orderId: 'o-1' },
  external: false,
  ...extra,
});

let snapshot: Workflow;
let fake: FakeClient;

beforeEach(() => {
  storeKey('bsk_test');
  snapshot = {
    id: ID,
    name: 'order o-1',
    state: 'RUNNING',
    currentJob: 'validate',
    mode: 'sequential',
    input: {},
    createdAt: T,
    updatedAt: T,
    jobs: [job('validate', { state: 'QUEUED', queuedAt: T }), job('charge')],
    history: [
      { seq: 1, at: T, kind: 'workflow', from: '', to: 'RUNNING' },
      { seq: 2, at: T, kind: 'job', jobId: 'validate', from: 'PENDING', to: 'QUEUED' },
    ],
  };
  fake = fakeClient({ 'GET /workflows/{id}': () => snapshot, 'POST /workflows/{id}/cancel': () => ({ ...snapshot, state: 'CANCELLED' }) });
});

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function renderPage() {
  render(
    <SessionProvider createClient={() => fake.client}>
      <MemoryRouter initialEntries={[`/workflows/${ID}`]}>
        <Routes>
          <Route path="/workflows/:id" element={<WorkflowDetailPage />} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
}

describe('WorkflowDetailPage', () => {
  it('draws a sequential workflow as a chain and shows a job on click', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'order o-1' })).toBeTruthy();
    const graph = screen.getByRole('figure', { name: 'Job graph' });
    const buttons = within(graph).getAllByRole('button');
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(['validate', 'charge']);
    expect(buttons.every((button) => button.getAttribute('data-critical') === 'true')).toBe(true);
    fireEvent.click(within(graph).getByRole('button', { name: 'validate' }));
    const region = screen.getByRole('region', { name: 'Job validate' });
    expect(within(region).getByRole('heading', { name: 'Input' })).toBeTruthy();
    expect(region.textContent).toContain('"orderId": "o-1"');
  });

  it('moves state and appends events as transitions stream in, without a reload', async () => {
    renderPage();
    expect((await screen.findByTestId('workflow-state')).textContent).toBe('RUNNING');
    expect(within(screen.getByRole('log', { name: 'Events' })).getAllByRole('listitem')).toHaveLength(2);
    await act(async () => {
      fake.emit({ seq: 3, at: T, kind: 'job', jobId: 'validate', from: 'QUEUED', to: 'RUNNING', attempt: 1 });
      fake.emit({ seq: 4, at: T, kind: 'workflow', from: 'RUNNING', to: 'FAILED', reason: 'job validate failed' });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getByTestId('workflow-state').textContent).toBe('FAILED');
    expect(screen.getByRole('button', { name: 'validate' }).getAttribute('data-state')).toBe('RUNNING');
    expect(within(screen.getByRole('log', { name: 'Events' })).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Retry workflow' })).toBeTruthy();
    expect(fake.calls.filter((call) => call.path === '/workflows/{id}')).toHaveLength(1);
  });

  it('cancels only after the confirmation', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel workflow' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.some((call) => call.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel workflow' }));
    snapshot = { ...snapshot, state: 'CANCELLED' };
    await act(async () => {
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm' }));
    });
    expect(fake.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/workflows/{id}/cancel']);
    expect((await screen.findByTestId('workflow-state')).textContent).toBe('CANCELLED');
  });
});
