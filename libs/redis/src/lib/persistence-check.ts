import { errorMessage } from '@base-shift/core';
import { clusterMasters } from './cluster-masters';
import type { RedisConnection } from './redis-connection';

/** The settings that decide whether Redis keeps its data, as `CONFIG GET` names them. */
export const PERSISTENCE_SETTINGS = ['appendonly', 'appendfsync', 'maxmemory-policy'] as const;
export type PersistenceSetting = (typeof PERSISTENCE_SETTINGS)[number];

export interface PersistenceProblem {
  setting: PersistenceSetting;
  /** The value found (`missing` when the server did not report it). */
  value: string;
  /** Why that value can lose data, for the warning. */
  risk: string;
}

/**
 * What in `settings` (CONFIG GET's answer) can lose data: no AOF
 * (`appendonly no`), an AOF the OS flushes when it likes (`appendfsync no`),
 * and any eviction policy but `noeviction` (an evicted queue key is a lost
 * job). `appendfsync always` is safe, only slower. Empty when all is fine.
 */
export function persistenceProblems(settings: Readonly<Record<string, string | undefined>>): PersistenceProblem[] {
  const problems: PersistenceProblem[] = [];
  const appendonly = settings['appendonly']?.toLowerCase();
  if (appendonly !== 'yes')
    problems.push({ setting: 'appendonly', value: appendonly ?? 'missing', risk: 'without the AOF a restart loses every write since the last snapshot' });
  const appendfsync = settings['appendfsync']?.toLowerCase();
  if (appendfsync !== 'everysec' && appendfsync !== 'always') {
    problems.push({
      setting: 'appendfsync',
      value: appendfsync ?? 'missing',
      risk: 'the AOF is flushed only when the OS decides, so a crash loses an unbounded tail',
    });
  }
  const policy = settings['maxmemory-policy']?.toLowerCase();
  if (policy !== 'noeviction')
    problems.push({
      setting: 'maxmemory-policy',
      value: policy ?? 'missing',
      risk: 'a full Redis evicts keys (queued jobs, workflows) instead of refusing writes',
    });
  return problems;
}

/** CONFIG GET's flat [name, value, name, value…] reply as a record. */
function pairs(reply: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(reply)) return out;
  for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  return out;
}

export interface PersistenceCheck {
  /** The settings read whose values can lose data. */
  problems: PersistenceProblem[];
  /** Settings that could not be read (CONFIG GET refused): neither fine nor a problem. */
  unchecked: PersistenceSetting[];
  /** Why something is unchecked: the server's refusal. */
  refusal?: string;
}

/** An ACL refusal or a managed Redis without CONFIG/INFO: the check is impossible, not failed. */
function isRefusal(message: string): boolean {
  return /NOPERM|unknown command|unknown subcommand|not allowed|disabled/i.test(message);
}

/** `field:value` lines of INFO. */
function infoFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) out[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return out;
}

type Server = { call(command: string, ...args: string[]): Promise<unknown> };

/**
 * The settings of one server: CONFIG GET where permitted; else INFO (which
 * every Base Shift Redis user may run: the ACL users are not granted CONFIG,
 * as CONFIG GET would also read secrets such as `masterauth`), which tells
 * appendonly (`aof_enabled`) and maxmemory-policy but not appendfsync.
 */
async function readSettings(server: Server): Promise<{ settings: Record<string, string>; refusal?: string }> {
  try {
    return { settings: pairs(await server.call('CONFIG', 'GET', ...PERSISTENCE_SETTINGS)) };
  } catch (error) {
    const refusal = errorMessage(error);
    if (!isRefusal(refusal)) throw error;
    const info = infoFields(`${String(await server.call('INFO', 'persistence'))}\n${String(await server.call('INFO', 'memory'))}`);
    const settings: Record<string, string> = {};
    if (info['aof_enabled'] !== undefined) settings['appendonly'] = info['aof_enabled'] === '1' ? 'yes' : 'no';
    if (info['maxmemory_policy'] !== undefined) settings['maxmemory-policy'] = info['maxmemory_policy'];
    return { settings, refusal };
  }
}

/**
 * Reads the persistence settings of the server, or of every master of a
 * Cluster (a setting is a problem when any master has it), and returns what
 * can lose data. A setting the server would not tell (CONFIG refused, INFO
 * without it) is `unchecked`; when INFO is refused too, all are. Any other
 * error (Redis unreachable) is thrown, so the caller retries.
 */
export async function checkRedisPersistence(connection: RedisConnection): Promise<PersistenceCheck> {
  const servers: Server[] = await clusterMasters(connection);
  const problems = new Map<PersistenceSetting, PersistenceProblem>();
  const unchecked = new Set<PersistenceSetting>();
  let refusal: string | undefined;
  for (const server of servers) {
    let read: { settings: Record<string, string>; refusal?: string };
    try {
      read = await readSettings(server);
    } catch (error) {
      const message = errorMessage(error);
      if (!isRefusal(message)) throw error;
      return { problems: [], unchecked: [...PERSISTENCE_SETTINGS], refusal: message };
    }
    refusal ??= read.refusal;
    for (const setting of PERSISTENCE_SETTINGS) if (read.settings[setting] === undefined) unchecked.add(setting);
    const known = Object.fromEntries(PERSISTENCE_SETTINGS.map((setting) => [setting, read.settings[setting] ?? ''])) as Record<string, string>;
    for (const problem of persistenceProblems(known)) {
      if (read.settings[problem.setting] !== undefined && !problems.has(problem.setting)) problems.set(problem.setting, problem);
    }
  }
  return {
    problems: PERSISTENCE_SETTINGS.flatMap((setting) => problems.get(setting) ?? []),
    unchecked: PERSISTENCE_SETTINGS.filter((setting) => unchecked.has(setting)),
    ...(refusal !== undefined && { refusal }),
  };
}
