/**
 * Deadlines for benchmark phases. A bench waits on external events (a job's
 * completion, a child process's message, a workflow reaching COMPLETED); on a
 * loaded machine one of them may never arrive, and a bench without deadlines
 * then sits idle forever. Every phase runs under `withDeadline`: past it the
 * phase is recorded as failed with the reason, what it registered with
 * `phase.defer` is released (workers closed, processes stopped), and the bench
 * moves on to the next phase.
 */

/** What a phase gets: a signal aborted at the deadline (loops check it) and a place to register releases. */
export interface Phase {
  readonly name: string;
  readonly signal: AbortSignal;
  /** Registers a release (close a worker, stop a process); all run in reverse order when the phase ends, on time or not. */
  defer(release: () => unknown): void;
}

export class DeadlineExceeded extends Error {
  constructor(phase: string, ms: number) {
    super(`deadline of ${formatMs(ms)} exceeded in phase "${phase}"`);
    this.name = 'DeadlineExceeded';
  }
}

/** A release that itself hangs (a close waiting on a dead connection) is given up after this long: the bench must move on. */
const RELEASE_MS = 10_000;

/**
 * Runs `fn` with a deadline of `ms`. Resolves with its value; rejects with its
 * error, or with DeadlineExceeded when the deadline passes first (the signal
 * is then aborted and `fn`'s promise abandoned). Either way every release
 * registered with `defer` has run (each bounded by RELEASE_MS) before this settles.
 */
export async function withDeadline<T>(name: string, ms: number, fn: (phase: Phase) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const releases: (() => unknown)[] = [];
  const phase: Phase = { name, signal: controller.signal, defer: (release) => void releases.push(release) };
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new DeadlineExceeded(name, ms));
      reject(controller.signal.reason);
    }, ms);
  });
  const work = Promise.resolve().then(() => fn(phase));
  // An abandoned phase may still fail later (its resources were closed under it): that is expected, not an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
    if (!controller.signal.aborted) controller.abort(new Error(`phase "${name}" ended`));
    for (const release of releases.reverse()) await bounded(release, name);
  }
}

async function bounded(release: () => unknown, phase: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), RELEASE_MS)));
  try {
    const outcome = await Promise.race([Promise.resolve().then(release), giveUp]);
    if (outcome === 'timeout') process.stderr.write(`  (a release of phase "${phase}" did not finish within ${RELEASE_MS / 1000} s; moving on)\n`);
  } catch (error) {
    process.stderr.write(`  (a release of phase "${phase}" failed: ${(error as Error).message})\n`);
  } finally {
    clearTimeout(timer);
  }
}

export interface PhaseResult {
  phase: string;
  status: 'ok' | 'failed';
  seconds: number;
  deadlineSeconds: number;
  reason?: string;
}

/**
 * The phases of one bench run and how each ended, for the printed table and
 * the JSON. `run` never throws: a failed phase is recorded and yields undefined.
 * Deadlines come from `--deadline`, parsed from the bench's arguments:
 *   --deadline 600            every phase at most 600 s (instead of its default)
 *   --deadline latency=0.05   phases whose name contains "latency" as whole words: 0.05 s
 * (repeatable; a named override wins over the global one).
 */
export class PhaseRunner {
  readonly results: PhaseResult[] = [];
  private global?: number;
  private readonly named: [string, number][] = [];

  constructor(args: string[]) {
    args.forEach((arg, i) => {
      if (arg !== '--deadline') return;
      const value = args[i + 1] ?? '';
      const eq = value.lastIndexOf('=');
      const seconds = Number(eq >= 0 ? value.slice(eq + 1) : value);
      if (!(seconds > 0)) throw new Error(`--deadline ${value}: expected <seconds> or <phase>=<seconds>, seconds > 0`);
      if (eq >= 0) this.named.push([value.slice(0, eq), seconds * 1000]);
      else this.global = seconds * 1000;
    });
  }

  /**
   * The deadline of `phase`: the first --deadline override whose name is in the
   * phase's name as whole words ("c=10" is not in "c=100", "latency" is in
   * "rep 1 latency:bee-queue"), else the global one, else `defaultMs`.
   */
  deadlineOf(phase: string, defaultMs: number): number {
    const within = (key: string) => new RegExp(`(^|\\W)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\W)`).test(phase);
    return this.named.find(([key]) => within(key))?.[1] ?? this.global ?? defaultMs;
  }

  async run<T>(phase: string, defaultMs: number, fn: (phase: Phase) => Promise<T>): Promise<T | undefined> {
    const ms = this.deadlineOf(phase, defaultMs);
    const t0 = performance.now();
    try {
      const value = await withDeadline(phase, ms, fn);
      this.results.push({ phase, status: 'ok', seconds: (performance.now() - t0) / 1000, deadlineSeconds: ms / 1000 });
      return value;
    } catch (error) {
      // One line, so the table stays a table (an error may quote a multi-line answer).
      const reason = ((error as Error).message ?? String(error)).replace(/\s+/g, ' ').trim();
      this.results.push({ phase, status: 'failed', seconds: (performance.now() - t0) / 1000, deadlineSeconds: ms / 1000, reason });
      process.stderr.write(`phase "${phase}" FAILED: ${reason}\n`);
      return undefined;
    }
  }

  get failed(): PhaseResult[] {
    return this.results.filter((r) => r.status === 'failed');
  }

  /** One line per phase: status, time taken, deadline, and the reason of a failure. */
  table(): string {
    const width = Math.max(5, ...this.results.map((r) => r.phase.length));
    const lines = [`${'phase'.padEnd(width)}  status  ${'took'.padStart(8)}  ${'deadline'.padStart(8)}  reason`];
    for (const r of this.results) {
      lines.push(
        `${r.phase.padEnd(width)}  ${(r.status === 'ok' ? 'ok' : 'FAILED').padEnd(6)}  ${formatMs(r.seconds * 1000).padStart(8)}  ${formatMs(r.deadlineSeconds * 1000).padStart(8)}  ${r.reason ?? ''}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }

  /**
   * Ends the process: exit code 1 when any phase failed. Explicit, because an
   * abandoned phase may leave a handle open (a pending socket) that would keep
   * Node running: the bench never waits forever, not even at its end.
   */
  exit(): never {
    if (this.failed.length > 0) process.stderr.write(`${this.failed.length} phase(s) failed: ${this.failed.map((r) => r.phase).join(', ')}\n`);
    process.exit(this.failed.length > 0 ? 1 : 0);
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}
