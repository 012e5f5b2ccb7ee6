import { delayRunner } from './delay.runner';
import { externalApiCallRunner, type ExternalApiCallDependencies } from './external-api-call.runner';
import type { StepRunners } from './step-runner';
import { transformRunner } from './transform.runner';
import { validationRunner } from './validation/validation.runner';

/** The run-time implementations, keyed by the registry's type names (a missing one is a compile error). */
export function createStepRunners(dependencies: ExternalApiCallDependencies): StepRunners {
  return {
    validation: validationRunner,
    external_api_call: externalApiCallRunner(dependencies),
    transform: transformRunner,
    delay: delayRunner,
  };
}
