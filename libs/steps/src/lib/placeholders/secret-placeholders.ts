import { pointerSegment, type JsonValue, type ValidationProblem } from '@base-shift/core';

/** A secret's name: what `${NAME}` refers to (a file SECRETS_DIR/NAME, handed out only if the pool binds it). */
export const SECRET_NAME_PATTERN = /^[A-Z_][A-Z0-9_]*$/;

// Any `${...}`: valid ones are placeholders, the rest are reported rather than sent as literal text.
const PLACEHOLDER = /\$\{([^}]*)\}/g;

/** The secret names `text` refers to, in order of first use. */
export function placeholderNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (SECRET_NAME_PATTERN.test(match[1]) && !names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/** Reports `${...}` whose content is not a valid secret name (e.g. `${api_key}`, `${}`). */
export function placeholderProblems(text: string, pointer: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!SECRET_NAME_PATTERN.test(match[1])) {
      problems.push({ pointer, message: `${match[0]} is not a valid secret placeholder: the name must match ${SECRET_NAME_PATTERN.source}` });
    }
  }
  return problems;
}

/** Placeholder names used by every string inside a JSON value (object keys excluded). */
export function placeholderNamesIn(value: unknown): string[] {
  const names = new Set<string>();
  visitStrings(value, '', (text) => placeholderNames(text).forEach((name) => names.add(name)));
  return [...names];
}

/** placeholderProblems for every string inside a JSON value, each at its own pointer. */
export function placeholderProblemsIn(value: unknown, pointer: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  visitStrings(value, pointer, (text, at) => problems.push(...placeholderProblems(text, at)));
  return problems;
}

/** Each use of a secret inside a JSON value (object keys excluded): its name and the pointer of the string using it. */
export function placeholderUsesIn(value: unknown, pointer: string): Array<{ name: string; pointer: string }> {
  const uses: Array<{ name: string; pointer: string }> = [];
  visitStrings(value, pointer, (text, at) => placeholderNames(text).forEach((name) => uses.push({ name, pointer: at })));
  return uses;
}

/** Whether `text` contains anything that looks like a placeholder, valid or not. */
export function hasPlaceholder(text: string): boolean {
  return /\$\{[^}]*\}/.test(text);
}

/**
 * Replaces each `${NAME}` with `lookup(NAME)`; the executor's run-time half.
 * Invalid placeholders were refused when the template was stored, so they never reach here.
 */
export function fillPlaceholders(text: string, lookup: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (SECRET_NAME_PATTERN.test(name) ? lookup(name) : whole));
}

function visitStrings(value: unknown, pointer: string, visit: (text: string, pointer: string) => void): void {
  if (typeof value === 'string') visit(value, pointer);
  else if (Array.isArray(value)) value.forEach((item, index) => visitStrings(item, `${pointer}/${index}`, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value as Record<string, JsonValue>)) visitStrings(item, `${pointer}/${pointerSegment(key)}`, visit);
  }
}
