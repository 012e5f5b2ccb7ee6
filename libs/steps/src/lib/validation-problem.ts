/** One reason a document is invalid: where (an RFC 6901 JSON pointer) and what is wrong. */
export interface ValidationProblem {
  pointer: string;
  message: string;
}

/** `/steps/1/config/method: must be one of GET, POST, PUT, PATCH, DELETE` */
export function formatProblem(problem: ValidationProblem): string {
  return `${problem.pointer}: ${problem.message}`;
}

/** Escapes one reference token per RFC 6901 (`~` → `~0`, `/` → `~1`). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
