import type { JsonObject, JsonValue } from '@base-shift/core';
import type { JobState, WorkflowState } from '../domain/workflow-states';
import { toJobError } from '../domain/job-error';
import type { HistoryEntry, JobRecord, OutboxOp, ScriptOutcome, WorkflowRecord } from './workflow-record';

type Raw = Record<string, unknown>;

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const num = (value: unknown): number | undefined => (value === undefined || value === null || value === false || value === '' ? undefined : Number(value));
const json = (value: unknown): JsonValue | undefined => (typeof value === 'string' && value !== '' ? (JSON.parse(value) as JsonValue) : undefined);

/** cjson encodes an empty Lua table as `{}`: lists are normalised here. */
export function parseOutcome(reply: unknown): ScriptOutcome {
  const raw = JSON.parse(String(reply)) as Raw;
  const ops = list<Raw>(raw['ops']).map((op) => ({
    op: String(op['op']),
    kind: op['kind'] as OutboxOp['kind'],
    jobId: String(op['jobId']),
    queueJobId: String(op['queueJobId']),
    pool: String(op['pool']),
    templateId: String(op['templateId']),
    ...(op['kind'] === 'enqueue'
      ? {
          priority: num(op['priority']),
          maxAttempts: num(op['maxAttempts']),
          version: String(op['version']),
          templateHash: String(op['templateHash']),
          timeoutSeconds: num(op['timeoutSeconds']),
          input: json(op['input']),
        }
      : { attempt: num(op['attempt']) }),
  }));
  return {
    ...(raw as object),
    state: raw['state'] as WorkflowState,
    workflowMoved: raw['workflowMoved'] === true,
    previousState: typeof raw['previousState'] === 'string' ? (raw['previousState'] as WorkflowState) : null,
    moves: list<{ from: WorkflowState; to: WorkflowState }>(raw['moves']),
    createdAt: Number(raw['createdAt']),
    ready: list<string>(raw['ready']),
    ops,
    nextDeadline: num(raw['nextDeadline']) ?? null,
    writeOnly: raw['writeOnly'] === true,
  } as ScriptOutcome;
}

function pairs(flat: unknown): Record<string, string> {
  const fields = list<string>(flat);
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i]] = fields[i + 1];
  return out;
}

function parseJob(flat: unknown): JobRecord {
  const f = pairs(flat);
  const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
    value === undefined ? {} : ({ [key]: value } as Record<K, V>);
  return {
    id: f['id'],
    templateId: f['templateId'],
    version: f['version'],
    templateHash: f['templateHash'] ?? '',
    ...optional('requestedVersion', f['requestedVersion'] || undefined),
    pool: f['pool'],
    priority: Number(f['priority']),
    maxAttempts: Number(f['maxAttempts']),
    ...optional('timeoutSeconds', num(f['timeoutSeconds'])),
    dependsOn: (f['dependsOn'] ?? '').split(' ').filter(Boolean),
    state: f['state'] as JobState,
    run: Number(f['run']),
    attempts: Number(f['attempts'] ?? 0),
    input: (json(f['input']) ?? {}) as JsonObject,
    ...optional('resolvedInput', json(f['resolvedInput'])),
    ...optional('output', json(f['output'])),
    ...optional('error', toJobError(json(f['error']))),
    ...optional('queueJobId', f['queueJobId'] || undefined),
    ...optional('queuedAt', num(f['queuedAt'])),
    ...optional('startedAt', num(f['startedAt'])),
    ...optional('finishedAt', num(f['finishedAt'])),
    ...optional('updatedAt', num(f['updatedAt'])),
    ...optional('deadlineAt', num(f['deadlineAt'])),
    external: f['external'] === '1',
  };
}

/** Turns read-workflow-5.lua's reply into a record. */
export function parseWorkflow(reply: unknown): WorkflowRecord | null {
  if (!Array.isArray(reply)) return null;
  const [state, currentJob, metaFlat, jobsFlat, historyFlat] = reply as [string, string, unknown, unknown, unknown];
  const meta = pairs(metaFlat);
  const record: WorkflowRecord = {
    id: meta['id'],
    state: state as WorkflowState,
    currentJob,
    mode: meta['mode'] === 'dag' ? 'dag' : 'sequential',
    input: (json(meta['input']) ?? {}) as JsonObject,
    createdAt: Number(meta['createdAt']),
    updatedAt: Number(meta['updatedAt']),
    jobs: list<unknown>(jobsFlat).map(parseJob),
    history: list<string>(historyFlat).map((entry) => JSON.parse(entry) as HistoryEntry),
  };
  if (meta['name']) record.name = meta['name'];
  if (meta['priority']) record.priority = Number(meta['priority']);
  if (meta['timeoutSeconds']) record.timeoutSeconds = Number(meta['timeoutSeconds']);
  if (meta['deadlineAt']) record.deadlineAt = Number(meta['deadlineAt']);
  if (meta['startedAt']) record.startedAt = Number(meta['startedAt']);
  if (meta['finishedAt']) record.finishedAt = Number(meta['finishedAt']);
  if (meta['expiresAt']) record.expiresAt = Number(meta['expiresAt']);
  if (meta['reason']) record.reason = meta['reason'];
  return record;
}
