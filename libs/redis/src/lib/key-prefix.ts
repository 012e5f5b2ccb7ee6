/**
 * The rule for `REDIS_KEY_PREFIX`, in one place. Every key is
 * `<prefix><name>:{<tag>}:…`; a brace in the prefix would become the Redis
 * Cluster hash tag and scatter one workflow's (or one pool's) keys over slots,
 * breaking the one-script-per-change rule. Returns the problem, or undefined.
 */
export function keyPrefixProblem(prefix: string): string | undefined {
  if (/[{}]/.test(prefix)) return 'must not contain { or } (they would change the Redis Cluster hash tags)';
  if (prefix.length > 64) return 'must be at most 64 characters';
  if ([...prefix].some((char) => char.trim() === '' || char.charCodeAt(0) < 0x20)) return 'must not contain white space or control characters';
  return undefined;
}
