/**
 * One measurement each; every one starts from an empty Redis (FLUSHALL).
 * CPU is read from Redis (INFO cpu, main thread user + sys) and from the worker
 * process (process.cpuUsage), which stays meaningful on a noisy machine.
 * Each runs as a phase under a deadline (tools/lib/deadline.ts): what it opens
 * is registered with `phase.defer`, so a phase given up at its deadline still
 * closes its producer and ends its worker process.
 */
import type { Phase } from '../../lib/deadline';
import type { QueueAdapter } from './adapters';
import type { BenchRedis } from './bench-redis';
import { WorkerHandle } from './worker-handle';

/** ~100 bytes of JSON, like a job that references its template snapshot instead of carrying it. */
export const PAYLOAD = { workflowId: 'wf-7f3a9c2e41b8', jobKey: 'fetch-orders', input: { page: 3, size: 50, region: 'eu-west' } };

export const CONCURRENCY = 50;
const BATCH = 1000;

export interface Sizes {
  bulk: number;
  oneByOne: number;
  endToEnd: number;
  warmup: number;
  latency: number;
  memory: number;
  popK: number;
}

async function addInBatches(producer: { addBulk(p: object[]): Promise<void> }, n: number): Promise<void> {
  for (let done = 0; done < n; done += BATCH) await producer.addBulk(Array.from({ length: Math.min(BATCH, n - done) }, () => PAYLOAD));
}

export async function enqueueBulk(a: QueueAdapter, redis: BenchRedis, n: number, phase: Phase) {
  await redis.flush();
  const producer = await open(a, redis, false, phase);
  const cpu0 = await redis.cpuMicros();
  const t0 = performance.now();
  await addInBatches(producer, n);
  const seconds = (performance.now() - t0) / 1000;
  const redisCpu = (await redis.cpuMicros()) - cpu0;
  return { jobsPerSecond: n / seconds, redisMicrosPerJob: redisCpu / n };
}

export async function enqueueOneByOne(a: QueueAdapter, redis: BenchRedis, n: number, phase: Phase) {
  await redis.flush();
  const producer = await open(a, redis, false, phase);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    phase.signal.throwIfAborted();
    await producer.add(PAYLOAD);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { jobsPerSecond: n / seconds };
}

/** Jobs/s from the first add to the n-th completion, one worker process at concurrency 50, jobs added in bulk meanwhile. */
export async function endToEnd(a: QueueAdapter, redis: BenchRedis, sizes: Sizes, phase: Phase) {
  await redis.flush();
  const worker = await spawnWorker(a, redis, phase);
  const producer = await open(a, redis, false, phase);
  await worker.start();
  // JIT warm-up of the worker process on the same path.
  const warm = await worker.arm(sizes.warmup);
  await addInBatches(producer, sizes.warmup);
  await warm.done();

  const run = await worker.arm(sizes.endToEnd);
  const cpu0 = await redis.cpuMicros();
  const t0 = performance.now();
  await addInBatches(producer, sizes.endToEnd);
  const workerCpu = await run.done();
  const seconds = (performance.now() - t0) / 1000;
  const redisCpu = (await redis.cpuMicros()) - cpu0;
  return { jobsPerSecond: sizes.endToEnd / seconds, redisMicrosPerJob: redisCpu / sizes.endToEnd, workerMicrosPerJob: workerCpu / sizes.endToEnd };
}

/** add → completed as the producer observes it, one job at a time, idle worker in another process. */
export async function latency(a: QueueAdapter, redis: BenchRedis, samples: number, phase: Phase) {
  await redis.flush();
  const worker = await spawnWorker(a, redis, phase);
  const producer = await open(a, redis, true, phase);
  await worker.start();
  for (let i = 0; i < 50; i++) {
    phase.signal.throwIfAborted();
    await producer.addAndWait(PAYLOAD);
  }
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    phase.signal.throwIfAborted();
    // Untimed pause: the worker is idle (waiting for work) when the job arrives, as specified.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const t0 = performance.now();
    await producer.addAndWait(PAYLOAD);
    ms.push(performance.now() - t0);
  }
  return { p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99) };
}

/** INFO used_memory delta per job over n queued jobs. */
export async function bytesPerJob(a: QueueAdapter, redis: BenchRedis, n: number, phase: Phase) {
  await redis.flush();
  const producer = await open(a, redis, false, phase);
  // The first add creates the queue's fixed keys (scripts, meta): not per-job memory.
  await producer.addBulk([PAYLOAD]);
  const before = await redis.usedMemory();
  await addInBatches(producer, n);
  const after = await redis.usedMemory();
  return { bytesPerJob: (after - before) / n };
}

/** Cost of taking `k` jobs through a warm worker from a queue holding `depth` jobs. */
export async function popCost(a: QueueAdapter, redis: BenchRedis, depth: number, sizes: Sizes, phase: Phase) {
  await redis.flush();
  const worker = await spawnWorker(a, redis, phase);
  const producer = await open(a, redis, false, phase);
  await worker.start();
  const warm = await worker.arm(sizes.warmup);
  await addInBatches(producer, sizes.warmup);
  await warm.done();
  await worker.stop();

  await addInBatches(producer, depth);
  const run = await worker.arm(sizes.popK);
  const cpu0 = await redis.cpuMicros();
  const t0 = performance.now();
  await worker.start();
  const workerCpu = await run.done();
  const seconds = (performance.now() - t0) / 1000;
  const redisCpu = (await redis.cpuMicros()) - cpu0;
  return { jobsPerSecond: sizes.popK / seconds, redisMicrosPerJob: redisCpu / sizes.popK, workerMicrosPerJob: workerCpu / sizes.popK };
}

/** A producer closed when the phase ends, on time or not. */
async function open(a: QueueAdapter, redis: BenchRedis, observeCompletions: boolean, phase: Phase) {
  const producer = await a.openProducer(redis.port, observeCompletions);
  phase.defer(() => producer.close());
  return producer;
}

/** A worker process ended when the phase ends (killed if it does not exit in time). */
async function spawnWorker(a: QueueAdapter, redis: BenchRedis, phase: Phase): Promise<WorkerHandle> {
  const worker = WorkerHandle.create(a.name, redis.port, CONCURRENCY);
  phase.defer(() => worker.exit());
  await worker.loaded();
  return worker;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
