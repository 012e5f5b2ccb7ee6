import { getLogger } from '@base-shift/core';
import { whenReady, type RedisConnection } from '@base-shift/redis';
import type { WorkflowKeys } from '../store/workflow-keys';
import type { HistoryEntry } from '../store/workflow-record';

type Listener = (entry: HistoryEntry) => void;

/**
 * Live transitions over Redis pub/sub: every state-changing script publishes
 * the history record it writes on `workflow:{<id>}:events`. One subscriber
 * connection per process, one SUBSCRIBE per watched workflow however many
 * clients watch it. Pub/sub may drop messages on a reconnect; readers
 * replay the history list for what they missed (see WorkflowEventStream).
 */
/** How long a first SUBSCRIBE waits for the new connection's handshake; then it is sent anyway (and fails if Redis is away). */
const READY_WAIT_MS = 5000;

export class WorkflowEvents {
  private readonly logger = getLogger(WorkflowEvents.name);
  private subscriber: RedisConnection | undefined;
  private ready: Promise<void> | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly connect: () => RedisConnection,
    private readonly keys: WorkflowKeys,
  ) {}

  /** Resolves once Redis confirmed the subscription; call the returned function to leave. */
  async subscribe(workflowId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = this.keys.forWorkflow(workflowId).events;
    const subscriber = this.connection();
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    await this.ready;
    // SUBSCRIBE is cheap to repeat, and repeating it means the caller never runs ahead of the subscription.
    await subscriber.subscribe(channel);
    return async () => {
      const current = this.listeners.get(channel);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.listeners.delete(channel);
        await subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    this.subscriber = undefined;
  }

  private connection(): RedisConnection {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.connect();
    subscriber.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      let entry: HistoryEntry;
      try {
        entry = JSON.parse(message) as HistoryEntry;
      } catch {
        this.logger.warn(`ignored a malformed event on ${channel}`);
        return;
      }
      for (const listener of set) listener(entry);
    });
    this.subscriber = subscriber;
    // A SUBSCRIBE written during the handshake breaks it (see whenReady).
    this.ready = whenReady(subscriber, READY_WAIT_MS);
    return subscriber;
  }
}
