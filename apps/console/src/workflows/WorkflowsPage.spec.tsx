import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../api/types';
import { storeKey } from '../auth/session';
import { fakeClient } from '../testing/fake-client';
import { renderRoute } from '../testing/render-route';
import { WorkflowsPage } from './WorkflowsPage';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const summary = (id: string, state: WorkflowSummary['state'], name?: string): WorkflowSummary => ({
  id,
  state,
  currentJob: 'a',
  createdAt: '2026-01-31T10:00:00.000Z',
  updatedAt: '2026-01-31T10:00:00.000Z',
  ...(name && { name }),
});

describe('WorkflowsPage', () => {
  it('lists workflows, counts them per state and sends the state filter to the API', async () => {
    const all = [summary('w-1', 'COMPLETED', 'order 1'), summary('w-2', 'FAILED'), summary('w-3', 'COMPLETED', 'order 3')];
    const fake = fakeClient({
      'GET /workflows': ({ params }) => {
        const state = params?.query?.['state'];
        const items = all.filter((workflow) => state === undefined || workflow.state === state);
        return { items, nextCursor: params?.query?.['limit'] === 100 || state ? null : 'next-1' };
      },
    });
    storeKey('bsk_test');
    renderRoute(fake, { url: '/workflows', path: '/workflows', element: <WorkflowsPage /> });
    const table = await screen.findByRole('table', { name: 'Workflows' });
    expect(
      within(table)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['order 1', 'w-2', 'order 3']);
    const counts = await screen.findByRole('list', { name: 'Counts per state' });
    await screen.findByText('COMPLETED 2');
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['INITIALIZED 0', 'RUNNING 0', 'COMPLETED 2', 'FAILED 1', 'CANCELLED 0']);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeTruthy();

    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'FAILED' } });
    });
    await screen.findByText('w-2', { selector: 'a' });
    expect(
      within(screen.getByRole('table', { name: 'Workflows' }))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['w-2']);
    const listCalls = fake.calls.filter((call) => JSON.stringify(call.options).includes('"limit":20'));
    expect(listCalls.at(-1)?.options).toMatchObject({ params: { query: { state: 'FAILED', limit: 20 } } });
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
  });
});
