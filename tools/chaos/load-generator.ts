import { randomBytes } from 'node:crypto';

export type Group = 'aof' | 'atLoss' | 'after';
export const JOB_IDS = ['j1', 'j2', 'j3'];
export const TEMPLATE_ID = 'chaos_call';

export interface TrackedWorkflow {
  /** The client's reference: the create's Idempotency-Key, the workflow input's `ref` and what the counting API is told. */
  ref: string;
  group: Group;
  /** When the first create attempt was sent (ms since the epoch). */
  requestedAt: number;
  /** When a 201/200 arrived; undefined while creating, or if the create gave up. */
  createdAt?: number;
  id?: string;
  createFailed?: string;
  /** Last state read from Redis (the tracker). */
  state?: string;
  /** First time seen in a terminal state. */
  terminalAt?: number;
  /** Seen before, then missing from Redis: gone with Redis's data. */
  vanished?: boolean;
}

export interface HttpTally {
  /** Every status other than 201/200, by code (5xx, 429, 401 while the admin key is being recreated, …). */
  statuses: Record<string, number>;
  fiveXx: number;
  /** Refused connections, resets and timeouts (a killed control plane). */
  networkErrors: number;
  /** Every successful create: when its (last) attempt was sent and when it answered. */
  successes: Array<{ sentAt: number; at: number }>;
}

const CREATE_GIVE_UP_MS = 120_000;
const REQUEST_TIMEOUT_MS = 10_000;
const RETRY_AFTER_CAP_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Three sequential jobs, each calling the counting API with the workflow's ref and its own job id. */
export function workflowBody(ref: string) {
  return {
    name: ref,
    input: { ref },
    jobs: JOB_IDS.map((id) => ({ id, templateId: TEMPLATE_ID, input: { workflow: { $from: 'input.ref' }, job: id } })),
  };
}

/**
 * Open-loop load: one create every 1/rate s whatever the answers, each retried
 * until it succeeds — after Retry-After on 429/503, after a short pause on any
 * other status, on the other control plane after a network error (what a load
 * balancer does when a replica dies). Retries carry the same Idempotency-Key,
 * so a create that did reach Redis before its answer was lost is not doubled.
 */
export class LoadGenerator {
  readonly workflows: TrackedWorkflow[] = [];
  readonly tally: HttpTally = { statuses: {}, fiveXx: 0, networkErrors: 0, successes: [] };
  private next = 0;
  private stopped = false;
  private readonly runTag = randomBytes(3).toString('hex');

  constructor(
    private readonly baseUrls: string[],
    private readonly adminKey: string,
  ) {}

  /** Creates `count` workflows of `group` at `ratePerSecond`; resolves when every create succeeded or gave up. */
  async run(group: Group, count: number, ratePerSecond: number): Promise<void> {
    const creates: Array<Promise<void>> = [];
    for (let i = 0; i < count && !this.stopped; i++) {
      const workflow: TrackedWorkflow = { ref: `chaos-${this.runTag}-${group}-${i}`, group, requestedAt: Date.now() };
      this.workflows.push(workflow);
      creates.push(this.create(workflow));
      await sleep(1000 / ratePerSecond);
    }
    await Promise.all(creates);
  }

  stop(): void {
    this.stopped = true;
  }

  private async create(workflow: TrackedWorkflow): Promise<void> {
    const body = JSON.stringify(workflowBody(workflow.ref));
    let target = this.next++ % this.baseUrls.length;
    while (!this.stopped) {
      if (Date.now() - workflow.requestedAt > CREATE_GIVE_UP_MS) {
        workflow.createFailed = `no success within ${CREATE_GIVE_UP_MS / 1000} s`;
        return;
      }
      const sentAt = Date.now();
      let response: Response;
      try {
        response = await fetch(`${this.baseUrls[target]}/workflows`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.adminKey}`, 'idempotency-key': workflow.ref },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch {
        this.tally.networkErrors++;
        target = (target + 1) % this.baseUrls.length;
        await sleep(100);
        continue;
      }
      const answer = (await response.json().catch(() => ({}))) as { id?: string };
      if ((response.status === 201 || response.status === 200) && answer.id) {
        workflow.id = answer.id;
        workflow.createdAt = Date.now();
        this.tally.successes.push({ sentAt, at: workflow.createdAt });
        return;
      }
      this.tally.statuses[response.status] = (this.tally.statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) this.tally.fiveXx++;
      const retryAfterS = Number(response.headers.get('retry-after'));
      const backoff = (response.status === 429 || response.status === 503) && retryAfterS > 0 ? retryAfterS * 1000 : 250;
      await sleep(Math.min(backoff, RETRY_AFTER_CAP_MS));
    }
  }
}
