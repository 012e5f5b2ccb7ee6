import { createHash, randomBytes } from 'node:crypto';
import type { LogFields } from '@base-shift/observability';
import type { QueueResult } from './engine-ports';
import { JOB_ID_PATTERN } from '../definition/workflow-request.schema';

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function format(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A UUIDv7: time-ordered, so ids of one client sort roughly by creation. */
export function newWorkflowId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return format(bytes);
}

/**
 * The id a workflow created with this Idempotency-Key gets (a UUIDv8 from a
 * hash of the key). Deriving the id makes the idempotency check part of the
 * create script itself: one hash tag, no separate key to keep in step.
 */
export function idempotentWorkflowId(idempotencyKey: string): string {
  const bytes = createHash('sha256').update(`base-shift:workflow:${idempotencyKey}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return format(Buffer.from(bytes));
}

export function isWorkflowId(value: string): boolean {
  return UUID_TEXT.test(value);
}

// The job id part is the request schema's rule, anchors dropped.
const QUEUE_JOB_ID = new RegExp(`^([0-9a-f-]{36}):(${JOB_ID_PATTERN.slice(1, -1)}):(\\d+)$`);

/** `<workflowId>:<jobId>:<run>`, as enqueue-jobs-6.lua builds it. */
export function queueJobId(workflowId: string, jobId: string, run: number): string {
  return `${workflowId}:${jobId}:${run}`;
}

/** `<workflowId>:<jobId>:<run>` — built by enqueue-jobs-6.lua, read back here. */
export function parseQueueJobId(queueJobId: string): { workflowId: string; jobId: string; run: number } | null {
  const match = QUEUE_JOB_ID.exec(queueJobId);
  return match ? { workflowId: match[1], jobId: match[2], run: Number(match[3]) } : null;
}

/** The log fields of a queue result: every line written while applying it names the job. */
export function resultLogFields(result: QueueResult): LogFields {
  const target = parseQueueJobId(result.queueJobId);
  return {
    ...(target && { workflowId: target.workflowId, jobId: target.jobId }),
    queueJobId: result.queueJobId,
    attempt: result.attempt,
    ...(result.templateId && { templateId: result.templateId }),
    ...(result.pool && { pool: result.pool }),
  };
}
