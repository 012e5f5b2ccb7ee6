/**
 * Rejects with `no answer within <ms> ms` (or `message`) when `promise` has not
 * settled in time: a probe of a dead dependency (Redis PING, the Kubernetes
 * API, a readiness check) must answer, never hang. The timer is always cleared.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message = `no answer within ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
