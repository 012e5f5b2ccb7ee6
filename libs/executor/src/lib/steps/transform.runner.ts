import { evaluateMapping, MappingError, type TransformStepConfig } from '@base-shift/steps';
import { MappingFailedError } from '../errors/executor-errors';
import type { StepRunner } from './step-runner';

/** Builds the output from config.output (the mapping syntax of libs/steps/README.md). */
export const transformRunner: StepRunner<TransformStepConfig> = {
  async run(config, input, context) {
    try {
      return evaluateMapping(config.output, { input, job: { input: context.jobInput } });
    } catch (error) {
      if (error instanceof MappingError) throw new MappingFailedError(`output ${error.message}`, { path: error.path });
      throw error;
    }
  },
};
