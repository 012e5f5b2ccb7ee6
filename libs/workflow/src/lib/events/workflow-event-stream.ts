import { isTerminalWorkflowState, type WorkflowState } from '../domain/workflow-states';
import type { HistoryEntry, WorkflowRecord } from '../store/workflow-record';
import type { WorkflowEvents } from './workflow-events';

export interface EventSink {
  next(entry: HistoryEntry): void;
  complete(): void;
}

/**
 * A workflow's transitions for one client: the recorded history after
 * `afterSeq` (the SSE Last-Event-ID), then live ones, each once and in order.
 * Ends after the workflow reaches COMPLETED, FAILED or CANCELLED.
 * Subscribes BEFORE reading the history, so nothing falls between the two.
 */
export async function streamWorkflowEvents(
  events: WorkflowEvents,
  load: () => Promise<WorkflowRecord>,
  workflowId: string,
  afterSeq: number,
  sink: EventSink,
): Promise<() => Promise<void>> {
  let last = afterSeq;
  let replayed = false;
  let done = false;
  const early: HistoryEntry[] = [];

  const emit = (entry: HistoryEntry) => {
    if (done || entry.seq <= last) return;
    last = entry.seq;
    sink.next(entry);
    if (entry.kind === 'workflow' && isTerminalWorkflowState(entry.to as WorkflowState)) {
      done = true;
      sink.complete();
    }
  };

  const unsubscribe = await events.subscribe(workflowId, (entry) => (replayed ? emit(entry) : early.push(entry)));
  try {
    const record = await load();
    for (const entry of record.history) emit(entry);
    replayed = true;
    for (const entry of early.sort((a, b) => a.seq - b.seq)) emit(entry);
    if (!done && isTerminalWorkflowState(record.state)) {
      done = true;
      sink.complete();
    }
  } catch (error) {
    await unsubscribe();
    throw error;
  }
  return unsubscribe;
}
