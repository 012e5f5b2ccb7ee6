import { required, type WorkflowTransition } from '@base-shift/client';
import type { CommandContext } from '../context';
import { asFields } from '../output/resources';
import { transitionLine } from './transition-line';

export const FINAL_STATES = ['COMPLETED', 'FAILED', 'CANCELLED'];

/**
 * Prints each transition of a workflow as the control plane streams it until
 * the workflow is finished, and returns the finished workflow. The stream ends
 * when the workflow does; should it end early (a proxy closing it cleanly), it
 * is resumed after the last event seen.
 */
export async function watchWorkflow(context: CommandContext, id: string, print: (transition: WorkflowTransition) => void): Promise<Record<string, unknown>> {
  let lastEventId: string | undefined;
  for (;;) {
    for await (const transition of context.client.workflowEvents(id, lastEventId === undefined ? {} : { lastEventId })) {
      lastEventId = transition.event.id;
      const { event: _event, ...data } = transition;
      print(data);
    }
    const workflow = asFields(required(await context.client.rest.GET('/workflows/{id}', { params: { path: { id } } })));
    if (FINAL_STATES.includes(String(workflow['state']))) return workflow;
    // Not a tight loop should something keep closing the stream early.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Progress as lines for a person, as JSON lines for a program. */
export function transitionPrinter(context: CommandContext): (transition: WorkflowTransition) => void {
  if (context.format === 'table') return (transition) => context.out(`${transitionLine(transition, context.colors)}\n`);
  return (transition) => context.io.stderr.write(`${JSON.stringify(transition)}\n`);
}
