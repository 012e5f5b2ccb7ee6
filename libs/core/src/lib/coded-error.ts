/**
 * Base of every domain error: a stable, typed `code` (`QUEUE.STALE_ATTEMPT`,
 * `WORKFLOW.NOT_FOUND`, …) that the edges (REST, GraphQL, the executor's
 * result) map with an exhaustive `switch`; messages are for people and may change.
 */
export abstract class CodedError<Code extends string = string> extends Error {
  abstract readonly code: Code;

  constructor(message: string) {
    super(message);
    // Each subclass also names itself: bundlers may rename classes.
    this.name = new.target.name;
  }
}

/** Ends an exhaustive `switch`: adding a code without handling it fails type-checking. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}

/** The message of anything thrown (`throw 'text'` and non-errors included). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
