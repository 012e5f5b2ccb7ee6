import type { JsonObject } from '@base-shift/core';
import type { JobError, JobInfo, JobState } from './job-types';
import { EPOCH_MS, TICKS_PER_PRIORITY, effectivePriority } from './priority';

/**
 * Reads what the scripts store (lua/includes/codec.lua has the layouts):
 * a queued member `<created36:8><seq key><caller id>\n<counters>\n[<meta>\n]<payload>`
 * (seq key = hex digit count as one base36 digit, then the job number in hex; counters = `<max>`
 * or `<attempts>.<failures>.<max>`) and a record
 * `<state>|<ticks>|<attempt>|<executor>|<cancel>|<at>\n<error>\n<member>`.
 */
export interface MemberParts {
  id: string;
  createdAt: number;
  attempts: number;
  failures: number;
  maxAttempts: number;
  meta?: JsonObject;
  payload: JsonObject;
}

export function parseMember(member: string): MemberParts {
  const prefixLen = 9 + parseInt(member[8], 36);
  const nl1 = member.indexOf('\n', prefixLen);
  const nl2 = member.indexOf('\n', nl1 + 1);
  if (nl1 < 0 || nl2 < 0) throw new Error(`malformed queue member ${JSON.stringify(member.slice(0, 40))}`);
  const counters = member
    .slice(nl1 + 1, nl2)
    .split('.')
    .map(Number);
  const [attempts, failures, maxAttempts] = counters.length === 3 ? counters : [0, 0, counters[0]];
  const nl3 = member.indexOf('\n', nl2 + 1);
  return {
    id: member.slice(prefixLen, nl1) || generatedId(member.slice(9, prefixLen)),
    createdAt: EPOCH_MS + parseInt(member.slice(0, 8), 36),
    attempts,
    failures,
    maxAttempts,
    meta: nl3 < 0 ? undefined : (JSON.parse(member.slice(nl2 + 1, nl3)) as JsonObject),
    payload: JSON.parse(member.slice((nl3 < 0 ? nl2 : nl3) + 1)) as JsonObject,
  };
}

// The decimal id of a job number given in hex, exact beyond 2^53.
function generatedId(hex: string): string {
  return hex.length <= 13 ? String(parseInt(hex, 16)) : BigInt(`0x${hex}`).toString();
}

export interface RecordParts {
  state: 'L' | 'D' | 'X';
  ticks: number;
  attempt: number;
  executorId: string;
  cancelRequested: boolean;
  at: number;
  lastError?: JobError;
  member: MemberParts;
}

export function parseRecord(record: string): RecordParts {
  const nl1 = record.indexOf('\n');
  const nl2 = record.indexOf('\n', nl1 + 1);
  const [state, ticks, attempt, executorId, cancel, at] = record.slice(0, nl1).split('|');
  const error = record.slice(nl1 + 1, nl2);
  return {
    state: state as RecordParts['state'],
    ticks: Number(ticks),
    attempt: Number(attempt),
    executorId,
    cancelRequested: cancel === '1',
    at: Number(at),
    lastError: error ? (JSON.parse(error) as JobError) : undefined,
    member: parseMember(record.slice(nl2 + 1)),
  };
}

const STATES: Record<RecordParts['state'], JobState> = { L: 'leased', D: 'delayed', X: 'dead' };

/** JobInfo of a queued job from its member. */
export function queuedJobInfo(pool: string, member: string, ticks: number, observedAt: number): JobInfo {
  const parts = parseMember(member);
  return {
    id: parts.id,
    pool,
    state: 'queued',
    priority: ticks / TICKS_PER_PRIORITY,
    effectivePriority: effectivePriority(ticks, parts.createdAt, observedAt),
    createdAt: parts.createdAt,
    attempt: parts.attempts,
    failures: parts.failures,
    maxAttempts: parts.maxAttempts,
    payload: parts.payload,
    ...(parts.meta && { meta: parts.meta }),
    observedAt,
  };
}

/** JobInfo of a leased, delayed or dead job from its record and the score in its state's set. */
export function recordJobInfo(pool: string, record: string, time: number, observedAt: number): JobInfo {
  const r = parseRecord(record);
  const m = r.member;
  const info: JobInfo = {
    id: m.id,
    pool,
    state: STATES[r.state],
    priority: r.ticks / TICKS_PER_PRIORITY,
    effectivePriority: effectivePriority(r.ticks, m.createdAt, observedAt),
    createdAt: m.createdAt,
    attempt: r.state === 'L' ? r.attempt : m.attempts,
    failures: m.failures,
    maxAttempts: m.maxAttempts,
    payload: m.payload,
    ...(m.meta && { meta: m.meta }),
    observedAt,
  };
  if (r.state === 'L') info.lease = { executorId: r.executorId, leasedAt: r.at, expiresAt: time, cancelRequested: r.cancelRequested };
  if (r.state === 'D') info.retryAt = time;
  if (r.state === 'X') info.deadAt = time;
  if (r.lastError) info.lastError = r.lastError;
  return info;
}
