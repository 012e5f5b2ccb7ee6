// The queue's aging, as the queue computes it: effective priority = base +
// 0.1 per second waited (one tick of 0.0001 per millisecond), and it pops the
// highest effective priority first — the oldest job first between equals.

export const PRIORITY_PER_SECOND = 0.1;

export function effectivePriority(base: number, queuedAt: number, now: number): number {
  return base + (Math.max(0, now - queuedAt) / 1000) * PRIORITY_PER_SECOND;
}

export interface QueuedEntry {
  priority: number;
  queuedAt: number;
}

/**
 * Pop order. Every job gains priority at the same rate, so the order depends
 * only on base − 0.1 × queuedAt and never changes while they wait — only the
 * numbers rise.
 */
export function popOrder<T extends QueuedEntry>(entries: readonly T[], now: number): (T & { effective: number; waitSeconds: number })[] {
  return entries
    .map((entry) => ({ ...entry, effective: effectivePriority(entry.priority, entry.queuedAt, now), waitSeconds: Math.max(0, now - entry.queuedAt) / 1000 }))
    .sort((a, b) => b.effective - a.effective || a.queuedAt - b.queuedAt);
}
