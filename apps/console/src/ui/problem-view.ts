// What a person reads when a call fails: the problem's title and detail, each
// `errors[]` entry as `pointer: message`, and a hint for the refusals a
// console user can act on (a missing scope, an expired key).
import { ProblemError } from '@base-shift/client';

export interface ProblemView {
  title: string;
  detail?: string;
  entries: string[];
  hint?: string;
  status?: number;
}

export function problemView(error: unknown): ProblemView {
  if (error instanceof ProblemError) {
    const entries = error.errors.map((entry) => {
      const where = entry.pointer ?? entry.header;
      return where ? `${where}: ${entry.message}` : entry.message;
    });
    return {
      title: `${error.status} ${error.title}`,
      status: error.status,
      ...(error.detail && { detail: error.detail }),
      entries,
      ...(hintFor(error.status) && { hint: hintFor(error.status) }),
    };
  }
  if (error instanceof TypeError) return { title: 'The control plane cannot be reached', detail: error.message, entries: [] };
  return { title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error), entries: [] };
}

function hintFor(status: number): string | undefined {
  if (status === 401) return 'The API key was not accepted: sign in again with a valid key.';
  if (status === 403) return "This API key's scopes do not allow this page or action.";
  return undefined;
}
