import { Command, CommanderError, Option } from 'commander';
import { completionCommand } from './commands/completion';
import { dlqCommand } from './commands/dlq';
import { loginCommand } from './commands/login';
import { poolsCommand } from './commands/pools';
import { runCommand } from './commands/run';
import { templateCommand } from './commands/template';
import { workflowCommand } from './commands/workflow';
import type { CliIo } from './context';
import { colorEnabled, palette } from './output/color';
import { OUTPUT_FORMATS } from './output/output-format';
import { CliError, errorLine, EXIT_FAILURE, EXIT_USAGE } from './errors';

/** The whole command tree. Usage errors throw (exitOverride) so runCli decides the exit code. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('bsctl')
    .description('Base Shift from the command line: job templates, workflows, dead letters and pools')
    .addOption(new Option('-o, --output <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .option('-s, --server <url>', 'the control plane (default: BSCTL_SERVER, else the one `bsctl login` stored)')
    .addHelpText(
      'after',
      '\nEnvironment: BSCTL_SERVER and BSCTL_TOKEN override the config file; BSCTL_CONFIG names it; NO_COLOR turns colours off.' +
        '\nExit codes: 0 success, 1 failure (refused call, bad file, workflow not COMPLETED), 2 usage error.',
    )
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander's own "error: …" lines, coloured like ours.
      outputError: (text, write) => write(text.startsWith('error: ') ? `${palette(colorEnabled(io.stderr, io.env)).red('error:')}${text.slice(6)}` : text),
    });
  loginCommand(program, io);
  templateCommand(program, io);
  runCommand(program, io);
  workflowCommand(program, io);
  dlqCommand(program, io);
  poolsCommand(program, io);
  completionCommand(program, io);
  return program;
}

/** Runs bsctl with `args` (without node and the script) and returns the exit code; every failure is one `error:` line on stderr. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander printed the message (or the help) already.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      return EXIT_USAGE;
    }
    const red = palette(colorEnabled(io.stderr, io.env)).red;
    io.stderr.write(`${red('error:')} ${errorLine(error)}\n`);
    return error instanceof CliError ? error.exitCode : EXIT_FAILURE;
  }
}
