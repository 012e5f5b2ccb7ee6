import type { CodeOptions } from 'ajv/dist/2020';
import { RE2JS } from 're2js';
import { errorMessage, type ValidationProblem } from '@base-shift/core';

/** A compiled user regular expression; `test` searches like `RegExp.prototype.test`. */
export interface LinearRegExp {
  test(input: string): boolean;
}

/**
 * Compiles a user-supplied pattern on RE2 (re2js): matching is linear in the
 * input, so `^(a+)+$` cannot backtrack for seconds. Throws on syntax RE2 does
 * not have (backreferences, lookaround, `\u` escapes — use `\x{…}`).
 */
export function compileLinearRegExp(source: string): LinearRegExp {
  const re = RE2JS.compile(source);
  return { test: (input) => re.test(input), toString: () => `/${source}/` } as LinearRegExp;
}

/** Why `source` cannot run on the linear-time engine, or undefined when it can. */
export function linearRegExpProblem(source: string): string | undefined {
  try {
    RE2JS.compile(source);
    return undefined;
  } catch (error) {
    return `is not a supported regular expression (RE2 syntax: no backreferences or lookaround): ${errorMessage(error)}`;
  }
}

/** ajv's `code.regExp` for user schemas: `pattern` and `patternProperties` run on RE2. */
export const linearRegExpEngine: NonNullable<CodeOptions['regExp']> = Object.assign((pattern: string) => compileLinearRegExp(pattern), {
  code: 'require("re2js").RE2JS.compile',
});

// Values under these keywords are data, not schemas: a `pattern` inside them is not a regex.
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

/**
 * Every `pattern` and `patternProperties` key in `schema` that RE2 cannot
 * compile, each at its JSON Pointer below `pointer`. Run before ajv compiles,
 * so the problem names the place instead of failing the whole schema.
 */
export function schemaPatternProblems(schema: unknown, pointer: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${at}/${index}`));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${escapePointer(key)}`;
      if (DATA_KEYWORDS.has(key)) continue;
      if (key === 'pattern' && typeof value === 'string') {
        const message = linearRegExpProblem(value);
        if (message) problems.push({ pointer: here, message });
      }
      if (key === 'patternProperties' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const source of Object.keys(value)) {
          const message = linearRegExpProblem(source);
          if (message) problems.push({ pointer: `${here}/${escapePointer(source)}`, message });
        }
      }
      visit(value, here);
    }
  };
  visit(schema, pointer);
  return problems;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
