import type { CoreV1Api, V1Pod, Watch } from '@kubernetes/client-node';
import { errorMessage, getLogger } from '@base-shift/core';
import { BackgroundLoop } from '@base-shift/redis';
import { statusCodeOf } from './kube-errors';
import { PodCache, type InformerEvent } from './pod-cache';

export type { InformerEvent } from './pod-cache';
export type RelistReason = 'initial' | 'expired';

export interface PodInformerOptions {
  namespace: string;
  labelSelector: string;
  /** The server ends each watch after this long; the informer resumes from its resourceVersion. Default 300. */
  watchTimeoutSeconds?: number;
  /** Backoff after a failed list or watch, doubling up to maxBackoffMs. Defaults 200 / 5000. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Called on every relist, with why (for a metric). */
  onRelist?: (reason: RelistReason) => void;
}

type WatchEnd = 'closed' | 'expired' | { error: unknown };

const PAGE_SIZE = 500;

/**
 * A pod cache kept current by list + watch, the client-go reflector contract:
 * list (paginated) → remember the list's resourceVersion → watch from it with
 * bookmarks, advancing the resourceVersion with every event. A watch that ends
 * (server timeout, network error) resumes from the last resourceVersion; a 410
 * Gone — that version is no longer in the server's history, as an HTTP status
 * or a watch ERROR event — relists and diffs the new list against the cache,
 * so deletions missed meanwhile are reported.
 */
export class PodInformer {
  private readonly logger = getLogger(PodInformer.name);
  private readonly cache = new PodCache();
  private readonly stopSignal = new AbortController();
  private readonly watching: BackgroundLoop;
  private resourceVersion = '';
  private current?: AbortController;
  private relists: Record<RelistReason, number> = { initial: 0, expired: 0 };
  private relistNeeded?: RelistReason;
  private failures = 0;

  constructor(
    private readonly core: CoreV1Api,
    private readonly watcher: Watch,
    private readonly options: PodInformerOptions,
  ) {
    // Each round is a (re)list when needed, then one watch; it says itself when the next one starts.
    this.watching = new BackgroundLoop({ name: 'pod watch', intervalMs: options.minBackoffMs ?? 200, logger: this.logger, run: () => this.watchRound() });
  }

  /** Lists once (throws if that fails), then keeps watching in the background. */
  async start(): Promise<void> {
    if (this.watching.isRunning) return;
    await this.relist('initial');
    if (!this.stopSignal.signal.aborted) this.watching.start();
  }

  async stop(): Promise<void> {
    const stopped = this.watching.stop();
    this.stopSignal.abort();
    this.current?.abort();
    await stopped;
  }

  list(): V1Pod[] {
    return this.cache.list();
  }

  get(name: string): V1Pod | undefined {
    return this.cache.get(name);
  }

  onEvent(listener: (type: InformerEvent, pod: V1Pod) => void): () => void {
    return this.cache.onEvent(listener);
  }

  /** An object a write of ours returned (see PodCache.upsert). */
  upsert(pod: V1Pod): void {
    this.cache.upsert(pod);
  }

  /** A pod our delete removed for good. */
  forget(name: string): void {
    this.cache.forget(name);
  }

  /** The resourceVersion the next watch starts from. */
  get lastResourceVersion(): string {
    return this.resourceVersion;
  }

  /** How many relists happened, by reason. */
  get relistCounts(): Readonly<Record<RelistReason, number>> {
    return { ...this.relists };
  }

  /** Resolves to the delay before the next round: none after a watch that ended cleanly, a backoff after a failure. */
  private async watchRound(): Promise<number> {
    if (this.relistNeeded) {
      try {
        await this.relist(this.relistNeeded);
        this.relistNeeded = undefined;
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.logger.warn(`listing pods failed (${errorMessage(error)}); retrying`);
        return this.backoffMs();
      }
    }
    const end = await this.watchOnce();
    if (this.stopSignal.signal.aborted) return 0;
    if (end === 'closed') {
      this.failures = 0;
      return 0;
    }
    if (end === 'expired') {
      this.logger.info(`watch resourceVersion ${this.resourceVersion} expired (410 Gone); relisting`);
      this.relistNeeded = 'expired';
      return 0;
    }
    this.failures += 1;
    // Like client-go: an unreachable server is no reason to relist everything; resume where we were.
    // If our version is gone by then, the server says 410 and we relist.
    if (this.failures === 1 || this.failures % 10 === 0) {
      const status = statusCodeOf(end.error);
      // A watch ERROR event carries a Status object: its own message, not an Error's.
      const message = (end.error as { message?: string } | null)?.message ?? errorMessage(end.error);
      this.logger.warn(`pod watch failed (${status ?? ''} ${message}); resuming from ${this.resourceVersion}`);
    }
    return this.backoffMs();
  }

  private watchOnce(): Promise<WatchEnd> {
    const { namespace, labelSelector, watchTimeoutSeconds = 300 } = this.options;
    return new Promise<WatchEnd>((resolve) => {
      let ended = false;
      const end = (result: WatchEnd) => {
        if (ended) return;
        ended = true;
        handle.abort();
        resolve(result);
      };
      // Stands for the request from now on, so stop() can end this watch at any moment, even before it is sent.
      const handle = new AbortController();
      handle.signal.addEventListener('abort', () => end('closed'));
      this.current = handle;
      this.watcher
        .watch(
          `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
          { labelSelector, resourceVersion: this.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: watchTimeoutSeconds },
          (type: string, object: unknown) => {
            if (ended) return;
            const pod = object as V1Pod;
            if (type === 'ERROR') {
              end(statusCodeOf(object) === 410 ? 'expired' : { error: object });
            } else if (type === 'BOOKMARK') {
              this.resourceVersion = pod.metadata?.resourceVersion ?? this.resourceVersion;
            } else if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
              this.resourceVersion = pod.metadata?.resourceVersion ?? this.resourceVersion;
              this.cache.apply(type, pod);
            }
          },
          (error: unknown) => end(error ? (statusCodeOf(error) === 410 ? 'expired' : { error }) : 'closed'),
        )
        .then(
          (request) => {
            if (ended) request.abort();
            else handle.signal.addEventListener('abort', () => request.abort());
          },
          (error: unknown) => end({ error }),
        );
    });
  }

  /** Lists every page, then replaces the cache; the next watch starts at the list's resourceVersion. */
  private async relist(reason: RelistReason): Promise<void> {
    const { namespace, labelSelector } = this.options;
    const items: V1Pod[] = [];
    let token: string | undefined;
    let version = '';
    do {
      const page = await this.core.listNamespacedPod({ namespace, labelSelector, limit: PAGE_SIZE, ...(token && { _continue: token }) });
      items.push(...page.items);
      token = page.metadata?._continue || undefined;
      version = page.metadata?.resourceVersion ?? version;
    } while (token);
    this.relists[reason] += 1;
    this.options.onRelist?.(reason);
    this.cache.replaceAll(items);
    this.resourceVersion = version;
  }

  private backoffMs(): number {
    const { minBackoffMs = 200, maxBackoffMs = 5000 } = this.options;
    return Math.min(maxBackoffMs, minBackoffMs * 2 ** Math.min(this.failures - 1, 10));
  }
}
