import { errorMessage, getLogger } from '@base-shift/core';
import type { WorkflowState } from '../domain/workflow-states';
import type { AppliedJobFacts } from '../store/workflow-record';
import type { QueueResult } from './engine-ports';

/** A queue result the engine applied: reported once per stream entry, however many replicas read it. */
export interface AppliedJobResult extends AppliedJobFacts {
  workflowId: string;
  jobId: string;
  attempt: number;
  /** What the queue reported; `failed` means the queue dead-lettered the job. */
  reported: QueueResult['outcome'];
}

/**
 * What the engine tells whoever watches it (the control plane's metrics).
 * Called after the change is stored, from the replica that made it, so every
 * event is seen once across replicas. Implementations must be quick and must
 * not throw; the engine ignores their errors anyway.
 */
export interface WorkflowObserver {
  workflowCreated(): void;
  workflowMoved(from: WorkflowState, to: WorkflowState): void;
  jobResultApplied(result: AppliedJobResult): void;
}

const logger = getLogger('WorkflowObserver');

/** Runs an observer call; a failing observer never fails the workflow step that reported to it. */
export function notifyObserver(observer: WorkflowObserver | undefined, call: (observer: WorkflowObserver) => void): void {
  if (!observer) return;
  try {
    call(observer);
  } catch (error) {
    logger.warn(`workflow observer failed: ${errorMessage(error)}`);
  }
}
