import type { ExecutorPod } from '../driver/pod-driver.port';

/** Why a pod is replaced: the metric label and the event's words. */
export type BrokenReason = 'Failed' | 'OOMKilled' | 'CrashLoopBackOff' | 'Unknown' | 'NotReady' | 'Completed';

/**
 * Whether an executor pod is beyond saving: Failed, OOMKilled, in
 * CrashLoopBackOff, on a lost node (Unknown), exited (Completed: an executor
 * never should), or not Ready for readyDeadlineSeconds (since it was created or
 * last became unready). Pods already being deleted are not judged.
 */
export function brokenReason(pod: ExecutorPod, readyDeadlineSeconds: number, now: number): BrokenReason | undefined {
  if (pod.deleting) return undefined;
  if (pod.trouble === 'OOMKilled') return 'OOMKilled';
  if (pod.phase === 'Failed') return 'Failed';
  if (pod.trouble === 'CrashLoopBackOff') return 'CrashLoopBackOff';
  if (pod.phase === 'Unknown' || pod.nodeLost) return 'Unknown';
  if (pod.phase === 'Succeeded') return 'Completed';
  const unreadySince = Math.max(pod.createdAt, pod.readySince ?? pod.createdAt);
  if (!pod.ready && now - unreadySince > readyDeadlineSeconds * 1000) return 'NotReady';
  return undefined;
}

/** Pods that count as a pool's capacity: alive or starting, not deleting. */
export function countsAsCapacity(pod: ExecutorPod): boolean {
  return !pod.deleting && pod.phase !== 'Failed' && pod.phase !== 'Succeeded';
}
