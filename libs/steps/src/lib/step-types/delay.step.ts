import type { StepTypeDefinition } from './step-type';

export const MAX_DELAY_MS = 600_000;

export interface DelayStepConfig {
  ms: number;
}

/** Waits, then passes its input through unchanged (demos, pacing a rate-limited API). */
export const delayStep: StepTypeDefinition<DelayStepConfig> = {
  type: 'delay',
  description: `Waits config.ms milliseconds (0–${MAX_DELAY_MS}) and passes the step input through unchanged.`,
  configSchema: {
    type: 'object',
    required: ['ms'],
    additionalProperties: false,
    properties: { ms: { type: 'integer', minimum: 0, maximum: MAX_DELAY_MS } },
  },
};
