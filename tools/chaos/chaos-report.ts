import type { CountingApi } from './counting-api';
import { JOB_IDS, type Group, type HttpTally, type TrackedWorkflow } from './load-generator';

export interface Fault {
  name: string;
  /** When the SIGKILL was sent (ms since the epoch). */
  at: number;
  /** When the killed process answered again (ready / PING). */
  backAt?: number;
}

export interface GroupSummary {
  created: number;
  createFailed: number;
  completed: number;
  otherTerminal: Record<string, number>;
  /** Created, still not terminal after the drain timeout. */
  stuck: number;
  /** Not finished when Redis restarted empty, and gone with its data: expected for the at-loss group only. */
  lostWithRedisData: number;
  /** Jobs of the group's workflows by how many times the counting API was called for them. */
  externalCalls: { zero: number; one: number; twoOrMore: number };
}

export interface FaultRecovery {
  fault: string;
  /** The killed process was back after this long. */
  downMs?: number;
  /** Fault → the first successful create sent after it. */
  toNextCreateMs?: number;
  /** Fault → the first workflow seen COMPLETED after it. */
  toNextCompletionMs?: number;
  /** Fault → every workflow in flight at the fault terminal (undefined: some never were, or none was left; lost ones are left out). */
  inFlightSettledMs?: number;
  inFlightAtFault: number;
  /** Of those, gone with Redis's data (the empty restart only). */
  inFlightLost: number;
}

export const GROUP_LABELS: Record<Group, string> = {
  aof: 'through the kills and the AOF restart',
  atLoss: 'in flight at the empty restart',
  after: 'created after the empty restart',
};

export function summarizeGroup(workflows: TrackedWorkflow[], api: CountingApi): GroupSummary {
  const summary: GroupSummary = {
    created: 0,
    createFailed: 0,
    completed: 0,
    otherTerminal: {},
    stuck: 0,
    lostWithRedisData: 0,
    externalCalls: { zero: 0, one: 0, twoOrMore: 0 },
  };
  for (const w of workflows) {
    if (!w.id) {
      summary.createFailed++;
      continue;
    }
    summary.created++;
    if (w.vanished) summary.lostWithRedisData++;
    else if (w.state === 'COMPLETED') summary.completed++;
    else if (w.terminalAt) summary.otherTerminal[w.state ?? '?'] = (summary.otherTerminal[w.state ?? '?'] ?? 0) + 1;
    else summary.stuck++;
    // Calls are counted for every job; a lost workflow's unreached jobs show as 0 (expected, and reported with it).
    for (const job of JOB_IDS) {
      const calls = api.callsOf(w.ref, job);
      if (calls === 0) summary.externalCalls.zero++;
      else if (calls === 1) summary.externalCalls.one++;
      else summary.externalCalls.twoOrMore++;
    }
  }
  return summary;
}

export function faultRecovery(fault: Fault, workflows: TrackedWorkflow[], tally: HttpTally, completions: number[]): FaultRecovery {
  const after = (times: number[]) => {
    const first = times.filter((t) => t >= fault.at).sort((a, b) => a - b)[0];
    return first === undefined ? undefined : first - fault.at;
  };
  const inFlight = workflows.filter((w) => w.createdAt !== undefined && w.createdAt < fault.at && !(w.terminalAt !== undefined && w.terminalAt < fault.at));
  const settled = inFlight.filter((w) => !w.vanished);
  const unsettled = settled.some((w) => w.terminalAt === undefined);
  return {
    fault: fault.name,
    downMs: fault.backAt === undefined ? undefined : fault.backAt - fault.at,
    toNextCreateMs: after(tally.successes.filter((s) => s.sentAt >= fault.at).map((s) => s.at)),
    toNextCompletionMs: after(completions),
    inFlightSettledMs: unsettled || settled.length === 0 ? undefined : Math.max(...settled.map((w) => (w.terminalAt as number) - fault.at)),
    inFlightAtFault: inFlight.length,
    inFlightLost: inFlight.length - settled.length,
  };
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const pad = (text: string | number, width: number) => String(text).padStart(width);

export function formatReport(groups: Record<Group, GroupSummary>, tally: HttpTally, recoveries: FaultRecovery[]): string {
  const lines = ['', 'Chaos run', '', `  ${'workflows'.padEnd(40)} created  COMPLETED  other-terminal  stuck  lost-with-Redis-data  create-gave-up`];
  for (const [group, s] of Object.entries(groups) as Array<[Group, GroupSummary]>) {
    const other = Object.values(s.otherTerminal).reduce((a, b) => a + b, 0);
    lines.push(
      `  ${GROUP_LABELS[group].padEnd(40)} ${pad(s.created, 7)}  ${pad(s.completed, 9)}  ${pad(other, 14)}  ${pad(s.stuck, 5)}  ${pad(s.lostWithRedisData, 20)}  ${pad(s.createFailed, 14)}`,
    );
  }
  lines.push('', `  ${'external calls per job'.padEnd(40)} ${pad('0', 7)}  ${pad('1', 9)}  ${pad('2+', 14)}`);
  for (const [group, s] of Object.entries(groups) as Array<[Group, GroupSummary]>) {
    const c = s.externalCalls;
    lines.push(`  ${GROUP_LABELS[group].padEnd(40)} ${pad(c.zero, 7)}  ${pad(c.one, 9)}  ${pad(c.twoOrMore, 14)}`);
  }
  const statuses = Object.entries(tally.statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(', ');
  lines.push('', `  HTTP 5xx answers to creates: ${tally.fiveXx}   other non-2xx: ${statuses || 'none'}   network errors: ${tally.networkErrors}`);
  lines.push('', `  ${'recovery after'.padEnd(40)} ${'down'.padStart(9)}  ${'next create'.padStart(11)}  ${'next completion'.padStart(15)}  in flight settled`);
  for (const r of recoveries) {
    lines.push(
      `  ${r.fault.padEnd(40)} ${pad(seconds(r.downMs), 9)}  ${pad(seconds(r.toNextCreateMs), 11)}  ${pad(seconds(r.toNextCompletionMs), 15)}  ${seconds(r.inFlightSettledMs)} (${r.inFlightAtFault} workflows${r.inFlightLost > 0 ? `, ${r.inFlightLost} lost with the data` : ''})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
