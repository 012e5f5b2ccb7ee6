import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../app/App';
import { fakeClient } from '../testing/fake-client';
import { SESSION_KEY } from './session';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('sign-in', () => {
  it('signs in from a one-time link and removes the key from the address', async () => {
    const fake = fakeClient({ 'GET /workflows': () => ({ items: [], nextCursor: null }) });
    window.history.replaceState(null, '', '/ui/sign-in#key=bsk_link');
    render(<App createClient={() => fake.client} loadConsoleConfig={async () => null} />);
    expect(await screen.findByRole('heading', { name: 'Workflows' })).toBeTruthy();
    expect(sessionStorage.getItem(SESSION_KEY)).toBe('bsk_link');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/ui/workflows');
    expect(await screen.findByText('No workflows')).toBeTruthy();
  });

  it('sends a visitor without a key to the sign-in page', () => {
    window.history.replaceState(null, '', '/ui/pools');
    render(<App loadConsoleConfig={async () => null} />);
    expect(screen.getByRole('textbox', { name: 'API key' }) ?? null).toBeTruthy();
  });
});
