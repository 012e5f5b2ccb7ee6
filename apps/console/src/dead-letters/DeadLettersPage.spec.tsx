import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../api/types';
import { storeKey } from '../auth/session';
import { fakeClient } from '../testing/fake-client';
import { renderRoute } from '../testing/render-route';
import { DeadLettersPage } from './DeadLettersPage';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const dead: DeadLetter = {
  id: 'wf-1:charge:1',
  pool: 'default',
  priority: 0,
  attempt: 3,
  failures: 3,
  maxAttempts: 3,
  createdAt: '2026-01-31T10:00:00.000Z',
  deadAt: '2026-01-31T10:01:00.000Z',
  lastError: { message: 'card declined', retryable: false },
  meta: { workflowId: 'wf-1', jobId: 'charge' },
};

describe('DeadLettersPage', () => {
  it('shows the last error and requeues only after the confirmation', async () => {
    let items = [dead];
    const fake = fakeClient({
      'GET /pools': () => ({ driver: null, pools: [{ name: 'default', queue: { queued: 0, inFlight: 0, delayed: 0, dead: 1, oldestWaitSeconds: 0 } }] }),
      'GET /pools/{pool}/dead-letters': () => ({ items, total: items.length, nextCursor: null }),
      'GET /pools/{pool}/dead-letters/{jobId}': () => ({ ...dead, payload: { amount: 5 } }),
      'POST /pools/{pool}/dead-letters/{jobId}/requeue': () => {
        items = [];
        return { id: dead.id, pool: 'default', state: 'queued' };
      },
    });
    storeKey('bsk_admin');
    renderRoute(fake, { url: '/dead-letters', path: '/dead-letters', element: <DeadLettersPage /> });
    const table = await screen.findByRole('table', { name: 'Dead letters' });
    expect(within(table).getByText('card declined')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Pool' }) as HTMLSelectElement).value).toBe('default');

    fireEvent.click(within(table).getByRole('button', { name: 'Inspect' }));
    const inspect = screen.getByRole('dialog');
    expect(await within(inspect).findByText(/"amount": 5/)).toBeTruthy();
    fireEvent.keyDown(inspect, { key: 'Escape' });

    fireEvent.click(within(table).getByRole('button', { name: 'Requeue' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Keep' }));
    expect(fake.calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.click(within(table).getByRole('button', { name: 'Requeue' }));
    await act(async () => {
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm' }));
    });
    expect(fake.calls.filter((call) => call.method === 'POST').map((call) => call.options)).toEqual([
      { params: { path: { pool: 'default', jobId: dead.id } } },
    ]);
    expect(await screen.findByText(/Requeued job wf-1:charge:1/)).toBeTruthy();
    expect(await screen.findByText('The dead letter is empty')).toBeTruthy();
  });
});
