import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import { fakeClient } from '../testing/fake-client';
import { PENDING_SIGN_IN_KEY, type PendingSignIn } from './oidc/pending-sign-in';
import { SESSION_KEY } from './session';

const PENDING: PendingSignIn = {
  issuer: 'https://login.example.com',
  clientId: 'console',
  scopes: 'workflows:read',
  redirectUri: 'http://localhost:3000/ui/sign-in/callback',
  tokenEndpoint: 'https://login.example.com/token',
  state: 'state-1',
  nonce: 'nonce-1',
  codeVerifier: 'verifier-1',
  from: '/workflows',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('single sign-on in the console', () => {
  it('offers single sign-on next to the API key only when the control plane configures it', async () => {
    const config = { issuer: 'https://login.example.com', clientId: 'console', scopes: 'openid' };
    window.history.replaceState(null, '', '/ui/sign-in');
    render(<App loadConsoleConfig={async () => config} />);
    expect(await screen.findByRole('button', { name: 'Sign in with single sign-on' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'API key' })).toBeTruthy();
    cleanup();

    render(<App loadConsoleConfig={async () => null} />);
    expect(await screen.findByRole('textbox', { name: 'API key' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign in with single sign-on' })).toBeNull();
  });

  it('trades the code, keeps the access token like a key, clears the address bar and opens the workflows', async () => {
    const token = vi.fn(async () => Response.json({ access_token: 'eyJ.access.token', token_type: 'Bearer' }));
    vi.stubGlobal('fetch', token);
    sessionStorage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(PENDING));
    window.history.replaceState(null, '', '/ui/sign-in/callback?code=code-1&state=state-1');
    const fake = fakeClient({ 'GET /workflows': () => ({ items: [], nextCursor: null }) });
    render(<App createClient={() => fake.client} />);
    expect(await screen.findByRole('heading', { name: 'Workflows' })).toBeTruthy();
    expect(token).toHaveBeenCalledTimes(1);
    expect(sessionStorage.getItem(SESSION_KEY)).toBe('eyJ.access.token');
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
    expect(window.location.pathname).toBe('/ui/workflows');
    expect(window.location.search).toBe('');
  });

  it('shows a forged callback (another state) in an alert, trades nothing and leads back to sign-in', async () => {
    const token = vi.fn();
    vi.stubGlobal('fetch', token);
    sessionStorage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(PENDING));
    window.history.replaceState(null, '', '/ui/sign-in/callback?code=code-1&state=forged');
    render(<App loadConsoleConfig={async () => null} />);
    expect((await screen.findByRole('alert')).textContent).toContain('its state differs');
    expect(token).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
    expect(window.location.search).toBe('');
    fireEvent.click(screen.getByRole('link', { name: 'Back to sign-in' }));
    expect(await screen.findByRole('textbox', { name: 'API key' })).toBeTruthy();
  });

  it("shows the issuer's error in an alert", async () => {
    window.history.replaceState(null, '', '/ui/sign-in/callback?error=access_denied&state=state-1');
    sessionStorage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(PENDING));
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toBe('The identity provider did not sign you in: access_denied.');
  });
});
