import type { Command } from 'commander';
import type { CliIo } from '../context';
import { completionScript } from '../completion/completion-script';

export function completionCommand(program: Command, io: CliIo): void {
  program
    .command('completion')
    .description('Print a shell completion script')
    .argument('<shell>', 'bash or zsh')
    .addHelpText('after', '\nbash: source <(bsctl completion bash)   (or write it to /etc/bash_completion.d/bsctl)\nzsh:  source <(bsctl completion zsh)')
    .action((shell: string) => {
      io.stdout.write(completionScript(program, shell));
    });
}
