// Sign in with an API key, typed or from a one-time link (/ui/sign-in#key=…),
// or — when the control plane says so in /ui/config.json — with single sign-on
// at its OIDC issuer (oidc/oidc-sign-in.ts). The typed key is checked with one
// cheap call first, so a mistyped key is refused here rather than on every page.
import { createBaseShiftClient, ProblemError } from '@base-shift/client';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from './auth-context';
import { loadConsoleConfig, type ConsoleConfigLoader, type ConsoleOidc } from './oidc/console-config';
import { OidcSignInError } from './oidc/oidc-sign-in-error';
import { startOidcSignIn } from './oidc/oidc-sign-in';
import { keyFromFragment } from './session';
import { problemView } from '../ui/problem-view';
import { LogoIcon } from '../shell/icons';

export function SignInPage({ loadConfig = loadConsoleConfig }: { loadConfig?: ConsoleConfigLoader }) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/workflows';
  const [oidc, setOidc] = useState<ConsoleOidc | null>(null);
  const [oidcError, setOidcError] = useState<string | undefined>();
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    let current = true;
    void loadConfig().then((config) => current && setOidc(config));
    return () => {
      current = false;
    };
  }, [loadConfig]);

  async function signInWithOidc(config: ConsoleOidc) {
    setLeaving(true);
    setOidcError(undefined);
    try {
      // Leaves the page for the issuer; the button stays disabled until the browser goes.
      await startOidcSignIn(config, from);
    } catch (caught) {
      setOidcError(caught instanceof OidcSignInError ? caught.message : `Single sign-on could not start: ${String(caught)}`);
      setLeaving(false);
    }
  }

  useEffect(() => {
    const linked = keyFromFragment(window.location.hash);
    if (!linked) return;
    // The key must not stay in the address bar (history, screenshots, a shared screen).
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    signIn(linked);
    navigate('/workflows', { replace: true });
  }, [signIn, navigate]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = key.trim();
    if (!typed) {
      setError('Enter an API key.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await createBaseShiftClient({ server: window.location.origin, token: typed }).rest.GET('/pools');
      signIn(typed);
      navigate(from, { replace: true });
    } catch (caught) {
      // A 403 is a valid key without pools:read: it signs in and its pages say what it may not see.
      if (caught instanceof ProblemError && caught.status === 403) {
        signIn(typed);
        navigate(from, { replace: true });
        return;
      }
      const view = problemView(caught);
      setError(view.hint ?? [view.title, view.detail].filter(Boolean).join(': '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} noValidate>
        <div className="brand brand-large">
          <LogoIcon /> Base Shift
        </div>
        <h1>Sign in</h1>
        {oidc && (
          <>
            <button type="button" className="primary" disabled={leaving} onClick={() => void signInWithOidc(oidc)}>
              Sign in with single sign-on
            </button>
            {oidcError && (
              <p role="alert" className="problem">
                {oidcError}
              </p>
            )}
            <p className="sign-in-divider muted">or use an API key</p>
          </>
        )}
        <p className="muted">Use an API key (bsk_…). It is kept in this tab only and sent with every request.</p>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          // A text box (not type=password: a key is pasted, not typed) whose characters are masked by CSS.
          type="text"
          className="masked"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
        {error && (
          <p id="sign-in-error" role="alert" className="problem">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
