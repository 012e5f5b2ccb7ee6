import { redactUrl, type EnvReader } from '@base-shift/config';

const SCHEMES = ['redis:', 'rediss:'];
const WHAT = 'a redis: or rediss: URL (or a comma-separated list of them for a Redis Cluster)';

/**
 * The entries of a Redis URL setting: one URL is a single node, a
 * comma-separated list names nodes of a Redis Cluster. Blank entries (a
 * trailing comma) are dropped, as createRedisConnection drops them.
 */
export function redisUrlEntries(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/**
 * What is wrong with a Redis URL setting, one line per problem naming the bad
 * entry (its password masked); empty when it is usable. A Cluster list must
 * agree on scheme and credentials because the Cluster client connects to
 * every node — also those it discovers — with the first entry's TLS, user and
 * password; and a Cluster has only database 0.
 */
export function redisUrlProblems(text: string): string[] {
  const entries = redisUrlEntries(text);
  if (entries.length === 0) return [`must be ${WHAT}`];
  const parsed = entries.map(parseEntry);
  if (entries.length === 1) return parsed[0] ? [] : [`must be ${WHAT}, got ${JSON.stringify(redactRedisUrl(entries[0]))}`];
  const problems: string[] = [];
  parsed.forEach((url, i) => {
    const label = `entry ${i + 1} of the Redis Cluster list (${JSON.stringify(redactRedisUrl(entries[i]))})`;
    if (!url) problems.push(`${label} must be a redis: or rediss: URL`);
    else if (url.pathname !== '' && url.pathname !== '/' && url.pathname !== '/0')
      problems.push(`${label} names a database; a Redis Cluster has only database 0`);
  });
  const first = parsed[0];
  if (problems.length > 0 || !first) return problems;
  parsed.forEach((url, i) => {
    if (!url || i === 0) return;
    const label = `entry ${i + 1} of the Redis Cluster list (${JSON.stringify(redactRedisUrl(entries[i]))})`;
    if (url.protocol !== first.protocol) problems.push(`${label} must use ${first.protocol} like entry 1: every node is reached with the same TLS setting`);
    if (url.username !== first.username || url.password !== first.password)
      problems.push(`${label} must carry the same user and password as entry 1: every node is reached with one set of credentials`);
  });
  return problems;
}

/**
 * Reads the Redis URL setting `name` (REDIS_URL, JOB_QUEUE_URL, …) through
 * `env`, recording a problem per bad entry; returns the entries joined by ','
 * (what createRedisConnection takes), or '' when unset without a fallback.
 */
export function readRedisUrl(env: EnvReader, name: string, fallback?: string): string {
  const raw = env.optionalString(name) ?? fallback;
  if (raw === undefined) {
    env.fail(name, `is required (${WHAT})`);
    return '';
  }
  const problems = redisUrlProblems(raw);
  for (const problem of problems) env.fail(name, problem);
  return redisUrlEntries(raw).join(',');
}

/** Whether any entry carries a password (it then belongs in a Secret, not in a pod spec). */
export function redisUrlHasPassword(text: string): boolean {
  return redisUrlEntries(text).some((entry) => parseEntry(entry)?.password);
}

/** The setting with user and password of every entry masked, for messages and logs. */
export function redactRedisUrl(text: string): string {
  return text
    .split(',')
    .map((entry) => redactUrl(entry.trim()))
    .join(',');
}

function parseEntry(entry: string): URL | undefined {
  try {
    const url = new URL(entry);
    return SCHEMES.includes(url.protocol) && url.hostname.length > 0 ? url : undefined;
  } catch {
    return undefined;
  }
}
