import type { JsonValue } from '@base-shift/core';
import type { StepConfigByType, StepTypeName } from '@base-shift/steps';

export interface StepContext {
  /** Aborted when the job times out, is cancelled, or loses its lease; its reason is the JobFailure to report. */
  signal: AbortSignal;
  /** The job's input (steps after the first see the previous output as `input`). */
  jobInput: JsonValue;
  /** Stable across attempts of one job: `<queue job id>:<step name>` (sent as Idempotency-Key). */
  idempotencyKey: string;
}

/** The run-time half of a step type; the registry in @base-shift/steps holds the other half. */
export interface StepRunner<TConfig> {
  run(config: TConfig, input: JsonValue, context: StepContext): Promise<JsonValue>;
}

/** One runner per registered step type: adding a type to the registry without a runner fails to compile. */
export type StepRunners = { readonly [T in StepTypeName]: StepRunner<StepConfigByType[T]> };

/** Throws the job's abort reason if the job was aborted. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
