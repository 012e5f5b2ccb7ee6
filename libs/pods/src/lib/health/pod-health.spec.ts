import type { V1Pod } from '@kubernetes/client-node';
import type { ExecutorPod } from '../driver/pod-driver.port';
import { toExecutorPod } from '../kubernetes/pod-status';
import { brokenReason } from './pod-health';

const NOW = Date.parse('2025-01-01T12:00:00Z');

function pod(status: V1Pod['status'], extra: Partial<ExecutorPod> = {}): ExecutorPod {
  return {
    ...toExecutorPod({
      metadata: { name: 'job-executor-default-x', creationTimestamp: new Date(NOW - 10_000), labels: { 'base-shift.io/pool': 'default' } },
      status,
    }),
    ...extra,
  };
}

const ready = { type: 'Ready', status: 'True', lastTransitionTime: new Date(NOW - 5000) };
const notReady = (ago: number) => ({ type: 'Ready', status: 'False', lastTransitionTime: new Date(NOW - ago) });

describe('a pod is replaced when its status says it is broken', () => {
  it('leaves healthy and starting pods alone', () => {
    expect(brokenReason(pod({ phase: 'Running', conditions: [ready] }), 60, NOW)).toBeUndefined();
    expect(brokenReason(pod({ phase: 'Pending' }), 60, NOW)).toBeUndefined();
  });

  it.each([
    ['Failed', { phase: 'Failed' }],
    ['Completed', { phase: 'Succeeded' }],
    ['Unknown', { phase: 'Unknown' }],
    ['Unknown', { phase: 'Running', conditions: [{ type: 'Ready', status: 'Unknown' }] }],
    [
      'CrashLoopBackOff',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'job-executor', image: 'i', imageID: '', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
    ],
    [
      'OOMKilled',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'job-executor', image: 'i', imageID: '', ready: true, restartCount: 1, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } },
        ],
      },
    ],
    [
      'OOMKilled',
      {
        phase: 'Failed',
        containerStatuses: [
          { name: 'job-executor', image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } },
        ],
      },
    ],
  ] as const)('%s', (reason, status) => {
    expect(brokenReason(pod(status as V1Pod['status']), 60, NOW)).toBe(reason);
  });

  it('replaces a pod not Ready past the deadline, counted from creation or from when it became unready', () => {
    expect(brokenReason(pod({ phase: 'Running', conditions: [notReady(30_000)] }), 60, NOW)).toBeUndefined();
    expect(brokenReason(pod({ phase: 'Running', conditions: [notReady(61_000)] }), 60, NOW)).toBeUndefined(); // created 10 s ago
    expect(brokenReason(pod({ phase: 'Running', conditions: [notReady(61_000)] }, { createdAt: NOW - 600_000 }), 60, NOW)).toBe('NotReady');
  });

  it('does not judge a pod that is already being deleted', () => {
    expect(brokenReason(pod({ phase: 'Failed' }, { deleting: true }), 60, NOW)).toBeUndefined();
  });
});
