import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { LABELS } from '../driver/executor-settings';
import type { ContainerTrouble, ExecutorPod, PodPhase } from '../driver/pod-driver.port';

const PHASES: readonly PodPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];
const WAITING_TROUBLE: readonly ContainerTrouble[] = ['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError'];

/** What the pod manager needs to know of a Kubernetes pod. */
export function toExecutorPod(pod: V1Pod): ExecutorPod {
  const labels = pod.metadata?.labels ?? {};
  const status = pod.status ?? {};
  const phase = PHASES.includes(status.phase as PodPhase) ? (status.phase as PodPhase) : 'Pending';
  const readyCondition = status.conditions?.find((condition) => condition.type === 'Ready');
  const trouble = containerTrouble(status.containerStatuses ?? []);
  const created = pod.metadata?.creationTimestamp;
  const readySince = readyCondition?.lastTransitionTime;
  return {
    name: pod.metadata?.name ?? '',
    pool: labels[LABELS.pool],
    controlPlaneId: labels[LABELS.controlPlane],
    phase,
    ready: readyCondition?.status === 'True',
    createdAt: created ? new Date(created).getTime() : Date.now(),
    ...(readySince && { readySince: new Date(readySince).getTime() }),
    deleting: Boolean(pod.metadata?.deletionTimestamp),
    ...(trouble && { trouble: trouble.trouble, detail: trouble.detail }),
    ...((readyCondition?.status === 'Unknown' || status.reason === 'NodeLost') && { nodeLost: true }),
    ...(!trouble && status.message && { detail: status.message }),
  };
}

function containerTrouble(statuses: readonly V1ContainerStatus[]): { trouble: ContainerTrouble; detail: string } | undefined {
  for (const container of statuses) {
    const waiting = container.state?.waiting?.reason;
    if (waiting && WAITING_TROUBLE.includes(waiting as ContainerTrouble)) {
      return {
        trouble: waiting as ContainerTrouble,
        detail: `container ${container.name}: ${waiting}${container.state?.waiting?.message ? ` (${container.state.waiting.message})` : ''}`,
      };
    }
    // OOMKilled shows as the current state until the restart, then as the last state.
    for (const terminated of [container.state?.terminated, container.lastState?.terminated]) {
      if (terminated?.reason === 'OOMKilled') {
        return { trouble: 'OOMKilled', detail: `container ${container.name} was OOMKilled (exit code ${terminated.exitCode})` };
      }
    }
  }
  return undefined;
}
