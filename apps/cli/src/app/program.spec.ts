import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildProgram, runCli } from './program';
import type { CliIo } from './context';
import { commandWords } from './completion/completion-script';

function memoryIo(env: Record<string, string> = {}): CliIo & { text(): { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => ({ write: (chunk: string) => (append(chunk), true) }) as unknown as NodeJS.WritableStream;
  return {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: { BSCTL_CONFIG: '/nonexistent/bsctl.json', ...env },
    text: () => ({ stdout, stderr }),
  };
}

describe('bsctl', () => {
  it('exits 2 with one error line on a usage error, and 0 after --help', async () => {
    const io = memoryIo();
    expect(await runCli(['workflow', 'get'], io)).toBe(2);
    expect(io.text().stderr).toBe("error: missing required argument 'id'\n");
    expect(await runCli(['-o', 'xml', 'pools'], memoryIo())).toBe(2);
    const help = memoryIo();
    expect(await runCli(['template', 'apply', '--help'], help)).toBe(0);
    expect(help.text().stdout).toContain('Usage: bsctl template apply [options]');
  });

  it('has --help on every command', async () => {
    const paths = commandWords(buildProgram(memoryIo())).map((node) => node.path);
    expect(paths).toEqual(expect.arrayContaining(['template apply', 'run', 'workflow events', 'dlq requeue', 'pools', 'completion', 'login']));
    for (const commandPath of paths) {
      const io = memoryIo();
      const args = commandPath === '' ? ['--help'] : [...commandPath.split(' '), '--help'];
      expect(await runCli(args, io)).toBe(0);
      expect(io.text().stdout).toContain(`Usage: ${['bsctl', commandPath].filter(Boolean).join(' ')}`);
    }
  });

  it('says how to configure a control plane when none is, with exit code 1', async () => {
    const io = memoryIo();
    expect(await runCli(['pools'], io)).toBe(1);
    expect(io.text().stderr).toBe('error: no control plane configured: run `bsctl login <url>` or set BSCTL_SERVER\n');
  });

  it('prints a bash completion script that completes commands, subcommands and options', async () => {
    const io = memoryIo();
    expect(await runCli(['completion', 'bash'], io)).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'bsctl-completion-'));
    try {
      const script = path.join(dir, 'bsctl.bash');
      writeFileSync(script, io.text().stdout);
      const complete = (line: string) => {
        const words = line.split(' ');
        const program = `source ${script}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _bsctl_complete; echo "\${COMPREPLY[*]}"`;
        return spawnSync('bash', ['-c', program], { encoding: 'utf8' }).stdout.trim().split(' ');
      };
      expect(complete('bsctl te')).toEqual(['template']);
      expect(complete('bsctl template a')).toEqual(['apply']);
      expect(complete('bsctl -o json workflow ')).toEqual(expect.arrayContaining(['get', 'list', 'cancel', 'retry', 'events', '--output']));
      expect(complete('bsctl run --w')).toEqual(['--watch']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a zsh completion script and refuses other shells as a usage error', async () => {
    const zsh = memoryIo();
    expect(await runCli(['completion', 'zsh'], zsh)).toBe(0);
    expect(zsh.text().stdout).toMatch(/^#compdef bsctl\n/);
    expect(zsh.text().stdout).toContain('compdef _bsctl bsctl');
    const fish = memoryIo();
    expect(await runCli(['completion', 'fish'], fish)).toBe(2);
    expect(fish.text().stderr).toBe('error: unsupported shell "fish": expected bash or zsh\n');
  });
});
