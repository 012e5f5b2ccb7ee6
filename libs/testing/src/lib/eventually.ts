export interface EventuallyOptions {
  /** How many times `probe` is tried (default 200). */
  attempts?: number;
  /** Pause between tries in ms (default 50). */
  everyMs?: number;
}

/**
 * Polls until `probe` returns a value other than undefined/false, or fails after
 * `attempts` tries naming `what` and the last error. Tests wait on behaviour
 * this way, bounded, never with a fixed sleep or a wall-clock assertion.
 */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  { attempts = 200, everyMs = 50 }: EventuallyOptions = {},
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i += 1) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${what} did not happen${last ? ` (last error: ${(last as Error).message})` : ''}`);
}
