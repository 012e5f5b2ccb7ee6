import type { WorkflowTransition } from '@base-shift/client';
import type { Palette } from '../output/color';

/** One progress line: `12:00:01  job payment_processing   QUEUED -> RUNNING  (attempt 1)`. */
export function transitionLine(transition: WorkflowTransition, colors: Palette): string {
  const time = transition.at.slice(11, 19);
  const subject = transition.kind === 'job' ? `job ${transition.jobId ?? '?'}` : 'workflow';
  const from = transition.from === '' ? 'new' : transition.from;
  const details = [transition.attempt !== undefined ? `attempt ${transition.attempt}` : undefined, transition.reason].filter(Boolean).join(', ');
  return `${colors.dim(time)}  ${subject.padEnd(28)} ${from} -> ${colors.state(transition.to)}${details ? `  (${details})` : ''}`;
}
