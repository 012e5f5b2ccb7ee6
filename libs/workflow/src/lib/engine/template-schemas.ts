import type { ValidateFunction } from 'ajv';
import type { JsonValue } from '@base-shift/core';
import { ajvErrorsToProblems, createSchemaAjv, writeOnlyPaths, type JsonPath } from '@base-shift/steps';
import type { FieldProblem } from '../domain/workflow-errors';
import type { PinnedTemplate } from './engine-ports';

interface CompiledTemplate {
  input: ValidateFunction;
  output: ValidateFunction;
}

const MAX_CACHED = 500;

/**
 * Compiled input/output schemas of pinned snapshots, keyed by the snapshot's
 * content hash (a deleted and re-created template may reuse a version number
 * with other content; the hash tells them apart). The writeOnly paths of the
 * input schema are kept apart: reading a workflow needs them, not a compiled validator.
 */
export class TemplateSchemas {
  private readonly compiled = new Map<string, CompiledTemplate>();
  private readonly writeOnly = new Map<string, JsonPath[]>();

  has(templateHash: string): boolean {
    return this.compiled.has(templateHash);
  }

  remember(templateHash: string, template: Pick<PinnedTemplate, 'inputSchema' | 'outputSchema'>): void {
    if (this.compiled.has(templateHash)) return;
    // One ajv per snapshot: schemas with the same $id must not collide.
    const ajv = createSchemaAjv();
    this.compiled.set(templateHash, { input: ajv.compile(template.inputSchema), output: ajv.compile(template.outputSchema) });
    if (this.compiled.size > MAX_CACHED) this.compiled.delete(this.compiled.keys().next().value as string);
    this.rememberWriteOnly(templateHash, template.inputSchema);
  }

  hasWriteOnly(templateHash: string): boolean {
    return this.writeOnly.has(templateHash);
  }

  rememberWriteOnly(templateHash: string, inputSchema: unknown): JsonPath[] {
    const known = this.writeOnly.get(templateHash);
    if (known) return known;
    const paths = writeOnlyPaths(inputSchema);
    this.writeOnly.set(templateHash, paths);
    if (this.writeOnly.size > MAX_CACHED) this.writeOnly.delete(this.writeOnly.keys().next().value as string);
    return paths;
  }

  /** Paths of the input fields the snapshot's inputSchema marks `writeOnly: true` (loaded with rememberWriteOnly or remember). */
  writeOnlyPaths(templateHash: string): JsonPath[] {
    const found = this.writeOnly.get(templateHash);
    if (!found) throw new Error(`template schemas ${templateHash} were not loaded`);
    return found;
  }

  /** Problems of `value` against the input schema, named under `field` (e.g. `/jobs/1/input`). */
  inputProblems(templateHash: string, value: JsonValue, field: string): FieldProblem[] {
    return this.problems(this.get(templateHash).input, value, field);
  }

  outputProblems(templateHash: string, value: JsonValue, field: string): FieldProblem[] {
    return this.problems(this.get(templateHash).output, value, field);
  }

  private get(templateHash: string): CompiledTemplate {
    const found = this.compiled.get(templateHash);
    if (!found) throw new Error(`template schemas ${templateHash} were not loaded`);
    return found;
  }

  private problems(validate: ValidateFunction, value: JsonValue, field: string): FieldProblem[] {
    if (validate(value)) return [];
    return ajvErrorsToProblems(validate.errors, field);
  }
}
