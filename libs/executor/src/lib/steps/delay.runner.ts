import type { DelayStepConfig } from '@base-shift/steps';
import { abortableDelay, type StepRunner } from './step-runner';

/** Waits config.ms (aborted at once on timeout or cancel), then passes the input through. */
export const delayRunner: StepRunner<DelayStepConfig> = {
  async run(config, input, context) {
    await abortableDelay(config.ms, context.signal);
    return input;
  },
};
