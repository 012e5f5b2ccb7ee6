import { ProblemError } from '@base-shift/client';

/** Exit codes: 0 success, 1 a failed operation (refused call, bad file, unfinished workflow), 2 a usage error. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure the user can act on; its message is printed as is, as one `error:` line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * The one line printed for a failure: the problem's status, title and what
 * was wrong for a refused call, the reason for an unreachable server, the
 * message otherwise. Never a stack: bsctl's users fix input, not code.
 */
export function errorLine(error: unknown): string {
  if (error instanceof ProblemError || error instanceof CliError) return oneLine(error.message);
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    // fetch hides why a connection failed in its cause (ECONNREFUSED, ENOTFOUND, a certificate error).
    if (error.message === 'fetch failed' && cause instanceof Error) return oneLine(`cannot reach the control plane: ${cause.message}`);
    return oneLine(error.message);
  }
  return oneLine(String(error));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
