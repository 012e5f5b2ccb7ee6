import type { Logger } from '@base-shift/core';
import { BackgroundLoop } from './background-loop';

/** Resolves once `count` rounds have started (the loop's own progress, not a clock). */
function roundCounter() {
  let rounds = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    get rounds() {
      return rounds;
    },
    tick() {
      rounds++;
      for (const waiter of waiters.filter((w) => rounds >= w.count)) waiter.resolve();
    },
    reached(count: number): Promise<void> {
      return rounds >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) };
}

describe('BackgroundLoop', () => {
  it('runs the first round at once and the next ones on its interval', async () => {
    const counter = roundCounter();
    const loop = new BackgroundLoop({ name: 'test', intervalMs: 5, run: async () => counter.tick() });
    loop.start();
    await counter.reached(3);
    await loop.stop();
    expect(loop.isRunning).toBe(false);
  });

  it('never runs two rounds at once, however slow a round is', async () => {
    const counter = roundCounter();
    let inRound = 0;
    let maxInRound = 0;
    const loop = new BackgroundLoop({
      name: 'slow',
      intervalMs: 0,
      run: async () => {
        maxInRound = Math.max(maxInRound, ++inRound);
        await new Promise((resolve) => setImmediate(resolve));
        inRound--;
        counter.tick();
      },
    });
    loop.start();
    loop.start(); // a second start is a no-op, not a second loop
    loop.trigger();
    await counter.reached(5);
    await loop.stop();
    expect(maxInRound).toBe(1);
  });

  it('uses the delay a round returns instead of the interval', async () => {
    const counter = roundCounter();
    // An hour-long interval: only the returned 0 ms delay can make a second round happen.
    const loop = new BackgroundLoop({ name: 'paced', intervalMs: 3_600_000, run: async () => (counter.tick(), 0) });
    loop.start();
    await counter.reached(2);
    await loop.stop();
  });

  it('runs a round at once on trigger() instead of waiting out the interval', async () => {
    const counter = roundCounter();
    const loop = new BackgroundLoop({ name: 'triggered', intervalMs: 3_600_000, run: async () => counter.tick() });
    loop.start();
    await counter.reached(1);
    loop.trigger();
    await counter.reached(2);
    await loop.stop();
  });

  it('stop() interrupts the wait and resolves once the running round ended', async () => {
    let finishRound: () => void = () => undefined;
    const roundStarted = roundCounter();
    let roundsEnded = 0;
    const loop = new BackgroundLoop({
      name: 'stopping',
      intervalMs: 3_600_000,
      run: async () => {
        roundStarted.tick();
        await new Promise<void>((resolve) => (finishRound = resolve));
        roundsEnded++;
      },
    });
    loop.start();
    await roundStarted.reached(1);
    const stopped = loop.stop();
    finishRound();
    await stopped;
    expect(roundsEnded).toBe(1);
    expect(roundStarted.rounds).toBe(1);
  });

  it('logs a failing round and retries it with a growing delay', async () => {
    const counter = roundCounter();
    const logger = recordingLogger();
    const loop = new BackgroundLoop({
      name: 'flaky',
      intervalMs: 3_600_000,
      errorDelayMs: 1,
      logger,
      run: async () => {
        counter.tick();
        if (counter.rounds < 3) throw new Error('redis is unreachable');
      },
    });
    loop.start();
    await counter.reached(3);
    await loop.stop();
    expect(logger.errors).toEqual(['flaky: redis is unreachable; retrying in 1 ms', 'flaky: redis is unreachable; retrying in 2 ms']);
  });

  it('waits one interval before the first round when runAtStart is false', async () => {
    const counter = roundCounter();
    const loop = new BackgroundLoop({ name: 'late', intervalMs: 3_600_000, runAtStart: false, run: async () => counter.tick() });
    loop.start();
    await new Promise((resolve) => setImmediate(resolve));
    await loop.stop();
    expect(counter.rounds).toBe(0);
  });
});
