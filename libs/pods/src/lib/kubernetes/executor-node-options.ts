import { parseQuantity } from '../pools/quantity';

/**
 * Young-generation semi-space, MiB. V8's default (16–32 MiB per semi-space on
 * 64-bit) is sized for servers with gigabytes; in a 128Mi pod those pages alone
 * are a quarter of the limit. The executor's garbage is small and short-lived
 * (a job's JSON), so a small nursery costs a few more scavenges, not throughput.
 */
const SEMI_SPACE_MIB = 2;
/** Share of the container's memory limit the old generation may grow to: the rest is code, buffers, sockets and the young generation. */
const OLD_SPACE_SHARE = 0.5;
const MIN_OLD_SPACE_MIB = 32;

/**
 * NODE_OPTIONS for an executor container with `memoryLimit` (a Kubernetes
 * quantity, e.g. "128Mi"): a V8 heap that collects before the kernel's OOM
 * killer would act. Without it V8 sizes its heap from the machine, not the
 * pod, and lets garbage pile up past the limit. No limit: only the small
 * nursery (V8 then reads the cgroup itself).
 */
export function executorNodeOptions(memoryLimit: string | undefined): string {
  const options = [`--max-semi-space-size=${SEMI_SPACE_MIB}`];
  const bytes = memoryLimit === undefined ? undefined : parseQuantity(memoryLimit);
  if (bytes !== undefined && bytes > 0) {
    const oldSpaceMib = Math.max(MIN_OLD_SPACE_MIB, Math.floor((bytes / 2 ** 20) * OLD_SPACE_SHARE));
    options.push(`--max-old-space-size=${oldSpaceMib}`);
  }
  return options.join(' ');
}
