import type { LeasedJob } from '@base-shift/queue';
import type { LogFields } from '@base-shift/observability';

/**
 * The fields that name a leased job on every log line about it (see
 * withLogContext). Read leniently: a malformed payload still names its queue job.
 */
export function jobLogFields(job: LeasedJob): LogFields {
  const text = (key: string): string | undefined => {
    const value = job.payload[key];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const fields: LogFields = { queueJobId: job.id, pool: job.pool, attempt: job.attempt };
  for (const key of ['workflowId', 'jobId', 'templateId'] as const) {
    const value = text(key);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}
