import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Entry {
  name: string;
  pid: number;
  ownerPid: number;
}

/**
 * The local driver's record of the executors it started: one small file per
 * executor (`<controlPlaneId>.<name>.json` with its pid and the control-plane
 * process's pid). A control plane killed with SIGKILL cannot stop its children;
 * the next one finds them here and stops them, as the kubernetes driver deletes
 * orphan pods.
 */
export class LocalPodRegistry {
  constructor(
    private readonly dir: string,
    private readonly controlPlaneId: string,
    private readonly executorMain: string,
  ) {}

  add(name: string, pid: number): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file(name), JSON.stringify({ name, pid, ownerPid: process.pid } satisfies Entry));
  }

  remove(name: string): void {
    rmSync(this.file(name), { force: true });
  }

  /** SIGTERMs (drain) executors of this control plane whose owner process is gone; returns them. */
  stopOrphans(): Entry[] {
    const stopped: Entry[] = [];
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((file) => file.startsWith(`${this.controlPlaneId}.`) && file.endsWith('.json'));
    } catch {
      return stopped;
    }
    for (const file of files) {
      let entry: Entry;
      try {
        entry = JSON.parse(readFileSync(path.join(this.dir, file), 'utf8')) as Entry;
      } catch {
        continue;
      }
      if (alive(entry.ownerPid)) continue;
      // The pid may have been reused since: only a process running our executor is ours to stop.
      if (alive(entry.pid) && commandLine(entry.pid).includes(this.executorMain)) {
        process.kill(entry.pid, 'SIGTERM');
        stopped.push(entry);
      }
      rmSync(path.join(this.dir, file), { force: true });
    }
    return stopped;
  }

  private file(name: string): string {
    return path.join(this.dir, `${this.controlPlaneId}.${name}.json`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return ''; // no /proc (macOS): never kill what cannot be identified
  }
}
