import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { AREA_SCOPE, type Area } from './access';
import { Loading } from '../ui/feedback';
import { useSession } from './auth-context';

/** Pages behind sign-in: without a key, the sign-in page (which comes back here afterwards). */
export function RequireSession({ children }: { children: ReactNode }) {
  const { client } = useSession();
  const location = useLocation();
  if (!client) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A page of an area the key may not read: says which scope it needs instead of a failing call. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { access, checkingAccess } = useSession();
  // Wait for the probes rather than let the page make a call that is about to be refused.
  if (checkingAccess) return <Loading what="what this key may see" />;
  if (access[area] === 'denied')
    return (
      <div role="alert" className="problem card">
        <strong>Not allowed for this API key</strong>
        <p>
          This page needs the <code>{AREA_SCOPE[area]}</code> scope, which the key does not have. Sign in with another key, or ask an admin for one with that
          scope.
        </p>
      </div>
    );
  return <>{children}</>;
}
