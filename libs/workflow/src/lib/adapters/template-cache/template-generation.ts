import { errorMessage, getLogger } from '@base-shift/core';
import { whenReady, type RedisConnection } from '@base-shift/redis';

/** How long the subscription waits for the connection's handshake (see whenReady). */
const READY_WAIT_MS = 5000;

/**
 * The template store's change counter, shared by every control-plane replica
 * through Redis: `template-cache:generation` (STRING, INCR) goes up after each
 * create, publish, deprecate or delete, and `template-cache:changed` (pub/sub,
 * not a key) carries the template id at the same moment. Caches tag what they
 * read with the generation; a message makes them re-read it at once, and since
 * pub/sub drops messages on a reconnect, they re-read it on a short interval too.
 */
export class TemplateGeneration {
  private readonly logger = getLogger(TemplateGeneration.name);
  readonly key: string;
  readonly channel: string;
  private subscriber: RedisConnection | undefined;
  private subscribed: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly redis: RedisConnection,
    /** A new connection for SUBSCRIBE (a subscribed connection runs nothing else). */
    private readonly connect: () => RedisConnection,
    prefix = '',
  ) {
    this.key = `${prefix}template-cache:generation`;
    this.channel = `${prefix}template-cache:changed`;
  }

  /**
   * Called after the change is stored: INCR and PUBLISH in one MULTI, so no
   * replica sees one without the other. This process's own caches are told
   * directly once the INCR is done: the message reaches the subscriber
   * connection in its own time, maybe after the caller got its answer.
   */
  async bump(templateId: string): Promise<void> {
    const replies = await this.redis.multi().incr(this.key).publish(this.channel, templateId).exec();
    const failed = replies?.find(([error]) => error);
    if (!replies || failed) throw failed?.[0] ?? new Error('the template generation MULTI was aborted');
    for (const listener of this.listeners) listener();
  }

  /** The current generation ('0' before the first change). */
  async read(): Promise<string> {
    return (await this.redis.get(this.key)) ?? '0';
  }

  /**
   * `onChange` runs for every change: this process's bumps, every message, and
   * every (re)connect of the subscriber, since messages may have been missed
   * meanwhile. One subscriber connection per instance, opened on the first call.
   */
  async watch(onChange: () => void): Promise<void> {
    this.listeners.add(onChange);
    this.subscribed ??= this.subscribe();
    await this.subscribed;
  }

  /** Resolves once Redis confirmed the subscription (or refused it: logged, the interval check still bounds staleness). */
  private async subscribe(): Promise<void> {
    const subscriber = this.connect();
    this.subscriber = subscriber;
    const notify = () => {
      for (const listener of this.listeners) listener();
    };
    subscriber.on('message', (channel: string) => {
      if (channel === this.channel) notify();
    });
    subscriber.on('ready', notify);
    try {
      await whenReady(subscriber, READY_WAIT_MS);
      await subscriber.subscribe(this.channel);
    } catch (error) {
      // ioredis subscribes again when the connection comes back.
      this.logger.warn(`could not subscribe to ${this.channel}: ${errorMessage(error)}`);
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.subscribed = undefined;
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }
}
