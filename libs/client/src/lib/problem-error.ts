/** One entry of a problem's `errors`: a JSON Pointer into the body or query (or a header name) and the rule it broke. */
export interface ProblemEntry {
  pointer?: string;
  header?: string;
  message: string;
}

/** The RFC 9457 members the control plane sends, plus its `code` and `errors`. */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  instance?: string;
  errors?: ProblemEntry[];
}

/**
 * A refused call: a REST problem+json answer, a GraphQL error (mapped to the
 * same members) or an answer that is not a problem at all (its status and
 * text). The message is one line a person can act on: the status, the title,
 * then what exactly was wrong (`400 Invalid request: /jobs/0/templateId: must …`).
 */
export class ProblemError extends Error implements ProblemDetails {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly instance?: string;
  readonly errors: ProblemEntry[];

  constructor(problem: ProblemDetails) {
    super(problemLine(problem));
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.code = problem.code;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
  }

  /** Reads a non-2xx answer: problem+json (or any JSON with a title) as it is, anything else by its status and text. */
  static async fromResponse(response: Response): Promise<ProblemError> {
    const text = await response.text();
    return new ProblemError(toProblem(response.status, response.statusText, text));
  }
}

function toProblem(status: number, statusText: string, text: string): ProblemDetails {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isRecord(body) && typeof body['title'] === 'string') {
    return {
      title: body['title'],
      status: typeof body['status'] === 'number' ? body['status'] : status,
      ...(typeof body['type'] === 'string' && { type: body['type'] }),
      ...(typeof body['detail'] === 'string' && { detail: body['detail'] }),
      ...(typeof body['code'] === 'string' && { code: body['code'] }),
      ...(typeof body['instance'] === 'string' && { instance: body['instance'] }),
      errors: problemEntries(body['errors']),
    };
  }
  const detail = text.trim().split('\n')[0]?.slice(0, 300);
  return { title: statusText || 'Request failed', status, ...(detail && { detail }) };
}

/** The well-formed `{pointer|header, message}` entries of an `errors` member; anything else is left out. */
export function problemEntries(value: unknown): ProblemEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): ProblemEntry[] => {
    if (!isRecord(entry) || typeof entry['message'] !== 'string') return [];
    return [
      {
        message: entry['message'],
        ...(typeof entry['pointer'] === 'string' && { pointer: entry['pointer'] }),
        ...(typeof entry['header'] === 'string' && { header: entry['header'] }),
      },
    ];
  });
}

/** `<status> <title>: <what>` where what is each entry (`/pointer: message`, joined by `; `) or else the detail. */
export function problemLine(problem: ProblemDetails): string {
  const entries = (problem.errors ?? []).map((entry) => {
    const where = entry.pointer ?? entry.header;
    return where === undefined || where === '' ? entry.message : `${where}: ${entry.message}`;
  });
  const what = entries.length > 0 ? entries.join('; ') : problem.detail;
  return `${problem.status} ${problem.title}${what ? `: ${what}` : ''}`.replace(/\s*\n\s*/g, ' ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
