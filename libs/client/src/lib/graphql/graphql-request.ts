import { ProblemError, problemEntries } from '../problem-error';

export interface GraphqlTransport {
  /** http(s)://host:port of the control plane. */
  server: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
}

/** extensions.code → the REST status and title a ProblemError carries, so callers handle one error shape. */
const CODES: Record<string, { status: number; title: string }> = {
  BAD_USER_INPUT: { status: 400, title: 'Invalid request' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, title: 'Invalid query' },
  GRAPHQL_PARSE_FAILED: { status: 400, title: 'Invalid query' },
  UNAUTHENTICATED: { status: 401, title: 'Unauthorized' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflict' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests' },
};

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>;
}

/** POST /graphql; the first error of an answer with errors becomes a ProblemError (status, title, detail, errors, code). */
export async function graphqlRequest<T>(transport: GraphqlTransport, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await transport.fetch(`${transport.server}/graphql`, {
    method: 'POST',
    headers: { ...transport.headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let answer: GraphqlAnswer<T>;
  try {
    answer = JSON.parse(text) as GraphqlAnswer<T>;
  } catch {
    throw await ProblemError.fromResponse(new Response(text, { status: response.ok ? 502 : response.status, statusText: response.statusText }));
  }
  const first = answer.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.['code'] === 'string' ? first.extensions['code'] : undefined;
    const known = code === undefined ? undefined : CODES[code];
    const domainCode = first.extensions?.['domainCode'];
    throw new ProblemError({
      status: known?.status ?? (response.ok ? 500 : response.status),
      title: known?.title ?? 'GraphQL error',
      detail: first.message ?? 'no message',
      ...((typeof domainCode === 'string' || code !== undefined) && { code: typeof domainCode === 'string' ? domainCode : code }),
      errors: problemEntries(first.extensions?.['problems']),
    });
  }
  if (!response.ok || answer.data === undefined || answer.data === null) {
    throw new ProblemError({ status: response.ok ? 502 : response.status, title: response.statusText || 'GraphQL error', detail: 'the answer has no data' });
  }
  return answer.data;
}
