import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/openapi';
import { ProblemError } from './problem-error';
import { readEventStream, type EventStreamOptions } from './sse/read-event-stream';
import type { ServerSentEvent } from './sse/event-stream-parser';
import { TemplateOperations } from './templates/template-operations';

export interface BaseShiftClientOptions {
  /** The control plane's base URL, e.g. http://127.0.0.1:3000 (a trailing slash is ignored). */
  server: string;
  /** An API key (bsk_…) or an OIDC access token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Another fetch (tests, a proxy-aware one); defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** One transition of a workflow or of one of its jobs, the data of an SSE `transition` event. */
export interface WorkflowTransition {
  /** Order within the workflow; also the event id (what Last-Event-ID resumes after). */
  seq: number;
  at: string;
  kind: 'workflow' | 'job';
  jobId?: string;
  /** '' for the creation record. */
  from: string;
  to: string;
  reason?: string;
  attempt?: number;
}

export interface BaseShiftClient {
  server: string;
  /** The REST API, typed from the OpenAPI document; a non-2xx answer throws a ProblemError. */
  rest: Client<paths>;
  /** Job templates over GraphQL. */
  templates: TemplateOperations;
  /** GET /workflows/{id}/events: the transitions, recorded ones first, until the workflow ends; reconnects with Last-Event-ID. */
  workflowEvents(id: string, options?: EventStreamOptions): AsyncGenerator<WorkflowTransition & { event: ServerSentEvent }>;
}

/** Every refused call throws, so a caller never mistakes an error body for data. */
const throwProblems: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await ProblemError.fromResponse(response);
    return undefined;
  },
};

export function createBaseShiftClient(options: BaseShiftClientOptions): BaseShiftClient {
  const server = options.server.replace(/\/+$/, '');
  // Called through a closure: a browser refuses fetch invoked as a method of another object.
  const fetchImpl = options.fetch ?? ((input: Request | string | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const rest = createClient<paths>({ baseUrl: server, headers, fetch: (request: Request) => fetchImpl(request) });
  rest.use(throwProblems);
  return {
    server,
    rest,
    templates: new TemplateOperations({ server, headers, fetch: fetchImpl }),
    async *workflowEvents(id, streamOptions = {}) {
      const url = `${server}/workflows/${encodeURIComponent(id)}/events`;
      for await (const event of readEventStream({ url, headers, fetch: fetchImpl }, streamOptions)) {
        if (event.event !== 'transition') continue;
        yield { ...(JSON.parse(event.data) as WorkflowTransition), event };
      }
    },
  };
}

/** The data of an answer that has one (throwProblems already turned refusals into errors). */
export function required<T>(answer: { data?: T }): T {
  if (answer.data === undefined) throw new ProblemError({ status: 502, title: 'Bad Gateway', detail: 'the control plane answered without a body' });
  return answer.data;
}
