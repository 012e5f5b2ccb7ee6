// The signed-in session: the API key (sessionStorage) and the typed client
// built on it. Every page gets the client from here, so every call carries
// `Authorization: Bearer <key>` and nothing else knows where the key lives.
import { createBaseShiftClient, type BaseShiftClient } from '@base-shift/client';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { probeAccess, UNKNOWN_ACCESS, type Access } from './access';
import { forgetKey, storedKey, storeKey } from './session';

interface Session {
  client: BaseShiftClient | undefined;
  /** What the key may read (every area 'unknown' until the probes answer). */
  access: Access;
  /** The probes have not answered yet. */
  checkingAccess: boolean;
  signIn(key: string): void;
  signOut(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export type ClientFactory = (key: string) => BaseShiftClient;

/** The console's client: same origin, the key as bearer token. Tests pass another factory. */
const sameOriginClient: ClientFactory = (key) => createBaseShiftClient({ server: window.location.origin, token: key });

export function SessionProvider({ children, createClient = sameOriginClient }: { children: ReactNode; createClient?: ClientFactory }) {
  const [key, setKey] = useState(() => storedKey());
  const signIn = useCallback((next: string) => {
    storeKey(next);
    setKey(next);
  }, []);
  const signOut = useCallback(() => {
    forgetKey();
    setKey(undefined);
  }, []);
  const client = useMemo(() => (key ? createClient(key) : undefined), [key, createClient]);
  const [access, setAccess] = useState<Access>(UNKNOWN_ACCESS);
  const [checkingAccess, setCheckingAccess] = useState(true);
  useEffect(() => {
    setAccess(UNKNOWN_ACCESS);
    if (!client) return;
    setCheckingAccess(true);
    const controller = new AbortController();
    probeAccess(client, controller.signal)
      .then(
        (found) => controller.signal.aborted || setAccess(found),
        () => undefined, // every probe failing is no reason to hide anything: pages show their own errors
      )
      .finally(() => controller.signal.aborted || setCheckingAccess(false));
    return () => controller.abort();
  }, [client]);
  const session = useMemo(() => ({ client, access, checkingAccess, signIn, signOut }), [client, access, checkingAccess, signIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The client of a signed-in page (RequireSession renders pages only with one). */
export function useClient(): BaseShiftClient {
  const { client } = useSession();
  if (!client) throw new Error('useClient without a session');
  return client;
}
