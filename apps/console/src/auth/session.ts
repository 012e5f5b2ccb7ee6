// Where the API key lives: sessionStorage (gone when the tab closes; never
// localStorage, which outlives the session and every tab can read later).
export const SESSION_KEY = 'base-shift.key';

export function storedKey(storage: Storage = sessionStorage): string | undefined {
  return storage.getItem(SESSION_KEY) ?? undefined;
}

export function storeKey(key: string, storage: Storage = sessionStorage): void {
  storage.setItem(SESSION_KEY, key);
}

export function forgetKey(storage: Storage = sessionStorage): void {
  storage.removeItem(SESSION_KEY);
}

/** The key of a one-time sign-in link (`/ui/sign-in#key=<key>`): in the fragment, so it never reaches a server log. */
export function keyFromFragment(hash: string): string | undefined {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key')?.trim();
  return key ? key : undefined;
}
