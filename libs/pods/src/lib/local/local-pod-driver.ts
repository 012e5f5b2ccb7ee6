import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getLogger } from '@base-shift/core';
import { BackgroundLoop } from '@base-shift/redis';
import { executorPodName, type ExecutorSettings } from '../driver/executor-settings';
import type { DeleteOptions, ExecutorPod, PodChange, PodDriver, PodEvent } from '../driver/pod-driver.port';
import { ExecutorNotBuiltError } from '../errors/pod-errors';
import type { PoolConfig } from '../pools/pool-config';
import { freePort } from './free-port';
import { localExecutorEnv } from './local-executor-env';
import { LocalPodRegistry } from './local-pod-registry';

export interface LocalPodDriverOptions {
  settings: ExecutorSettings;
  /** The built executor (dist/apps/job-executor/main.js), run with this process's Node. */
  executorMain: string;
  /** Each executor's output goes to <logDir>/<name>.log; without one it is inherited (mixed into ours). */
  logDir?: string;
  /** Directory given to executors of pools that name a Secret (there are no Secrets outside Kubernetes). */
  secretsDir?: string;
  /** Variables every executor inherits (PATH, HOME, …); the managed ones are set on top. */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  /** How often /healthz of each executor is probed for readiness. Default 500 ms. */
  probeIntervalMs?: number;
  /**
   * Where each executor's pid and owner are recorded, so executors left behind
   * by a control plane that was killed are found and stopped (orphans).
   * Default <tmpdir>/base-shift-local-pods.
   */
  stateDir?: string;
}

interface LocalPod {
  pod: ExecutorPod;
  child: ChildProcess;
  port: number;
  /** SIGTERM → SIGKILL seconds when the driver stops: the pool's drain plus a margin, like the pod spec's. */
  graceSeconds: number;
  killTimer?: NodeJS.Timeout;
  exited: Promise<void>;
}

/**
 * PodDriver for one machine: each "pod" is a `node dist/apps/job-executor/main.js`
 * child process with its own EXECUTOR_ID and METRICS_PORT. Phases follow the
 * process: Pending until spawned, Running (Ready once /healthz answers 200),
 * Succeeded or Failed when it exits. Delete sends SIGTERM (the executor drains)
 * and SIGKILL after the grace period. The default without a cluster, so the
 * README's run command works anywhere Node runs.
 */
export class LocalPodDriver implements PodDriver {
  readonly kind = 'local' as const;
  private readonly logger = getLogger(LocalPodDriver.name);
  private readonly pods = new Map<string, LocalPod>();
  private readonly listeners = new Set<(change: PodChange) => void>();
  private readonly registry: LocalPodRegistry;
  private readonly probes: BackgroundLoop;

  constructor(private readonly options: LocalPodDriverOptions) {
    this.registry = new LocalPodRegistry(
      options.stateDir ?? path.join(tmpdir(), 'base-shift-local-pods'),
      options.settings.controlPlaneId,
      options.executorMain,
    );
    this.probes = new BackgroundLoop({
      name: 'readiness probes',
      intervalMs: options.probeIntervalMs ?? 500,
      runAtStart: false,
      logger: this.logger,
      run: () => this.probe(),
    });
  }

  async start(): Promise<void> {
    if (!existsSync(this.options.executorMain)) throw new ExecutorNotBuiltError(this.options.executorMain);
    if (this.options.logDir) mkdirSync(this.options.logDir, { recursive: true });
    for (const orphan of this.registry.stopOrphans()) {
      this.logger.warn(`stopped executor ${orphan.name} (pid ${orphan.pid}), left behind by control-plane process ${orphan.ownerPid} that is gone`);
    }
    this.probes.start();
  }

  /** Stops every executor it started (SIGTERM, SIGKILL after their pool's grace) and waits for them. */
  async stop(): Promise<void> {
    await this.probes.stop();
    const running = [...this.pods.values()];
    for (const entry of running) this.terminate(entry, entry.graceSeconds);
    await Promise.all(running.map((entry) => entry.exited));
  }

  list(): ExecutorPod[] {
    return [...this.pods.values()].map((entry) => ({ ...entry.pod }));
  }

  async create(pool: PoolConfig): Promise<ExecutorPod> {
    const name = executorPodName(pool.name);
    const port = await freePort();
    const env = localExecutorEnv(pool, this.options, name, port);
    const output = this.options.logDir ? createWriteStream(path.join(this.options.logDir, `${name}.log`), { flags: 'a' }) : undefined;
    const child = spawn(process.execPath, [this.options.executorMain], {
      env,
      stdio: ['ignore', output ? 'pipe' : 'inherit', output ? 'pipe' : 'inherit'],
    });
    if (output) {
      child.stdout?.pipe(output);
      child.stderr?.pipe(output);
    }
    const pod: ExecutorPod = {
      name,
      pool: pool.name,
      controlPlaneId: this.options.settings.controlPlaneId,
      phase: 'Pending',
      ready: false,
      createdAt: Date.now(),
      deleting: false,
    };
    const entry: LocalPod = {
      pod,
      child,
      port,
      graceSeconds: pool.drainSeconds + 10,
      exited: new Promise<void>((resolve) => {
        child.once('exit', (code, signal) => {
          clearTimeout(entry.killTimer);
          this.registry.remove(name);
          output?.end();
          this.onExit(entry, code, signal);
          resolve();
        });
      }),
    };
    child.once('spawn', () => this.update(entry, { phase: 'Running' }));
    child.once('error', (error) => this.update(entry, { phase: 'Failed', ready: false, detail: `could not start: ${error.message}` }));
    this.pods.set(name, entry);
    if (child.pid) this.registry.add(name, child.pid);
    this.emit('added', entry.pod);
    this.logger.info(`started executor ${name} (pool ${pool.name}, pid ${child.pid ?? '?'}, metrics port ${port})`);
    return { ...pod };
  }

  async delete(name: string, options: DeleteOptions): Promise<void> {
    const entry = this.pods.get(name);
    if (!entry) return;
    if (entry.child.exitCode !== null || entry.child.signalCode !== null) {
      this.remove(entry);
      return;
    }
    this.terminate(entry, options.graceSeconds);
  }

  onChange(listener: (change: PodChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async recordEvent(event: PodEvent): Promise<void> {
    const text = `${event.reason}${event.podName ? ` (${event.podName})` : ''}: ${event.message}`;
    if (event.type === 'Warning') this.logger.warn(text);
    else this.logger.info(text);
  }

  /** Only this process's children are visible, so there are never foreign owners to check. */
  async isControlPlaneAlive(): Promise<boolean> {
    return true;
  }

  /** Nothing remote to reach: the driver works while the executor bundle exists. */
  async checkHealth(): Promise<void> {
    if (!existsSync(this.options.executorMain)) throw new ExecutorNotBuiltError(this.options.executorMain);
  }

  /** The metrics port of a running executor (tests scrape it). */
  metricsPort(name: string): number | undefined {
    return this.pods.get(name)?.port;
  }

  /** The process id of an executor (tests crash it). */
  pidOf(name: string): number | undefined {
    return this.pods.get(name)?.child.pid;
  }

  private terminate(entry: LocalPod, graceSeconds: number): void {
    if (entry.child.exitCode !== null || entry.child.signalCode !== null) return;
    if (!entry.pod.deleting) this.update(entry, { deleting: true, ready: false });
    if (graceSeconds <= 0) {
      entry.child.kill('SIGKILL');
      return;
    }
    entry.child.kill('SIGTERM');
    clearTimeout(entry.killTimer);
    // The executor's own drain is SHUTDOWN_GRACE_SECONDS; this is the kubelet's SIGKILL after the pod's grace.
    entry.killTimer = setTimeout(() => entry.child.kill('SIGKILL'), graceSeconds * 1000);
    entry.killTimer.unref();
  }

  private onExit(entry: LocalPod, code: number | null, signal: NodeJS.Signals | null): void {
    if (entry.pod.deleting) {
      this.remove(entry);
      return;
    }
    const detail = signal ? `killed by ${signal}` : `exited with code ${code}`;
    this.update(entry, { phase: code === 0 ? 'Succeeded' : 'Failed', ready: false, detail });
    this.logger.warn(`executor ${entry.pod.name} ${detail}`);
  }

  private remove(entry: LocalPod): void {
    if (this.pods.get(entry.pod.name) !== entry) return;
    this.pods.delete(entry.pod.name);
    this.emit('deleted', entry.pod);
  }

  private update(entry: LocalPod, patch: Partial<ExecutorPod>): void {
    if (patch.ready !== undefined && patch.ready !== entry.pod.ready) patch.readySince = Date.now();
    entry.pod = { ...entry.pod, ...patch };
    if (this.pods.get(entry.pod.name) === entry) this.emit('modified', entry.pod);
  }

  private async probe(): Promise<void> {
    await Promise.all(
      [...this.pods.values()]
        .filter((entry) => entry.pod.phase === 'Running' && !entry.pod.deleting)
        .map(async (entry) => {
          const ready = await this.healthy(entry.port);
          if (ready !== entry.pod.ready && entry.pod.phase === 'Running' && !entry.pod.deleting) this.update(entry, { ready });
        }),
    );
  }

  private async healthy(port: number): Promise<boolean> {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  }

  private emit(type: PodChange['type'], pod: ExecutorPod): void {
    for (const listener of this.listeners) listener({ type, pod: { ...pod } });
  }
}
