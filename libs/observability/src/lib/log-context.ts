import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields that identify what a log line is about: a request, a workflow, a job. */
export interface LogFields {
  requestId?: string;
  workflowId?: string;
  jobId?: string;
  attempt?: number;
  templateId?: string;
  [field: string]: unknown;
}

const storage = new AsyncLocalStorage<LogFields>();

/**
 * Runs `fn` with `fields` added to every log line written inside it, however
 * deep the call: code handling a job never has to thread ids into each call.
 * Nested contexts add to (and may override) the outer one.
 */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

export function currentLogContext(): LogFields | undefined {
  return storage.getStore();
}
