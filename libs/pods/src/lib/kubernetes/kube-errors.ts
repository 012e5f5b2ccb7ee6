import { PodApiError } from '../errors/pod-errors';

/** The parts of a Kubernetes Status body we use. */
interface StatusBody {
  code?: number;
  reason?: string;
  message?: string;
}

// user:password@ in any URL an API message might echo back (e.g. an invalid env value).
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi;

/**
 * Turns what @kubernetes/client-node throws (ApiException with the HTTP code and
 * the raw body, or a network error) into a PodApiError with the Status reason
 * and message, credentials in URLs redacted.
 */
export function toPodApiError(operation: string, error: unknown): PodApiError {
  if (error instanceof PodApiError) return error;
  const candidate = error as { code?: unknown; body?: unknown; statusCode?: unknown; message?: unknown };
  const status = typeof candidate.code === 'number' ? candidate.code : typeof candidate.statusCode === 'number' ? candidate.statusCode : 0;
  if (status === 0) return new PodApiError(operation, 0, 'Unreachable', redact(String(candidate.message ?? error)));
  const body = parseBody(candidate.body);
  const reason = body.reason ?? (status === 401 ? 'Unauthorized' : 'Unknown');
  return new PodApiError(operation, status, reason, redact(body.message ?? `HTTP ${status}`).slice(0, 500));
}

/** The Status code of a watch ERROR event or a failed request, if any. */
export function statusCodeOf(error: unknown): number | undefined {
  const candidate = error as { code?: unknown; statusCode?: unknown } | null;
  if (!candidate) return undefined;
  if (typeof candidate.code === 'number') return candidate.code;
  if (typeof candidate.statusCode === 'number') return candidate.statusCode;
  return undefined;
}

function parseBody(body: unknown): StatusBody {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as StatusBody;
    } catch {
      return { message: body };
    }
  }
  return typeof body === 'object' && body !== null ? (body as StatusBody) : {};
}

function redact(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}
