import { errorMessage, formatProblem, isJsonObject, type JsonValue, type ValidationProblem } from '@base-shift/core';
import {
  ajvErrorsToProblems,
  createSchemaAjv,
  isStepTypeName,
  STEP_TYPE_NAMES,
  validateStepConfig,
  writeOnlyPaths,
  type JsonPath,
  type StepTypeName,
} from '@base-shift/steps';
import type { ValidateFunction } from 'ajv';
import { InvalidTemplateError, UnknownStepTypeError, type JobFailure } from '../errors/executor-errors';

export interface PreparedStep {
  name: string;
  type: StepTypeName;
  config: unknown;
}

/**
 * A template snapshot made ready to run once (steps checked against this
 * executor's registry, outputSchema compiled) and then reused by every job of
 * that version. A snapshot this executor cannot run becomes `failure`: each
 * job using it fails permanently with that error, and nothing else runs.
 */
export interface PreparedTemplate {
  templateId: string;
  version: string;
  steps: PreparedStep[];
  /** Input fields the inputSchema marks `writeOnly: true`: their values are blanked in the job's output and errors. */
  writeOnly: JsonPath[];
  /** Problems of the output against outputSchema (empty when it matches, or when there is no schema). */
  outputProblems(output: JsonValue): ValidationProblem[];
  failure?: () => JobFailure;
}

export function prepareTemplate(templateId: string, version: string, snapshot: unknown): PreparedTemplate {
  const label = `template ${templateId}@${version}`;
  const broken = (failure: () => JobFailure): PreparedTemplate => ({ templateId, version, steps: [], writeOnly: [], outputProblems: () => [], failure });
  if (!isJsonObject(snapshot) || !Array.isArray(snapshot['steps']) || snapshot['steps'].length === 0) {
    return broken(() => new InvalidTemplateError(`${label}: the snapshot has no steps`));
  }
  const steps: PreparedStep[] = [];
  for (const [index, raw] of snapshot['steps'].entries()) {
    const step = isJsonObject(raw) ? raw : {};
    const name = typeof step['name'] === 'string' ? step['name'] : `#${index}`;
    const type = step['type'];
    if (!isStepTypeName(type)) {
      return broken(
        () =>
          new UnknownStepTypeError(
            `${label}: step ${name} has type ${JSON.stringify(type)}, which this executor does not know (it knows ${STEP_TYPE_NAMES.join(', ')}); the template may come from a newer control plane: upgrade the executor`,
            { step: name, type: typeof type === 'string' ? type : null },
          ),
      );
    }
    const problems = validateStepConfig(type, step['config'], `/steps/${index}`);
    if (problems.length > 0) {
      return broken(() => new InvalidTemplateError(`${label}: ${problems.map(formatProblem).join('; ')}`, { problems: problems as unknown as JsonValue }));
    }
    steps.push({ name, type, config: step['config'] });
  }
  let validate: ValidateFunction | undefined;
  const schema = snapshot['outputSchema'];
  if (schema !== undefined) {
    try {
      validate = createSchemaAjv().compile(isJsonObject(schema) ? schema : {});
    } catch (error) {
      const message = errorMessage(error);
      return broken(() => new InvalidTemplateError(`${label}: outputSchema does not compile: ${message}`));
    }
  }
  return {
    templateId,
    version,
    steps,
    writeOnly: writeOnlyPaths(snapshot['inputSchema']),
    outputProblems: (output) => (!validate || validate(output) ? [] : ajvErrorsToProblems(validate.errors, '')),
  };
}
