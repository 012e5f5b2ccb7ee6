import type { JsonValue } from '@base-shift/core';
import { mappingProblems } from '../mapping/mapping';
import type { StepTypeDefinition } from './step-type';

export interface TransformStepConfig {
  /** A mapping (see mapping.ts): the step output, with every `{ "$from": path }` replaced. */
  output: JsonValue;
}

export const transformStep: StepTypeDefinition<TransformStepConfig> = {
  type: 'transform',
  description:
    'Builds the step output from config.output, replacing every {"$from": "input.<path>"} or {"$from": "job.input.<path>"} with the value found there.',
  configSchema: {
    type: 'object',
    required: ['output'],
    additionalProperties: false,
    properties: { output: true },
  },
  checkConfig(config) {
    return mappingProblems(config.output, '/output');
  },
};
