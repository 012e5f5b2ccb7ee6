import { readFileSync } from 'node:fs';

/** CPU time (user + system) of a process so far, in ms: /proc/<pid>/stat fields 14 and 15, in USER_HZ (100) ticks. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A process's resident memory in MiB from /proc/<pid>/status: VmRSS (now) or VmHWM (its peak so far). */
export function memoryMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  if (pid === undefined) return null;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
}
