import type { ValidationProblem } from '@base-shift/core';

/** `must be a string` for the value itself, `/amount must be a number` below it; joined with `; `. */
export function problemText(problems: readonly ValidationProblem[]): string {
  return problems.map((p) => (p.pointer ? `${p.pointer} ${p.message}` : p.message)).join('; ');
}
