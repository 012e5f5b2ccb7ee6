import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job, Workflow } from '../api/types';
import { storeKey } from '../auth/session';
import { fakeClient, type FakeClient } from '../testing/fake-client';
import { renderRoute } from '../testing/render-route';
import { aJob, aWorkflow, CREATED_AT as T, WORKFLOW_ID as ID } from '../testing/workflow-fixture';
import { WorkflowDetailPage } from './WorkflowDetailPage';

// Each job runs the template of its own name, on one order.
const job = (id: string, extra: Partial<Job> = {}) => aJob(id, { templateId: id, input: { orderId: 'o-1' }, ...extra });

let snapshot: Workflow;
let fake: FakeClient;

beforeEach(() => {
  storeKey('bsk_test');
  snapshot = aWorkflow([job('validate', { state: 'QUEUED', queuedAt: T }), job('charge')], {
    name: 'order o-1',
    history: [
      { seq: 1, at: T, kind: 'workflow', from: '', to: 'RUNNING' },
      { seq: 2, at: T, kind: 'job', jobId: 'validate', from: 'PENDING', to: 'QUEUED' },
    ],
  });
  fake = fakeClient({ 'GET /workflows/{id}': () => snapshot, 'POST /workflows/{id}/cancel': () => ({ ...snapshot, state: 'CANCELLED' }) });
});

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function renderPage() {
  renderRoute(fake, { url: `/workflows/${ID}`, path: '/workflows/:id', element: <WorkflowDetailPage /> });
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
