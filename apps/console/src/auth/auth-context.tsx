// The signed-in session: the API key (sessionStorage) and the typed client
// built on it. Every page gets the client from here, so every call carries
// `Authorization: Bearer <key>` and nothing else knows where the key lives.
import { createBaseShiftClient, type BaseShiftClient } from '@base-shift/client';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { forgetKey, storedKey, storeKey } from './session';

interface Session {
  client: BaseShiftClient | undefined;
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
  const session = useMemo(() => ({ client, signIn, signOut }), [client, signIn, signOut]);
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
