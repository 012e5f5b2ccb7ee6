// A stand-in for @base-shift/client in component tests: REST answers from a
// table of handlers, and a workflow event stream the test feeds by hand.
import type { BaseShiftClient, WorkflowTransition } from '@base-shift/client';
import { ProblemError, type ServerSentEvent } from '@base-shift/client';

type Handler = (options: { params?: { path?: Record<string, string>; query?: Record<string, unknown> } }) => unknown;

export interface FakeClient {
  client: BaseShiftClient;
  calls: { method: string; path: string; options: unknown }[];
  /** Delivers a transition on the open event stream. */
  emit(transition: Omit<WorkflowTransition, 'kind'> & { kind: 'workflow' | 'job' }): void;
  /** Ends the event stream (the workflow finished). */
  end(): void;
}

export function fakeClient(handlers: Record<string, Handler>, templates: Record<string, (...args: never[]) => unknown> = {}): FakeClient {
  const calls: FakeClient['calls'] = [];
  const queue: (WorkflowTransition | 'end')[] = [];
  let wake: (() => void) | undefined;
  const call =
    (method: string) =>
    async (path: string, options: Parameters<Handler>[0] = {}) => {
      calls.push({ method, path, options });
      const handler = handlers[`${method} ${path}`];
      if (!handler) throw new ProblemError({ status: 404, title: 'Not Found', detail: `no fake for ${method} ${path}` });
      return { data: handler(options) };
    };
  const client = {
    server: 'http://console.test',
    rest: { GET: call('GET'), POST: call('POST'), DELETE: call('DELETE') },
    templates: { list: async () => ({ items: [], nextCursor: null }), ...templates },
    async *workflowEvents(_id: string, options: { signal?: AbortSignal } = {}) {
      for (;;) {
        while (queue.length === 0) {
          if (options.signal?.aborted) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
            options.signal?.addEventListener('abort', () => resolve(), { once: true });
          });
        }
        const next = queue.shift();
        if (next === undefined || next === 'end') return;
        const event: ServerSentEvent = { event: 'transition', id: String(next.seq), data: JSON.stringify(next) };
        yield { ...next, event };
      }
    },
  } as unknown as BaseShiftClient;
  return {
    client,
    calls,
    emit(transition) {
      queue.push(transition);
      wake?.();
    },
    end() {
      queue.push('end');
      wake?.();
    },
  };
}
