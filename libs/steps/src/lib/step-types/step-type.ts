import type { ValidationProblem } from '@base-shift/core';

/** A JSON Schema (2020-12) as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * What the control plane and the executor share about one step type. Only data
 * and pure checks live here; the executor keeps the run-time implementation,
 * keyed by the same `type`.
 */
export interface StepTypeDefinition<TConfig = unknown> {
  readonly type: string;
  readonly description: string;
  /** JSON Schema 2020-12 of `config`. `errorMessage` entries are annotations read by the problem formatter. */
  readonly configSchema: JsonSchema;
  /** Rules JSON Schema cannot express (regexes compile, min <= max, ...); called only once `configSchema` passed. Pointers are relative to the config. */
  checkConfig?(config: TConfig): ValidationProblem[];
  /** Names of the `${NAME}` secrets a (valid) config needs at run time. */
  requiredSecrets?(config: TConfig): string[];
  /**
   * Where a (valid) config sends its secrets: each destination's host (undefined when it is only known at run
   * time) and the secrets it carries, each with the pointer of the string using it. Pointers are relative to the config.
   */
  secretDestinations?(config: TConfig): SecretDestination[];
}

export interface SecretDestination {
  host: string | undefined;
  hostPointer: string;
  secrets: Array<{ name: string; pointer: string }>;
}
