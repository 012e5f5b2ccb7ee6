import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BuiltApps } from '@base-shift/testing';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface BsctlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A built control plane and a built executor with an admin key (BuiltApps), and `bsctl`, run as users
 * run it (tools/bsctl.mjs, the package.json bin, on the built CLI) in a private config directory.
 * `dir` (removed by stop()) holds the admin key file, XDG_CONFIG_HOME and the test's documents.
 */
export class CliStack extends BuiltApps {
  static async start(label: string): Promise<CliStack> {
    const dir = mkdtempSync(path.join(tmpdir(), 'bsctl-e2e-'));
    return new CliStack(await BuiltApps.launch(label, { adminKey: newApiKey(), dir }));
  }

  /** Writes a document into the test's directory and returns its path. */
  file(name: string, text: string): string {
    const target = path.join(this.dir, name);
    writeFileSync(target, text);
    return target;
  }

  /** The environment of a user who exported BSCTL_SERVER and BSCTL_TOKEN (and has a config directory of their own). */
  get env(): Record<string, string> {
    return { BSCTL_SERVER: this.baseUrl, BSCTL_TOKEN: this.adminKey, XDG_CONFIG_HOME: path.join(this.dir, 'config') };
  }

  /** Runs `bsctl <args>` and waits for it to exit. */
  bsctl(args: string[], env: Record<string, string> = this.env, stdin = ''): Promise<BsctlResult> {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/bsctl.mjs'), ...args], {
      cwd: this.dir,
      env: { PATH: process.env['PATH'] ?? '', HOME: this.dir, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin);
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }
}

/** A key in the control plane's format (bsk_<12 base32>_<43 base64url>), as an operator's bootstrap key file holds one. */
function newApiKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const id = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `bsk_${id}_${randomBytes(32).toString('base64url')}`;
}
