import { ProblemError } from '../problem-error';
import { EventStreamParser, type ServerSentEvent } from './event-stream-parser';

export interface EventStreamOptions {
  /** Resume after this event id (sent as Last-Event-ID); the next reconnect sends the last id received. */
  lastEventId?: string;
  /** Stops the stream (the generator then returns). */
  signal?: AbortSignal;
  /** Reconnects after a dropped connection before giving up (default 5); each successful event resets the count. */
  maxReconnects?: number;
  /** Wait before a reconnect when the server sent no `retry:` (default 1000 ms). */
  reconnectDelayMs?: number;
}

export interface EventStreamRequest {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
}

/**
 * Reads a text/event-stream with fetch and yields its events until the server
 * ends the stream (the control plane ends a workflow's stream once the
 * workflow is COMPLETED, FAILED or CANCELLED). A connection that drops with an
 * error is re-opened with `Last-Event-ID: <last id>`, so no event is lost or
 * repeated; a refusal (non-2xx) throws its ProblemError at once.
 */
export async function* readEventStream(request: EventStreamRequest, options: EventStreamOptions = {}): AsyncGenerator<ServerSentEvent> {
  const parser = new EventStreamParser(options.lastEventId);
  const maxReconnects = options.maxReconnects ?? 5;
  let failures = 0;
  for (;;) {
    let response: Response;
    try {
      response = await request.fetch(request.url, {
        headers: { ...request.headers, accept: 'text/event-stream', ...(parser.lastEventId !== '' && { 'last-event-id': parser.lastEventId }) },
        ...(options.signal && { signal: options.signal }),
      });
    } catch (error) {
      if (options.signal?.aborted) return;
      if (++failures > maxReconnects) throw error;
      await delay(parser.retryMs ?? options.reconnectDelayMs ?? 1000, options.signal);
      continue;
    }
    if (!response.ok) throw await ProblemError.fromResponse(response);
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          parser.end();
          return;
        }
        for (const event of parser.push(value)) {
          failures = 0;
          yield event;
        }
      }
    } catch (error) {
      parser.end();
      if (options.signal?.aborted) return;
      if (++failures > maxReconnects) throw error;
    } finally {
      // Also when the consumer stops early: close the connection, not just the reader.
      await reader.cancel().catch(() => undefined);
    }
    await delay(parser.retryMs ?? options.reconnectDelayMs ?? 1000, options.signal);
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
