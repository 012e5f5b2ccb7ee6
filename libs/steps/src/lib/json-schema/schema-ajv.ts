import Ajv2020, { type Options } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { errorMessage, isJsonObject, type ValidationProblem } from '@base-shift/core';
import { ajvErrorsToProblems } from './ajv-problems';
import { linearRegExpEngine, schemaPatternProblems } from './linear-regexp';

/**
 * Options for user-supplied schemas (template input/output schemas, the
 * `schema` validation rule): JSON Schema 2020-12 with the ajv-formats formats.
 * Strict about keywords and formats, so a typo (`"requried"`, `"format": "e-mail"`)
 * is refused instead of silently validating nothing. `pattern` and
 * `patternProperties` run on RE2, linear in the input (no ReDoS).
 */
const SCHEMA_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  logger: false,
  code: { regExp: linearRegExpEngine },
};

/**
 * A fresh ajv for user schemas. Take a new one per schema: an instance caches
 * every schema compiled in it (a leak for a long-lived process) and two user
 * schemas with the same `$id` would collide in one instance.
 */
export function createSchemaAjv(): Ajv2020 {
  const ajv = new Ajv2020(SCHEMA_OPTIONS);
  addFormats(ajv);
  return ajv;
}

/**
 * Proves `schema` is a usable JSON Schema 2020-12: valid against the
 * meta-schema, then compiled (unknown keywords and formats, unresolvable
 * `$ref`s, regexes RE2 cannot run). Problems point into the schema below `pointer`.
 */
export function jsonSchemaProblems(schema: unknown, pointer: string): ValidationProblem[] {
  if (!isJsonObject(schema)) return [{ pointer, message: 'must be a JSON Schema object' }];
  const ajv = createSchemaAjv();
  try {
    if (!ajv.validateSchema(schema)) return metaSchemaProblems(ajv, pointer);
    const patternProblems = schemaPatternProblems(schema, pointer);
    if (patternProblems.length > 0) return patternProblems;
    ajv.compile(schema);
    return [];
  } catch (error) {
    return [{ pointer, message: `is not a usable JSON Schema 2020-12: ${errorMessage(error)}` }];
  }
}

// Meta-schema errors under an anyOf (e.g. `type` may be a name or a list of names)
// come as one error per branch; one problem per place reads better.
function metaSchemaProblems(ajv: Ajv2020, pointer: string): ValidationProblem[] {
  const errors = ajv.errors ?? [];
  const ambiguous = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const plain = errors.filter((e) => !ambiguous.has(e.instancePath));
  const problems = ajvErrorsToProblems(plain, pointer);
  for (const path of ambiguous) {
    const message = path.endsWith('/type')
      ? 'must be a JSON Schema type (string, number, integer, boolean, object, array, null) or a list of them'
      : 'is not a valid value for this JSON Schema keyword';
    problems.push({ pointer: pointer + path, message });
  }
  return problems;
}
