import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './auth-context';

/** Pages behind sign-in: without a key, the sign-in page (which comes back here afterwards). */
export function RequireSession({ children }: { children: ReactNode }) {
  const { client } = useSession();
  const location = useLocation();
  if (!client) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
