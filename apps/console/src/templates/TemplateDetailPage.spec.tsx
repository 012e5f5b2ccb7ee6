import type { JobTemplate } from '@base-shift/client';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { storeKey } from '../auth/session';
import { fakeClient } from '../testing/fake-client';
import { renderRoute } from '../testing/render-route';
import { TemplateDetailPage } from './TemplateDetailPage';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const version = (number: string, extra: Partial<JobTemplate> = {}): JobTemplate => ({
  templateId: 'charge',
  id: 'charge',
  version: number,
  name: 'Charge',
  description: 'Charges a card',
  deprecated: false,
  createdAt: '2026-01-31T10:00:00.000Z',
  resourceClass: 'default',
  priority: 0,
  maxAttempts: 3,
  timeoutSeconds: 30,
  requiredSecrets: [],
  steps: [{ name: 'call', type: 'external_api_call', config: { method: 'POST' } }],
  inputSchema: { type: 'object', required: ['amount'], properties: { amount: { type: 'number' } } },
  outputSchema: {},
  cursor: 'c',
  ...extra,
});

describe('TemplateDetailPage', () => {
  it('lists versions with their deprecation state and compares two side by side', async () => {
    const versions = { '1.0.0': version('1.0.0', { deprecated: true }), '1.1.0': version('1.1.0', { maxAttempts: 5 }) };
    const fake = fakeClient(
      {},
      {
        get: async (_id: string, wanted?: string) => versions[(wanted ?? '1.1.0') as keyof typeof versions] ?? null,
        versions: async () => [
          { version: '1.1.0', deprecated: false, createdAt: '2026-01-31T10:00:00.000Z' },
          { version: '1.0.0', deprecated: true, createdAt: '2026-01-30T10:00:00.000Z' },
        ],
      },
    );
    storeKey('bsk_test');
    renderRoute(fake, { url: '/templates/charge', path: '/templates/:templateId', element: <TemplateDetailPage /> });
    const table = await screen.findByRole('table', { name: 'Versions' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['VersionStatePublishedActions', expect.stringContaining('1.1.0Active'), expect.stringContaining('1.0.0Deprecated')]);
    expect(await screen.findByRole('table', { name: 'Input schema' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const diff = await screen.findByRole('region', { name: 'Diff' });
    expect(diff.querySelector('.diff-row.changed .left')?.textContent).toContain('"maxAttempts": 3');
    expect(diff.querySelector('.diff-row.changed .right')?.textContent).toContain('"maxAttempts": 5');
  });
});
