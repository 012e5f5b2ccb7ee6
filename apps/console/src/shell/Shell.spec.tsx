import { ProblemError } from '@base-shift/client';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../app/App';
import { storeKey } from '../auth/session';
import { fakeClient } from '../testing/fake-client';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('Shell', () => {
  it("offers only the areas the key's scopes allow", async () => {
    const fake = fakeClient({
      'GET /workflows': () => ({ items: [], nextCursor: null }),
      'GET /pools': () => {
        throw new ProblemError({ status: 403, title: 'Forbidden', detail: 'requires scope pools:read' });
      },
    });
    storeKey('bsk_reader');
    window.history.replaceState(null, '', '/ui/pools');
    render(<App createClient={() => fake.client} />);
    expect(await screen.findByText('Not allowed for this API key')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Workflows', 'Templates']);
    expect(within(nav).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(fake.calls.some((call) => call.path === '/pools/{pool}/dead-letters')).toBe(false);
  });
});
