/**
 * One measurement each; every one starts from an empty Redis (FLUSHALL).
 * CPU is read from Redis (INFO cpu, main thread user + sys) and from the worker
 * process (process.cpuUsage), which stays meaningful on a noisy machine.
 */
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

export async function enqueueBulk(a: QueueAdapter, redis: BenchRedis, n: number) {
  await redis.flush();
  const producer = await a.openProducer(redis.port, false);
  const cpu0 = await redis.cpuMicros();
  const t0 = performance.now();
  await addInBatches(producer, n);
  const seconds = (performance.now() - t0) / 1000;
  const redisCpu = (await redis.cpuMicros()) - cpu0;
  await producer.close();
  return { jobsPerSecond: n / seconds, redisMicrosPerJob: redisCpu / n };
}

export async function enqueueOneByOne(a: QueueAdapter, redis: BenchRedis, n: number) {
  await redis.flush();
  const producer = await a.openProducer(redis.port, false);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await producer.add(PAYLOAD);
  const seconds = (performance.now() - t0) / 1000;
  await producer.close();
  return { jobsPerSecond: n / seconds };
}

/** Jobs/s from the first add to the n-th completion, one worker process at concurrency 50, jobs added in bulk meanwhile. */
export async function endToEnd(a: QueueAdapter, redis: BenchRedis, sizes: Sizes) {
  await redis.flush();
  const worker = await WorkerHandle.spawn(a.name, redis.port, CONCURRENCY);
  const producer = await a.openProducer(redis.port, false);
  try {
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
  } finally {
    await producer.close();
    await worker.exit();
  }
}

/** add → completed as the producer observes it, one job at a time, idle worker in another process. */
export async function latency(a: QueueAdapter, redis: BenchRedis, samples: number) {
  await redis.flush();
  const worker = await WorkerHandle.spawn(a.name, redis.port, CONCURRENCY);
  const producer = await a.openProducer(redis.port, true);
  try {
    await worker.start();
    for (let i = 0; i < 50; i++) await producer.addAndWait(PAYLOAD);
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      // Untimed pause: the worker is idle (waiting for work) when the job arrives, as specified.
      await new Promise((resolve) => setTimeout(resolve, 2));
      const t0 = performance.now();
      await producer.addAndWait(PAYLOAD);
      ms.push(performance.now() - t0);
    }
    return { p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99) };
  } finally {
    await producer.close();
    await worker.exit();
  }
}

/** INFO used_memory delta per job over n queued jobs. */
export async function bytesPerJob(a: QueueAdapter, redis: BenchRedis, n: number) {
  await redis.flush();
  const producer = await a.openProducer(redis.port, false);
  // The first add creates the queue's fixed keys (scripts, meta): not per-job memory.
  await producer.addBulk([PAYLOAD]);
  const before = await redis.usedMemory();
  await addInBatches(producer, n);
  const after = await redis.usedMemory();
  await producer.close();
  return { bytesPerJob: (after - before) / n };
}

/** Cost of taking `k` jobs through a warm worker from a queue holding `depth` jobs. */
export async function popCost(a: QueueAdapter, redis: BenchRedis, depth: number, sizes: Sizes) {
  await redis.flush();
  const worker = await WorkerHandle.spawn(a.name, redis.port, CONCURRENCY);
  const producer = await a.openProducer(redis.port, false);
  try {
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
  } finally {
    await producer.close();
    await worker.exit();
  }
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
