// Where the issuer sends the browser back after single sign-on (/ui/sign-in/callback?code=…&state=…):
// the code is traded for an access token, which then signs in exactly as an API key does.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from './auth-context';
import { finishOidcSignIn } from './oidc/oidc-sign-in';
import { OidcSignInError } from './oidc/oidc-sign-in-error';
import { LogoIcon } from '../shell/icons';
import { Loading } from '../ui/feedback';

export function SignInCallbackPage({ finish = finishOidcSignIn }: { finish?: typeof finishOidcSignIn }) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | undefined>();
  // The code works once: StrictMode's second run of the effect (development) must not trade it again.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const search = window.location.search;
    // Code and state leave the address bar at once (history, a shared screen), whatever happens next.
    window.history.replaceState(window.history.state, '', window.location.pathname);
    finish(search).then(
      ({ accessToken, from }) => {
        signIn(accessToken);
        navigate(from, { replace: true });
      },
      (caught: unknown) => setError(caught instanceof OidcSignInError ? caught.message : `Single sign-on failed: ${String(caught)}`),
    );
  }, [finish, signIn, navigate]);

  return (
    <main className="sign-in">
      <div className="card sign-in-card">
        <div className="brand brand-large">
          <LogoIcon /> Base Shift
        </div>
        <h1>Sign in</h1>
        {error ? (
          <>
            <p role="alert" className="problem">
              {error}
            </p>
            <Link to="/sign-in">Back to sign-in</Link>
          </>
        ) : (
          <Loading what="your session from the identity provider" />
        )}
      </div>
    </main>
  );
}
