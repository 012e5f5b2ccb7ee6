// Data for a page: loads on mount and whenever `deps` change, optionally
// reloads every `intervalMs` (the live pages), and keeps the last good data
// while a reload runs so the page does not flicker back to "Loading".
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, intervalMs?: number): AsyncState<T> {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    try {
      const value = await loadRef.current(current.signal);
      if (current.signal.aborted) return;
      setData(value);
      setError(undefined);
    } catch (caught) {
      if (current.signal.aborted) return;
      setError(caught);
    } finally {
      if (!current.signal.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setLoading(true);
    setData(undefined);
    setError(undefined);
    void run();
    const timer = intervalMs ? setInterval(() => void run(), intervalMs) : undefined;
    return () => {
      if (timer) clearInterval(timer);
      controller.current?.abort();
    };
  }, [...deps, intervalMs, run]);

  return { data, error, loading, reload: run };
}

/** The current time, ticking every `ms` (the live effective priorities, a running timeline). */
export function useNow(ms: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
  return now;
}
